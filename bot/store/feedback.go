package store

import (
	"context"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/briefbot/briefbot/knowledge"
)

// A Vote is one user's 👍 (Up) or 👎 on one answer. A later vote by the same
// user on the same answer replaces it.
type Vote struct {
	Guild     string   // "" in DMs
	Ref       string   // the answer's ref
	UserID    string   // hashed before it is stored; never stored as given
	Question  string   // the question the answer answered
	Briefings []string // the titles of the briefings searched
	Up        bool
}

// A Declined is a question the briefings did not answer.
type Declined struct {
	Guild     string
	UserID    string // hashed before it is stored
	Question  string
	Briefings []string
}

// hashKeyName names the user-hash key in the secrets table.
const hashKeyName = "user-hash-key"

// userHash is the keyed hash stored instead of a user ID: HMAC-SHA-256 with
// a random key generated once and kept in the database (table secrets), so
// the same user counts once without the ID being stored, and the feedback
// tables alone cannot be matched to a list of IDs.
func (s *Store) userHash(ctx context.Context, userID string) (string, error) {
	s.mu.Lock()
	key := s.key
	s.mu.Unlock()
	if key == nil {
		fresh := make([]byte, 32)
		if _, err := rand.Read(fresh); err != nil {
			return "", fmt.Errorf("make user-hash key: %w", err)
		}
		// The first instance to store a key wins; the others read it.
		err := s.inTx(ctx, func(tx *sql.Tx) error {
			if _, err := tx.ExecContext(ctx, s.q(`INSERT INTO secrets (name, value) VALUES (?, ?) ON CONFLICT (name) DO NOTHING`), hashKeyName, fresh); err != nil {
				return err
			}
			return tx.QueryRowContext(ctx, s.q(`SELECT value FROM secrets WHERE name = ?`), hashKeyName).Scan(&key)
		})
		if err != nil {
			return "", fmt.Errorf("user-hash key: %w", err)
		}
		s.mu.Lock()
		s.key = key
		s.mu.Unlock()
	}
	m := hmac.New(sha256.New, key)
	m.Write([]byte(userID))
	return hex.EncodeToString(m.Sum(nil)[:16]), nil
}

// RecordVote stores v, replacing the user's earlier vote on the same answer.
func (s *Store) RecordVote(ctx context.Context, v Vote) error {
	value := -1
	if v.Up {
		value = 1
	}
	h, err := s.userHash(ctx, v.UserID)
	if err != nil {
		return fmt.Errorf("record vote: %w", err)
	}
	err = s.inTx(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, s.q(`INSERT INTO votes (guild, ref, user_hash, question, briefings, value, at) VALUES (?, ?, ?, ?, ?, ?, ?)
			ON CONFLICT (guild, ref, user_hash) DO UPDATE SET question = excluded.question, briefings = excluded.briefings, value = excluded.value, at = excluded.at`),
			v.Guild, v.Ref, h, v.Question, joinTitles(v.Briefings), value, millis(s.Now()))
		return err
	})
	if err != nil {
		return fmt.Errorf("record vote: %w", err)
	}
	return nil
}

// RecordDeclined stores a question the briefings did not answer.
func (s *Store) RecordDeclined(ctx context.Context, d Declined) error {
	h, err := s.userHash(ctx, d.UserID)
	if err != nil {
		return fmt.Errorf("record declined question: %w", err)
	}
	err = s.inTx(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, s.q(`INSERT INTO declined (guild, question, briefings, user_hash, at) VALUES (?, ?, ?, ?, ?)`),
			d.Guild, d.Question, joinTitles(d.Briefings), h, millis(s.Now()))
		return err
	})
	if err != nil {
		return fmt.Errorf("record declined question: %w", err)
	}
	return nil
}

// joinTitles stores a list of titles in one column, a title per line.
func joinTitles(titles []string) string {
	clean := make([]string, 0, len(titles))
	for _, t := range titles {
		clean = append(clean, strings.ReplaceAll(t, "\n", " "))
	}
	return strings.Join(clean, "\n")
}

func splitTitles(s string) []string {
	if s == "" {
		return nil
	}
	return strings.Split(s, "\n")
}

// A GapsQuery asks for the gaps of one guild (or all) since a time.
type GapsQuery struct {
	Guild     string
	AllGuilds bool // ignore Guild: every guild and DMs
	Since     time.Time
	// Key groups similar wordings: questions with the same key are one
	// group. The caller passes qa.ContentKey; nil groups identical text.
	Key   func(question string) string
	Limit int // groups per list; 0 means 10
}

// A Gap is one group of similar questions.
type Gap struct {
	Key       string    `json:"key"`
	Count     int       `json:"count"`     // declined questions, or down votes
	Users     int       `json:"users"`     // distinct users among them
	Questions []string  `json:"questions"` // the wordings, most frequent first (at most 3)
	Briefings []string  `json:"briefings"` // the briefings searched
	Guilds    []string  `json:"guilds"`    // where it was asked ("" for DMs)
	Ref       string    `json:"ref,omitempty"`
	Last      time.Time `json:"last"`
}

// Gaps is what readers asked that the briefings did not give them.
type Gaps struct {
	Declined  []Gap `json:"declined"`   // most frequent declined questions
	DownVoted []Gap `json:"down_voted"` // most down-voted answers, one group per question and answer
}

