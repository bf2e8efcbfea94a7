package store

import (
	"bytes"
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/gob"
	"encoding/hex"
	"errors"
	"fmt"
	"reflect"
	"strings"
	"time"

	"github.com/briefbot/briefbot/knowledge"
)

// Kind is the form a briefing was given in.
type Kind string

// The kinds of original.
const (
	Text     Kind = "text"
	Markdown Kind = "markdown"
	HTML     Kind = "html"
)

// A Record is one stored briefing. Text is the extracted briefing text (with
// its key: value header), what knowledge.Parse reads; lists leave it empty.
type Record struct {
	ID        int64     `json:"id"`
	Guild     string    `json:"guild"` // "" for a global briefing
	Title     string    `json:"title"`
	Publisher string    `json:"publisher"`
	Published string    `json:"published"` // YYYY-MM-DD, or ""
	URL       string    `json:"url"`
	Kind      Kind      `json:"kind"`
	Text      string    `json:"-"`
	TextHash  string    `json:"-"` // hex SHA-256 of Text
	AddedBy   string    `json:"added_by"`
	AddedAt   time.Time `json:"added_at"`
}

// Limits bound what one guild may add; zero means no limit. Global
// briefings (Guild "") are the operator's and are not limited.
type Limits struct {
	PerGuild   int           // briefings one guild may hold
	AddsPer    int           // adds one guild may make per AddsWindow
	AddsWindow time.Duration // default one hour
}

// Errors Add returns for a guild over its limits or a briefing it already has.
var (
	ErrFull        = errors.New("the guild's library is full")
	ErrRateLimited = errors.New("too many briefings added recently")
	ErrDuplicate   = errors.New("the guild already has this briefing")
	ErrNotFound    = errors.New("no such briefing")
)

// A LimitError is ErrFull or ErrRateLimited with the numbers behind it.
type LimitError struct {
	Err   error
	Limit int
	Retry time.Duration // for ErrRateLimited: when the oldest add in the window leaves it
}

func (e *LimitError) Error() string { return fmt.Sprintf("%v (limit %d)", e.Err, e.Limit) }
func (e *LimitError) Unwrap() error { return e.Err }

// A DuplicateError is ErrDuplicate naming the briefing already stored.
type DuplicateError struct{ ID int64 }

func (e *DuplicateError) Error() string { return fmt.Sprintf("%v (#%d)", ErrDuplicate, e.ID) }
func (e *DuplicateError) Unwrap() error { return ErrDuplicate }

// Hash is the hex SHA-256 of a briefing text, the key of its parse cache.
func Hash(text string) string {
	sum := sha256.Sum256([]byte(text))
	return hex.EncodeToString(sum[:])
}

// Add stores r with its parsed form b in one transaction, after checking the
// guild's limits, and bumps the library version. It returns the new ID.
// r.TextHash and r.AddedAt are filled in when empty.
func (s *Store) Add(ctx context.Context, r Record, b *knowledge.Briefing, lim Limits) (int64, error) {
	if r.TextHash == "" {
		r.TextHash = Hash(r.Text)
	}
	if r.AddedAt.IsZero() {
		r.AddedAt = s.Now()
	}
	blob, err := encode(b)
	if err != nil {
		return 0, fmt.Errorf("add briefing: %w", err)
	}
	var id int64
	err = s.inTx(ctx, func(tx *sql.Tx) error {
		if err := s.lockGuild(ctx, tx, r.Guild); err != nil {
			return err
		}
		if err := s.checkLimits(ctx, tx, r, lim); err != nil {
			return err
		}
		err := tx.QueryRowContext(ctx, s.q(`INSERT INTO briefings (guild, title, publisher, published, url, kind, text, text_hash, added_by, added_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`),
			r.Guild, r.Title, r.Publisher, r.Published, r.URL, string(r.Kind), r.Text, r.TextHash, r.AddedBy, millis(r.AddedAt)).Scan(&id)
		if err != nil {
			return fmt.Errorf("insert briefing: %w", err)
		}
		if err := s.putCache(ctx, tx, r.TextHash, blob); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, s.q(`INSERT INTO adds (guild, at) VALUES (?, ?)`), r.Guild, millis(r.AddedAt)); err != nil {
			return fmt.Errorf("log add: %w", err)
		}
		return bump(ctx, tx)
	})
	if err != nil {
		return 0, fmt.Errorf("add briefing: %w", err)
	}
	return id, nil
}

