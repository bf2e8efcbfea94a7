package store_test

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/briefbot/briefbot/bot/store"
	"github.com/briefbot/briefbot/bot/store/storetest"
	"github.com/briefbot/briefbot/knowledge"
)

// briefingText is a fictional briefing; n makes each copy distinct.
func briefingText(n int) string {
	return fmt.Sprintf(`title: Harbour ferry service %d resumes after repairs
publisher: The Example Courier
published: 2025-06-12
---
Harbour ferry service %d resumes after repairs

The harbour ferry returned to service on Wednesday after three weeks of repairs to its landing stage, the port authority said.

"We are glad to have the boats running again," said Mara Lind, the authority's operations manager.
`, n, n)
}

// open opens a store on url, closed when the test ends.
func open(tb testing.TB, url string) *store.Store {
	tb.Helper()
	s, err := store.Open(context.Background(), url)
	if err != nil {
		tb.Fatalf("Open(%q) error = %v", url, err)
	}
	tb.Cleanup(func() { s.Close() })
	return s
}

// record parses text and returns the record and briefing to add.
func record(tb testing.TB, guild, text string) (store.Record, *knowledge.Briefing) {
	tb.Helper()
	b, err := knowledge.Parse("briefing.txt", []byte(text))
	if err != nil {
		tb.Fatalf("Parse: %v", err)
	}
	return store.Record{Guild: guild, Title: b.Title, Publisher: b.Publisher, Published: b.Published, Kind: store.Text, Text: text, AddedBy: "u1"}, b
}

func add(tb testing.TB, s *store.Store, guild string, n int, lim store.Limits) (int64, error) {
	tb.Helper()
	r, b := record(tb, guild, briefingText(n))
	return s.Add(context.Background(), r, b, lim)
}

func TestAddListGetRemove(t *testing.T) {
	storetest.EachDialect(t, func(t *testing.T, url string) {
		ctx := context.Background()
		s := open(t, url)
		v0, err := s.Version(ctx)
		if err != nil {
			t.Fatal(err)
		}
		id, err := add(t, s, "g1", 1, store.Limits{})
		if err != nil {
			t.Fatalf("Add() error = %v", err)
		}
		gid, err := add(t, s, "", 2, store.Limits{})
		if err != nil {
			t.Fatalf("Add(global) error = %v", err)
		}
		list, v1, err := s.List(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if v1 != v0+2 {
			t.Errorf("version after two adds = %d, want %d", v1, v0+2)
		}
		if len(list) != 2 || list[0].ID != id || list[0].Guild != "g1" || list[1].ID != gid || list[1].Guild != "" {
			t.Fatalf("List() = %+v, want the guild's briefing then the global one", list)
		}
		if list[0].Title != "Harbour ferry service 1 resumes after repairs" || list[0].Published != "2025-06-12" || list[0].Text != "" {
			t.Errorf("List()[0] = %+v, want title and date, no text", list[0])
		}
		got, err := s.Get(ctx, id)
		if err != nil || got.Text != briefingText(1) || got.TextHash != store.Hash(briefingText(1)) || got.AddedBy != "u1" {
			t.Errorf("Get(%d) = %+v, %v; want the full record", id, got, err)
		}
		removed, err := s.Remove(ctx, id)
		if err != nil || removed.ID != id {
			t.Fatalf("Remove(%d) = %+v, %v", id, removed, err)
		}
		if _, err := s.Remove(ctx, id); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("second Remove(%d) error = %v, want ErrNotFound", id, err)
		}
		if _, err := s.Get(ctx, id); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("Get(removed) error = %v, want ErrNotFound", err)
		}
		cached, err := s.Parsed(ctx, []string{store.Hash(briefingText(1)), store.Hash(briefingText(2))})
		if err != nil {
			t.Fatal(err)
		}
		if _, ok := cached[store.Hash(briefingText(1))]; ok {
			t.Error("the removed briefing's parse is still cached")
		}
		if _, ok := cached[store.Hash(briefingText(2))]; !ok {
			t.Error("the remaining briefing's parse is not cached")
		}
		if v, _ := s.Version(ctx); v != v0+3 {
			t.Errorf("version after remove = %d, want %d", v, v0+3)
		}
	})
}