// Gaps returns the most frequent declined questions and the most
// down-voted answers since q.Since, grouped by q.Key, largest first.
func (s *Store) Gaps(ctx context.Context, q GapsQuery) (Gaps, error) {
	var out Gaps
	db, err := s.db(ctx, false)
	if err != nil || db == nil {
		return out, err
	}
	if q.Key == nil {
		q.Key = func(s string) string { return strings.ToLower(strings.Join(strings.Fields(s), " ")) }
	}
	if q.Limit <= 0 {
		q.Limit = 10
	}
	where, args := "at >= ?", []any{millis(q.Since)}
	if !q.AllGuilds {
		where, args = "guild = ? AND at >= ?", []any{q.Guild, millis(q.Since)}
	}
	declined, err := s.gapRows(ctx, db, `SELECT question, briefings, user_hash, at, '', guild FROM declined WHERE `+where, args)
	if err != nil {
		return out, fmt.Errorf("read declined questions: %w", err)
	}
	down, err := s.gapRows(ctx, db, `SELECT question, briefings, user_hash, at, ref, guild FROM votes WHERE value < 0 AND `+where, args)
	if err != nil {
		return out, fmt.Errorf("read votes: %w", err)
	}
	out.Declined = group(declined, q.Key, false, q.Limit)
	out.DownVoted = group(down, q.Key, true, q.Limit)
	return out, nil
}

// A gapRow is one declined question or down vote.
type gapRow struct {
	question, briefings, user, ref, guild string
	at                                    time.Time
}

func (s *Store) gapRows(ctx context.Context, db *sql.DB, query string, args []any) ([]gapRow, error) {
	rows, err := db.QueryContext(ctx, s.q(query), args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []gapRow
	for rows.Next() {
		var r gapRow
		var at int64
		if err := rows.Scan(&r.question, &r.briefings, &r.user, &at, &r.ref, &r.guild); err != nil {
			return nil, err
		}
		r.at = time.UnixMilli(at)
		out = append(out, r)
	}
	return out, rows.Err()
}

// A gapGroup is a Gap being gathered.
type gapGroup struct {
	gap      Gap
	wordings map[string]int  // each wording, how often
	users    map[string]bool // user hashes
	titles   map[string]bool // briefings searched
}

// group folds rows into gaps by key (and ref, for votes), largest first.
func group(rows []gapRow, key func(string) string, byRef bool, limit int) []Gap {
	byKey := map[string]*gapGroup{}
	var order []string
	for _, r := range rows {
		k := key(r.question)
		id := k
		if byRef {
			id += "\x00" + r.ref
		}
		g := byKey[id]
		if g == nil {
			g = &gapGroup{gap: Gap{Key: k, Ref: r.ref}, wordings: map[string]int{}, users: map[string]bool{}, titles: map[string]bool{}}
			byKey[id] = g
			order = append(order, id)
		}
		g.add(r)
	}
	out := make([]Gap, 0, len(order))
	for _, id := range order {
		out = append(out, byKey[id].done())
	}
	slices.SortStableFunc(out, func(x, y Gap) int {
		if x.Count != y.Count {
			return y.Count - x.Count
		}
		return y.Last.Compare(x.Last)
	})
	return out[:min(limit, len(out))]
}

// add counts one row in the group.
func (g *gapGroup) add(r gapRow) {
	g.gap.Count++
	g.wordings[r.question]++
	g.users[r.user] = true
	for _, t := range splitTitles(r.briefings) {
		if !g.titles[t] {
			g.titles[t] = true
			g.gap.Briefings = append(g.gap.Briefings, t)
		}
	}
	if !slices.Contains(g.gap.Guilds, r.guild) {
		g.gap.Guilds = append(g.gap.Guilds, r.guild)
	}
	if r.at.After(g.gap.Last) {
		g.gap.Last = r.at
	}
}

// done is the group's Gap: its users counted, its three most frequent
// wordings first.
func (g *gapGroup) done() Gap {
	g.gap.Users = len(g.users)
	for w := range g.wordings {
		g.gap.Questions = append(g.gap.Questions, w)
	}
	slices.SortFunc(g.gap.Questions, func(x, y string) int {
		if g.wordings[x] != g.wordings[y] {
			return g.wordings[y] - g.wordings[x]
		}
		return strings.Compare(x, y)
	})
	g.gap.Questions = g.gap.Questions[:min(3, len(g.gap.Questions))]
	return g.gap
}

// Purge deletes feedback older than before, the rate-limit log older than a
// day, and parse-cache entries no stored briefing uses at this parser
// version. It returns how many feedback rows it deleted.
func (s *Store) Purge(ctx context.Context, before time.Time) (int64, error) {
	db, err := s.db(ctx, false)
	if err != nil || db == nil {
		return 0, err
	}
	var n int64
	err = s.inTx(ctx, func(tx *sql.Tx) error {
		for _, table := range []string{"votes", "declined"} {
			res, err := tx.ExecContext(ctx, s.q(`DELETE FROM `+table+` WHERE at < ?`), millis(before))
			if err != nil {
				return err
			}
			k, _ := res.RowsAffected()
			n += k
		}
		if _, err := tx.ExecContext(ctx, s.q(`DELETE FROM adds WHERE at < ?`), millis(s.Now().Add(-24*time.Hour))); err != nil {
			return err
		}
		_, err := tx.ExecContext(ctx, s.q(`DELETE FROM parse_cache WHERE parser <> ? OR text_hash NOT IN (SELECT text_hash FROM briefings)`), knowledge.Version)
		return err
	})
	if err != nil {
		return 0, fmt.Errorf("purge: %w", err)
	}
	return n, nil
}