// addLock is the class of the PostgreSQL advisory locks that serialise
// adds to one guild (the guild's hashtext is the other key).
const addLock = 0x61646473 // "adds"

// lockGuild serialises adds to one guild across instances until tx ends,
// so that the duplicate and limit checks made in tx still hold at commit.
// SQLite needs nothing: its immediate transactions serialise every writer.
// PostgreSQL's default isolation would let two adds both count 199
// briefings and both insert.
func (s *Store) lockGuild(ctx context.Context, tx *sql.Tx, guild string) error {
	if s.dialect != dialectPostgres {
		return nil
	}
	if _, err := tx.ExecContext(ctx, `SELECT pg_advisory_xact_lock($1, hashtext($2))`, addLock, guild); err != nil {
		return fmt.Errorf("lock the guild's adds: %w", err)
	}
	return nil
}

// checkLimits refuses a duplicate, and for a guild a full library or too
// many recent adds.
func (s *Store) checkLimits(ctx context.Context, tx querier, r Record, lim Limits) error {
	var dup int64
	switch err := tx.QueryRowContext(ctx, s.q(`SELECT id FROM briefings WHERE guild = ? AND text_hash = ?`), r.Guild, r.TextHash).Scan(&dup); {
	case err == nil:
		return &DuplicateError{ID: dup}
	case !errors.Is(err, sql.ErrNoRows):
		return fmt.Errorf("check duplicate: %w", err)
	}
	if r.Guild == "" {
		return nil
	}
	if lim.PerGuild > 0 {
		var n int
		if err := tx.QueryRowContext(ctx, s.q(`SELECT COUNT(*) FROM briefings WHERE guild = ?`), r.Guild).Scan(&n); err != nil {
			return fmt.Errorf("count briefings: %w", err)
		}
		if n >= lim.PerGuild {
			return &LimitError{Err: ErrFull, Limit: lim.PerGuild}
		}
	}
	if lim.AddsPer > 0 {
		window := lim.AddsWindow
		if window <= 0 {
			window = time.Hour
		}
		var n int
		var oldest sql.NullInt64
		if err := tx.QueryRowContext(ctx, s.q(`SELECT COUNT(*), MIN(at) FROM adds WHERE guild = ? AND at > ?`),
			r.Guild, millis(r.AddedAt.Add(-window))).Scan(&n, &oldest); err != nil {
			return fmt.Errorf("count adds: %w", err)
		}
		if n >= lim.AddsPer {
			retry := time.UnixMilli(oldest.Int64).Add(window).Sub(r.AddedAt)
			return &LimitError{Err: ErrRateLimited, Limit: lim.AddsPer, Retry: max(retry, time.Second)}
		}
	}
	return nil
}

// bump increments the library version, in the transaction that changed it.
func bump(ctx context.Context, tx *sql.Tx) error {
	if _, err := tx.ExecContext(ctx, `UPDATE library_version SET version = version + 1 WHERE id = 1`); err != nil {
		return fmt.Errorf("bump library version: %w", err)
	}
	return nil
}

// Remove deletes the briefing with id and bumps the library version. It
// returns the record removed, or ErrNotFound.
func (s *Store) Remove(ctx context.Context, id int64) (Record, error) {
	var r Record
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		rows, err := tx.QueryContext(ctx, s.q(`SELECT `+recordColumns+` FROM briefings WHERE id = ?`), id)
		if err != nil {
			return err
		}
		list, err := scanRecords(rows)
		if err != nil {
			return err
		}
		if len(list) == 0 {
			return ErrNotFound
		}
		r = list[0]
		if _, err := tx.ExecContext(ctx, s.q(`DELETE FROM briefings WHERE id = ?`), id); err != nil {
			return err
		}
		// The parse cache row goes too unless another guild stores the same text.
		if _, err := tx.ExecContext(ctx, s.q(`DELETE FROM parse_cache WHERE text_hash = ? AND NOT EXISTS (SELECT 1 FROM briefings WHERE text_hash = ?)`),
			r.TextHash, r.TextHash); err != nil {
			return err
		}
		return bump(ctx, tx)
	})
	if err != nil {
		return Record{}, fmt.Errorf("remove briefing %d: %w", id, err)
	}
	return r, nil
}