func TestParseCacheKeepsWhatParseMade(t *testing.T) {
	storetest.EachDialect(t, func(t *testing.T, url string) {
		ctx := context.Background()
		s := open(t, url)
		r, b := record(t, "g", briefingText(7))
		if _, err := s.Add(ctx, r, b, store.Limits{}); err != nil {
			t.Fatal(err)
		}
		// A second Store (another instance, or a restart) reads the same parse.
		other := open(t, url)
		got, err := other.Parsed(ctx, []string{store.Hash(r.Text), store.Hash("not stored")})
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != 1 {
			t.Fatalf("Parsed() returned %d entries, want 1", len(got))
		}
		if !reflect.DeepEqual(got[store.Hash(r.Text)], b) {
			t.Errorf("cached briefing differs from the parsed one:\n got %+v\nwant %+v", got[store.Hash(r.Text)], b)
		}
		texts, err := other.Texts(ctx, []string{store.Hash(r.Text)})
		if err != nil || texts[store.Hash(r.Text)] != r.Text {
			t.Errorf("Texts() = %v, %v; want the stored text", texts, err)
		}
	})
}

func TestLimits(t *testing.T) {
	storetest.EachDialect(t, func(t *testing.T, url string) {
		ctx := context.Background()
		s := open(t, url)
		now := time.Date(2025, 6, 1, 12, 0, 0, 0, time.UTC)
		s.Now = func() time.Time { return now }
		v0, _ := s.Version(ctx)

		if _, err := add(t, s, "g", 1, store.Limits{}); err != nil {
			t.Fatal(err)
		}
		var dup *store.DuplicateError
		if _, err := add(t, s, "g", 1, store.Limits{}); !errors.As(err, &dup) || dup.ID == 0 {
			t.Errorf("adding the same text twice: error = %v, want a DuplicateError", err)
		}
		if _, err := add(t, s, "other", 1, store.Limits{}); err != nil {
			t.Errorf("another guild adding the same text: error = %v, want none", err)
		}

		rate := store.Limits{AddsPer: 2}
		if _, err := add(t, s, "g", 2, rate); err != nil {
			t.Fatal(err)
		}
		_, err := add(t, s, "g", 3, rate)
		var le *store.LimitError
		if !errors.As(err, &le) || !errors.Is(err, store.ErrRateLimited) || le.Retry <= 0 || le.Retry > time.Hour {
			t.Fatalf("third add in an hour with a limit of 2: error = %v, want ErrRateLimited with a retry time", err)
		}
		now = now.Add(61 * time.Minute)
		if _, err := add(t, s, "g", 3, rate); err != nil {
			t.Errorf("add after the window: error = %v, want none", err)
		}
		for n := 0; n < 5; n++ { // the operator's global adds are not limited
			if _, err := add(t, s, "", 100+n, store.Limits{AddsPer: 1, PerGuild: 1}); err != nil {
				t.Fatalf("global add %d: %v", n, err)
			}
		}
		full := store.Limits{PerGuild: 3}
		if _, err := add(t, s, "g", 4, full); !errors.Is(err, store.ErrFull) {
			t.Errorf("fourth briefing with a limit of 3: error = %v, want ErrFull", err)
		}
		list, v, _ := s.List(ctx)
		if len(list) != 9 {
			t.Errorf("stored %d briefings, want 9 (refused adds store nothing)", len(list))
		}
		if v != v0+9 {
			t.Errorf("version = %d, want %d: a refused add must not bump it", v, v0+9)
		}
	})
}

