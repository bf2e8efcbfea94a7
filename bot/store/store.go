package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib" // registers the "pgx" driver
	"modernc.org/sqlite"               // registers the "sqlite" driver; its errors
	sqlite3 "modernc.org/sqlite/lib"
)

// DefaultFile is the SQLite file used when DATABASE_URL is unset.
const DefaultFile = "briefbot.db"

// The dialects a Store speaks.
const (
	dialectSQLite   = "sqlite"
	dialectPostgres = "postgres"
)

// A Store is the briefing library and the feedback tables in one database.
// It is safe for concurrent use, and several Stores (in one process or
// many) may share one database.
type Store struct {
	dialect string
	target  string // the SQLite file, or the PostgreSQL URL

	// Now is the clock; tests replace it.
	Now func() time.Time

	mu     sync.Mutex
	handle *sql.DB // nil until opened (a SQLite file is opened on first write, or once it exists)
	key    []byte  // the user-hash key, once read
}

// Open returns the Store that databaseURL names: "" is SQLite in DefaultFile
// in the working folder, "sqlite:PATH" another SQLite file, and
// "postgres://..." or "postgresql://..." PostgreSQL. A SQLite file that does
// not exist yet is created on the first write; PostgreSQL is connected and
// migrated at once.
func Open(ctx context.Context, databaseURL string) (*Store, error) {
	s := &Store{Now: time.Now}
	switch u := strings.TrimSpace(databaseURL); {
	case u == "":
		s.dialect, s.target = dialectSQLite, DefaultFile
	case strings.HasPrefix(u, "sqlite:"):
		s.dialect, s.target = dialectSQLite, strings.TrimPrefix(strings.TrimPrefix(u, "sqlite:"), "//")
		if s.target == "" {
			return nil, errors.New("DATABASE_URL sqlite: names no file: write sqlite:PATH")
		}
	case strings.HasPrefix(u, "postgres://"), strings.HasPrefix(u, "postgresql://"):
		s.dialect, s.target = dialectPostgres, u
	default:
		return nil, fmt.Errorf("DATABASE_URL %q: want sqlite:PATH or postgres://..., or leave it unset for %s", redactURL(u), DefaultFile)
	}
	if s.dialect == dialectPostgres {
		if _, err := s.db(ctx, true); err != nil {
			return nil, err
		}
	}
	return s, nil
}

// Close closes the database, if it was opened.
func (s *Store) Close() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.handle == nil {
		return nil
	}
	err := s.handle.Close()
	s.handle = nil
	return err
}

// db returns the open database, opening and migrating it first if need be.
// For a read (write false) of a SQLite file that does not exist yet it
// returns nil and no error: there is nothing stored.
func (s *Store) db(ctx context.Context, write bool) (*sql.DB, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.handle != nil {
		return s.handle, nil
	}
	var (
		db  *sql.DB
		err error
	)
	switch s.dialect {
	case dialectSQLite:
		if _, statErr := os.Stat(s.target); statErr != nil && !write {
			if errors.Is(statErr, os.ErrNotExist) {
				return nil, nil
			}
			return nil, fmt.Errorf("open %s: %w", s.target, statErr)
		}
		if dir := filepath.Dir(s.target); dir != "." {
			if err := os.MkdirAll(dir, 0o755); err != nil {
				return nil, fmt.Errorf("open %s: %w", s.target, err)
			}
		}
		// WAL lets readers and one writer work at once; immediate
		// transactions take the write lock at BEGIN, so two instances
		// never deadlock upgrading a read lock; the busy timeout makes a
		// writer wait for another instead of failing.
		// The path is escaped: SQLite reads "file:" names as URIs, where
		// ?, # and % would cut or change the name.
		dsn := "file:" + (&url.URL{Path: s.target}).EscapedPath() + "?_txlock=immediate&_pragma=busy_timeout(10000)&_pragma=journal_mode(WAL)&_pragma=synchronous(NORMAL)"
		db, err = sql.Open("sqlite", dsn)
	case dialectPostgres:
		db, err = sql.Open("pgx", s.target)
	}
	if err != nil {
		return nil, fmt.Errorf("open %s database: %w", s.dialect, err)
	}
	db.SetMaxOpenConns(8)
	db.SetConnMaxIdleTime(5 * time.Minute)
	if err := ping(ctx, db); err != nil {
		db.Close()
		return nil, fmt.Errorf("connect to %s database %s (check that the server runs and DATABASE_URL is right): %w", s.dialect, s.where(), err)
	}
	if err := migrate(ctx, db, s.dialect); err != nil {
		db.Close()
		return nil, fmt.Errorf("open %s database %s: %w", s.dialect, s.where(), err)
	}
	s.handle = db
	return db, nil
}