// Version is the library version: it changes with every add and remove,
// made by any instance.
func (s *Store) Version(ctx context.Context) (int64, error) {
	db, err := s.db(ctx, false)
	if err != nil || db == nil {
		return 0, err
	}
	var v int64
	if err := db.QueryRowContext(ctx, `SELECT version FROM library_version WHERE id = 1`).Scan(&v); err != nil {
		return 0, fmt.Errorf("read library version: %w", err)
	}
	return v, nil
}

// querier is what a transaction and a database have in common.
type querier interface {
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

// recordColumns are the columns scanRecords reads, text excluded.
const recordColumns = `id, guild, title, publisher, published, url, kind, text_hash, added_by, added_at`

// List returns every stored briefing without its text, with the library
// version they were read at, in ID order.
func (s *Store) List(ctx context.Context) ([]Record, int64, error) {
	db, err := s.db(ctx, false)
	if err != nil || db == nil {
		return nil, 0, err
	}
	// The version first: a change committed between the two reads then
	// shows as a newer version at the next poll, never as an old one.
	var v int64
	if err := db.QueryRowContext(ctx, `SELECT version FROM library_version WHERE id = 1`).Scan(&v); err != nil {
		return nil, 0, fmt.Errorf("list briefings: %w", err)
	}
	rows, err := db.QueryContext(ctx, `SELECT `+recordColumns+` FROM briefings ORDER BY id`)
	if err != nil {
		return nil, 0, fmt.Errorf("list briefings: %w", err)
	}
	list, err := scanRecords(rows)
	if err != nil {
		return nil, 0, fmt.Errorf("list briefings: %w", err)
	}
	return list, v, nil
}

// Get returns one stored briefing with its text, or ErrNotFound.
func (s *Store) Get(ctx context.Context, id int64) (Record, error) {
	db, err := s.db(ctx, false)
	if err != nil {
		return Record{}, err
	}
	if db == nil {
		return Record{}, fmt.Errorf("get briefing %d: %w", id, ErrNotFound)
	}
	var r Record
	var at int64
	var kind string
	err = db.QueryRowContext(ctx, s.q(`SELECT `+recordColumns+`, text FROM briefings WHERE id = ?`), id).
		Scan(&r.ID, &r.Guild, &r.Title, &r.Publisher, &r.Published, &r.URL, &kind, &r.TextHash, &r.AddedBy, &at, &r.Text)
	if errors.Is(err, sql.ErrNoRows) {
		return Record{}, fmt.Errorf("get briefing %d: %w", id, ErrNotFound)
	}
	if err != nil {
		return Record{}, fmt.Errorf("get briefing %d: %w", id, err)
	}
	r.Kind, r.AddedAt = Kind(kind), time.UnixMilli(at)
	return r, nil
}

func scanRecords(rows *sql.Rows) ([]Record, error) {
	defer rows.Close()
	var out []Record
	for rows.Next() {
		var r Record
		var at int64
		var kind string
		if err := rows.Scan(&r.ID, &r.Guild, &r.Title, &r.Publisher, &r.Published, &r.URL, &kind, &r.TextHash, &r.AddedBy, &at); err != nil {
			return nil, err
		}
		r.Kind, r.AddedAt = Kind(kind), time.UnixMilli(at)
		out = append(out, r)
	}
	return out, rows.Err()
}

// Parsed returns the cached parse of each text hash that has one for this
// parser version (knowledge.Version); the others are missing from the map.
func (s *Store) Parsed(ctx context.Context, hashes []string) (map[string]*knowledge.Briefing, error) {
	out := make(map[string]*knowledge.Briefing, len(hashes))
	db, err := s.db(ctx, false)
	if err != nil || db == nil {
		return out, err
	}
	const chunk = 400
	for start := 0; start < len(hashes); start += chunk {
		part := hashes[start:min(start+chunk, len(hashes))]
		args := make([]any, 0, len(part)+1)
		args = append(args, knowledge.Version)
		for _, h := range part {
			args = append(args, h)
		}
		marks := strings.TrimSuffix(strings.Repeat("?, ", len(part)), ", ")
		rows, err := db.QueryContext(ctx, s.q(`SELECT text_hash, data FROM parse_cache WHERE parser = ? AND text_hash IN (`+marks+`)`), args...)
		if err != nil {
			return nil, fmt.Errorf("read parse cache: %w", err)
		}
		for rows.Next() {
			var h string
			var blob []byte
			if err := rows.Scan(&h, &blob); err != nil {
				rows.Close()
				return nil, fmt.Errorf("read parse cache: %w", err)
			}
			if b, err := decode(blob); err == nil {
				out[h] = b
			} // an unreadable entry is a miss: the caller parses again
		}
		if err := rows.Close(); err != nil {
			return nil, fmt.Errorf("read parse cache: %w", err)
		}
		if err := rows.Err(); err != nil {
			return nil, fmt.Errorf("read parse cache: %w", err)
		}
	}
	return out, nil
}

// Texts returns the briefing text of each stored record with one of hashes,
// for parsing what the cache misses.
func (s *Store) Texts(ctx context.Context, hashes []string) (map[string]string, error) {
	out := make(map[string]string, len(hashes))
	db, err := s.db(ctx, false)
	if err != nil || db == nil {
		return out, err
	}
	for _, h := range hashes {
		var text string
		err := db.QueryRowContext(ctx, s.q(`SELECT text FROM briefings WHERE text_hash = ? LIMIT 1`), h).Scan(&text)
		if errors.Is(err, sql.ErrNoRows) {
			continue
		}
		if err != nil {
			return nil, fmt.Errorf("read briefing text: %w", err)
		}
		out[h] = text
	}
	return out, nil
}

// Cache stores the parse of the text with hash, for this parser version.
func (s *Store) Cache(ctx context.Context, hash string, b *knowledge.Briefing) error {
	blob, err := encode(b)
	if err != nil {
		return fmt.Errorf("cache parse: %w", err)
	}
	return s.inTx(ctx, func(tx *sql.Tx) error { return s.putCache(ctx, tx, hash, blob) })
}

func (s *Store) putCache(ctx context.Context, tx *sql.Tx, hash string, blob []byte) error {
	_, err := tx.ExecContext(ctx, s.q(`INSERT INTO parse_cache (text_hash, parser, data) VALUES (?, ?, ?)
		ON CONFLICT (text_hash, parser) DO UPDATE SET data = excluded.data`), hash, knowledge.Version, blob)
	if err != nil {
		return fmt.Errorf("write parse cache: %w", err)
	}
	return nil
}

// encode and decode are the parse cache's form: gob keeps the fields the
// JSON form leaves out (sentence offsets, the date as a time).
func encode(b *knowledge.Briefing) ([]byte, error) {
	if b == nil {
		return nil, errors.New("no parsed briefing")
	}
	var buf bytes.Buffer
	if err := gob.NewEncoder(&buf).Encode(b); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

func decode(blob []byte) (*knowledge.Briefing, error) {
	var b knowledge.Briefing
	if err := gob.NewDecoder(bytes.NewReader(blob)).Decode(&b); err != nil {
		return nil, err
	}
	fillEmpty(reflect.ValueOf(&b).Elem())
	return &b, nil
}

// fillEmpty turns the nil slices in v into empty ones: gob does not send
// empty slices, and Parse makes every list non-nil (the JSON form prints []
// rather than null).
func fillEmpty(v reflect.Value) {
	switch v.Kind() {
	case reflect.Struct:
		for i := range v.NumField() {
			if f := v.Field(i); f.CanSet() {
				fillEmpty(f)
			}
		}
	case reflect.Slice:
		if v.IsNil() {
			v.Set(reflect.MakeSlice(v.Type(), 0, 0))
			return
		}
		for i := range v.Len() {
			fillEmpty(v.Index(i))
		}
	}
}

// Allowed reports whether guild may add a briefing now under lim, without
// adding one: ErrFull or ErrRateLimited (as a *LimitError) when not. Add
// checks again in its transaction; this lets a caller refuse before
// fetching anything.
func (s *Store) Allowed(ctx context.Context, guild string, lim Limits) error {
	db, err := s.db(ctx, false)
	if err != nil || db == nil {
		return err
	}
	// A hash no text has, so the duplicate check finds nothing.
	return s.checkLimits(ctx, db, Record{Guild: guild, TextHash: "-", AddedAt: s.Now()}, lim)
}