func TestFeedbackAndGaps(t *testing.T) {
	storetest.EachDialect(t, func(t *testing.T, url string) {
		ctx := context.Background()
		s := open(t, url)
		now := time.Date(2025, 6, 1, 12, 0, 0, 0, time.UTC)
		s.Now = func() time.Time { return now }
		titles := []string{"Harbour ferry"}
		decline := func(guild, user, q string) {
			t.Helper()
			if err := s.RecordDeclined(ctx, store.Declined{Guild: guild, UserID: user, Question: q, Briefings: titles}); err != nil {
				t.Fatal(err)
			}
		}
		vote := func(guild, user, ref, q string, up bool) {
			t.Helper()
			if err := s.RecordVote(ctx, store.Vote{Guild: guild, UserID: user, Ref: ref, Question: q, Briefings: titles, Up: up}); err != nil {
				t.Fatal(err)
			}
		}
		decline("g", "user-1001", "How much did the repairs cost?")
		decline("g", "user-1002", "how much did the repairs cost")
		decline("g", "user-1001", "What did the repairs cost?")
		decline("g", "user-1003", "Who built the ferry?")
		decline("other", "user-1004", "How much did the repairs cost?")
		vote("g", "user-1001", "r1", "When does the ferry run?", false)
		vote("g", "user-1002", "r1", "When does the ferry run?", false)
		vote("g", "user-1003", "r1", "When does the ferry run?", false)
		vote("g", "user-1003", "r1", "When does the ferry run?", true) // replaces that user's down vote
		vote("g", "user-1001", "r2", "Who said it?", true)

		// A crude stand-in for qa.ContentKey: lower case, without "how much" and "what".
		key := func(q string) string {
			q = strings.Trim(strings.ToLower(q), "?")
			q = strings.TrimPrefix(strings.TrimPrefix(q, "how much "), "what ")
			return q
		}
		gaps, err := s.Gaps(ctx, store.GapsQuery{Guild: "g", Since: now.Add(-24 * time.Hour), Key: key})
		if err != nil {
			t.Fatal(err)
		}
		if len(gaps.Declined) != 2 {
			t.Fatalf("Declined = %+v, want 2 groups", gaps.Declined)
		}
		top := gaps.Declined[0]
		if top.Count != 3 || top.Users != 2 || len(top.Questions) != 3 || top.Briefings[0] != "Harbour ferry" {
			t.Errorf("top declined group = %+v, want 3 questions from 2 users", top)
		}
		if len(gaps.DownVoted) != 1 || gaps.DownVoted[0].Count != 2 || gaps.DownVoted[0].Ref != "r1" {
			t.Errorf("DownVoted = %+v, want r1 with 2 down votes (one was replaced by an up vote)", gaps.DownVoted)
		}
		all, err := s.Gaps(ctx, store.GapsQuery{AllGuilds: true, Since: now.Add(-time.Hour), Key: key})
		if err != nil || all.Declined[0].Count != 4 || len(all.Declined[0].Guilds) != 2 {
			t.Errorf("Gaps(all guilds) = %+v, %v; want the cost question 4 times", all.Declined, err)
		}

		// Neither the raw user ID nor anything but the question is stored.
		// (The IDs hold letters no hex digest has, so a hash cannot hold them by chance.)
		assertNotStored(t, url, "user-1001", "user-1002", "user-1003", "user-1004")

		// The hash key is kept: another instance hashes the same user alike.
		other := open(t, url)
		other.Now = s.Now
		if err := other.RecordVote(ctx, store.Vote{Guild: "g", UserID: "user-1001", Ref: "r1", Question: "When does the ferry run?", Up: true}); err != nil {
			t.Fatal(err)
		}
		gaps, _ = s.Gaps(ctx, store.GapsQuery{Guild: "g", Since: now.Add(-time.Hour), Key: key})
		if len(gaps.DownVoted) != 1 || gaps.DownVoted[0].Count != 1 {
			t.Errorf("after user 1001 voted up through another instance, DownVoted = %+v, want 1 down vote", gaps.DownVoted)
		}

		// Retention: what is older than the cut-off goes.
		now = now.Add(31 * 24 * time.Hour)
		decline("g", "1005", "Who built the ferry?")
		n, err := s.Purge(ctx, now.Add(-30*24*time.Hour))
		if err != nil {
			t.Fatal(err)
		}
		if n != 9 {
			t.Errorf("Purge() deleted %d rows, want 9 (5 declined, 4 votes)", n)
		}
		gaps, _ = s.Gaps(ctx, store.GapsQuery{AllGuilds: true, Since: time.Time{}, Key: key})
		if len(gaps.Declined) != 1 || gaps.Declined[0].Count != 1 || len(gaps.DownVoted) != 0 {
			t.Errorf("after purge, gaps = %+v, want only the new question", gaps)
		}
	})
}