// ping connects to db. Two instances opening a new SQLite file at once
// both switch it to WAL, which takes an exclusive lock; SQLite may answer
// the loser "database is locked" at once, without waiting out the busy
// timeout (it would deadlock otherwise), so a busy connect is tried again,
// a little later each time.
func ping(ctx context.Context, db *sql.DB) error {
	const tries = 20
	for try := 1; ; try++ {
		err := db.PingContext(ctx)
		if err == nil || !isBusy(err) || try == tries {
			return err
		}
		select {
		case <-ctx.Done():
			return err
		case <-time.After(time.Duration(try) * 5 * time.Millisecond):
		}
	}
}

// isBusy reports whether err is SQLite's SQLITE_BUSY, in any of its
// extended forms.
func isBusy(err error) bool {
	var se *sqlite.Error
	return errors.As(err, &se) && se.Code()&0xff == sqlite3.SQLITE_BUSY
}

// where names the database for messages, without a password.
func (s *Store) where() string {
	if s.dialect == dialectSQLite {
		return s.target
	}
	return redactURL(s.target)
}

// redactURL hides the password in a database URL: in its user info or
// its query (PostgreSQL takes password= there too). A URL Go cannot parse
// keeps only its scheme and what follows the last @.
func redactURL(u string) string {
	p, err := url.Parse(u)
	if err != nil {
		scheme, rest, ok := strings.Cut(u, "://")
		if !ok {
			return "(a URL that does not parse)"
		}
		if at := strings.LastIndex(rest, "@"); at >= 0 {
			rest = "xxxxx@" + rest[at+1:]
		}
		if base, _, ok := strings.Cut(rest, "?"); ok {
			rest = base + "?xxxxx"
		}
		return scheme + "://" + rest
	}
	if _, ok := p.User.Password(); ok {
		p.User = url.UserPassword(p.User.Username(), "xxxxx")
	}
	if q := p.Query(); q.Has("password") || q.Has("sslpassword") {
		for _, k := range []string{"password", "sslpassword"} {
			if q.Has(k) {
				q.Set(k, "xxxxx")
			}
		}
		p.RawQuery = q.Encode()
	}
	return p.String()
}

// q rewrites a query written with ? placeholders for the dialect.
func (s *Store) q(query string) string {
	return rebind(s.dialect, query)
}

// rebind turns ? placeholders into PostgreSQL's $1, $2, ...; the queries
// here hold no literal question marks.
func rebind(dialect, query string) string {
	if dialect != dialectPostgres {
		return query
	}
	var b strings.Builder
	n := 0
	for _, r := range query {
		if r == '?' {
			n++
			b.WriteString("$" + strconv.Itoa(n))
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// inTx runs fn in a transaction on the opened database, committing when fn
// returns nil and rolling back otherwise.
func (s *Store) inTx(ctx context.Context, fn func(*sql.Tx) error) error {
	db, err := s.db(ctx, true)
	if err != nil {
		return err
	}
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("begin: %w", err)
	}
	if err := fn(tx); err != nil {
		tx.Rollback()
		return err
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("commit: %w", err)
	}
	return nil
}

// millis is t as Unix milliseconds, the form times are stored in.
func millis(t time.Time) int64 { return t.UnixMilli() }