// assertNotStored fails if any of values appears in any text column of the
// feedback tables.
func assertNotStored(tb testing.TB, url string, values ...string) {
	tb.Helper()
	db := storetest.DB(tb, url)
	for _, table := range []string{"votes", "declined"} {
		rows, err := db.Query("SELECT * FROM " + table)
		if err != nil {
			tb.Fatal(err)
		}
		cols, _ := rows.Columns()
		for rows.Next() {
			vals := make([]any, len(cols))
			ptrs := make([]any, len(cols))
			for i := range vals {
				ptrs[i] = &vals[i]
			}
			if err := rows.Scan(ptrs...); err != nil {
				tb.Fatal(err)
			}
			for i, v := range vals {
				for _, bad := range values {
					if strings.Contains(fmt.Sprint(v), bad) {
						tb.Errorf("%s.%s holds %q: user IDs must be stored hashed", table, cols[i], bad)
					}
				}
			}
		}
		rows.Close()
	}
}

func TestSQLiteFileCreatedOnFirstWrite(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "sub", "lib.db")
	s := open(t, "sqlite:"+path)
	if v, err := s.Version(ctx); err != nil || v != 0 {
		t.Fatalf("Version() on a missing file = %d, %v; want 0, nil", v, err)
	}
	if list, _, err := s.List(ctx); err != nil || len(list) != 0 {
		t.Fatalf("List() on a missing file = %v, %v", list, err)
	}
	if g, err := s.Gaps(ctx, store.GapsQuery{}); err != nil || len(g.Declined) != 0 {
		t.Fatalf("Gaps() on a missing file = %v, %v", g, err)
	}
	if _, err := os.Stat(path); !os.IsNotExist(err) {
		t.Fatalf("reading created %s (stat error %v)", path, err)
	}
	// Another instance creates the file; this one then sees what it stored.
	writer := open(t, "sqlite:"+path)
	if _, err := add(t, writer, "g", 1, store.Limits{}); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(path); err != nil {
		t.Fatalf("the first write did not create the file: %v", err)
	}
	if v, err := s.Version(ctx); err != nil || v != 1 {
		t.Errorf("Version() after another instance's add = %d, %v; want 1", v, err)
	}
}

// TestSQLiteFileNamedAsWritten: a SQLite path with characters a URI gives
// meaning to (?, #, %, a space) names exactly that file.
func TestSQLiteFileNamedAsWritten(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"brief#1.db", "what?.db", "100%25 sure.db"} {
		s := open(t, "sqlite:"+filepath.Join(dir, name))
		if _, err := add(t, s, "g", 1, store.Limits{}); err != nil {
			t.Fatalf("add to %s: %v", name, err)
		}
		if _, err := os.Stat(filepath.Join(dir, name)); err != nil {
			t.Errorf("sqlite:%s did not create that file: %v", name, err)
		}
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if n := strings.TrimSuffix(strings.TrimSuffix(e.Name(), "-wal"), "-shm"); n != "brief#1.db" && n != "what?.db" && n != "100%25 sure.db" {
			t.Errorf("unexpected file %s", e.Name())
		}
	}
}

func TestConcurrentInstances(t *testing.T) {
	storetest.EachDialect(t, func(t *testing.T, url string) {
		ctx := context.Background()
		// Two instances starting at once migrate once between them.
		stores := make([]*store.Store, 2)
		var wg sync.WaitGroup
		errs := make([]error, 2)
		for i := range stores {
			wg.Add(1)
			go func() {
				defer wg.Done()
				s, err := store.Open(ctx, url)
				if err == nil {
					_, err = s.Version(ctx) // opens a SQLite file
				}
				stores[i], errs[i] = s, err
			}()
		}
		wg.Wait()
		for i, err := range errs {
			if err != nil {
				t.Fatalf("instance %d: %v", i, err)
			}
			t.Cleanup(func() { stores[i].Close() })
		}
		// Both write at once; every add lands.
		const each = 10
		for i, s := range stores {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for n := range each {
					if _, err := add(t, s, "g", i*100+n, store.Limits{}); err != nil {
						t.Errorf("instance %d add %d: %v", i, n, err)
						return
					}
				}
			}()
		}
		wg.Wait()
		list, v, err := stores[0].List(ctx)
		if err != nil || len(list) != 2*each || v != 2*each {
			t.Errorf("after concurrent adds: %d briefings at version %d (%v), want %d", len(list), v, err, 2*each)
		}
	})
}

func TestOpenRefusesUnknownURL(t *testing.T) {
	for _, u := range []string{"mysql://x", "sqlite:", "/tmp/file.db"} {
		if _, err := store.Open(context.Background(), u); err == nil || !strings.Contains(err.Error(), "DATABASE_URL") {
			t.Errorf("Open(%q) error = %v, want one naming DATABASE_URL", u, err)
		}
	}
}

func TestOpenPostgresHidesPassword(t *testing.T) {
	for _, u := range []string{
		"postgres://bot:s3cret@127.0.0.1:1/db?connect_timeout=1",
		"postgres://127.0.0.1:1/db?user=bot&password=s3cret&connect_timeout=1",
		// URLs Go's parser refuses still keep their password to themselves.
		"postgres://bot:s3c ret@127.0.0.1:1/db",
		"postgres://bot:s3c#ret@127.0.0.1:1/db",
		"postgres://bot:s3c%zzret@127.0.0.1:1/db",
		"postgres://bot:s3cret@127.0.0.1:port/db",
		"mysql://bot:s3cret@127.0.0.1/db",
	} {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		_, err := store.Open(ctx, u)
		cancel()
		if err == nil {
			t.Errorf("Open(%q) succeeded", u)
			continue
		}
		if strings.Contains(err.Error(), "s3c") {
			t.Errorf("Open(%q) error %q shows the password", u, err)
		}
	}
}

// TestLimitsHoldUnderConcurrentAdds: instances adding to one guild at the
// same time never take it past its limits between them.
func TestLimitsHoldUnderConcurrentAdds(t *testing.T) {
	storetest.EachDialect(t, func(t *testing.T, url string) {
		ctx := context.Background()
		stores := []*store.Store{open(t, url), open(t, url), open(t, url)}
		if _, err := stores[0].Version(ctx); err != nil {
			t.Fatal(err)
		}
		lim := store.Limits{PerGuild: 3, AddsPer: 5}
		var wg sync.WaitGroup
		var mu sync.Mutex
		stored := 0
		for i := range 12 {
			wg.Go(func() {
				_, err := add(t, stores[i%len(stores)], "g", i, lim)
				switch {
				case err == nil:
					mu.Lock()
					stored++
					mu.Unlock()
				case !errors.Is(err, store.ErrFull) && !errors.Is(err, store.ErrRateLimited):
					t.Errorf("add %d: %v", i, err)
				}
			})
		}
		wg.Wait()
		list, _, err := stores[0].List(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if len(list) != 3 || stored != 3 {
			t.Errorf("%d adds succeeded and %d briefings are stored, want 3 of each (PerGuild 3)", stored, len(list))
		}
	})
}

// TestAddIsOneTransaction: when any step of an add fails (here the last
// one, logging the add for the rate limit), nothing of it remains: no
// record, no parse cache entry, no new library version.
func TestAddIsOneTransaction(t *testing.T) {
	storetest.EachDialect(t, func(t *testing.T, url string) {
		ctx := context.Background()
		s := open(t, url)
		if _, err := add(t, s, "g", 1, store.Limits{}); err != nil {
			t.Fatal(err)
		}
		v0, _ := s.Version(ctx)
		raw := storetest.DB(t, url)
		if _, err := raw.Exec(`DROP TABLE adds`); err != nil {
			t.Fatal(err)
		}
		if _, err := add(t, s, "g", 2, store.Limits{}); err == nil {
			t.Fatal("Add() succeeded without the adds table")
		}
		var n, cached int
		if err := raw.QueryRow(`SELECT COUNT(*) FROM briefings`).Scan(&n); err != nil {
			t.Fatal(err)
		}
		if err := raw.QueryRow(`SELECT COUNT(*) FROM parse_cache`).Scan(&cached); err != nil {
			t.Fatal(err)
		}
		if v, _ := s.Version(ctx); n != 1 || cached != 1 || v != v0 {
			t.Errorf("after a failed add: %d briefings, %d cached parses, version %d (was %d); want 1, 1 and no change", n, cached, v, v0)
		}
	})
}
