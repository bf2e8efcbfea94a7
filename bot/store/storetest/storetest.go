package storetest

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib" // the "pgx" driver
	_ "modernc.org/sqlite"             // the "sqlite" driver
)

// EnvURL is the variable naming the test PostgreSQL server.
const EnvURL = "TEST_DATABASE_URL"

// SQLite returns a DATABASE_URL for a SQLite file in a fresh temporary
// folder (not created yet: the store creates it on first write).
func SQLite(tb testing.TB) string {
	tb.Helper()
	return "sqlite:" + filepath.Join(tb.TempDir(), "briefbot.db")
}

// Postgres returns a DATABASE_URL for a fresh, empty schema in the test
// server, dropped when the test ends.
func Postgres(tb testing.TB) string {
	tb.Helper()
	base := os.Getenv(EnvURL)
	if base == "" {
		unavailable(tb, EnvURL+" is not set")
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	db, err := sql.Open("pgx", base)
	if err != nil {
		unavailable(tb, err.Error())
	}
	defer db.Close()
	if err := db.PingContext(ctx); err != nil {
		unavailable(tb, err.Error())
	}
	suffix := make([]byte, 6)
	rand.Read(suffix)
	schema := "t_" + hex.EncodeToString(suffix)
	if _, err := db.ExecContext(ctx, "CREATE SCHEMA "+schema); err != nil {
		tb.Fatalf("create schema %s: %v", schema, err)
	}
	tb.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		db, err := sql.Open("pgx", base)
		if err != nil {
			return
		}
		defer db.Close()
		if _, err := db.ExecContext(ctx, "DROP SCHEMA "+schema+" CASCADE"); err != nil {
			tb.Logf("drop schema %s: %v", schema, err)
		}
	})
	u, err := url.Parse(base)
	if err != nil {
		tb.Fatalf("%s: %v", EnvURL, err)
	}
	q := u.Query()
	q.Set("search_path", schema)
	u.RawQuery = q.Encode()
	return u.String()
}

// EachDialect runs fn as a subtest named SQLite, then one named Postgres,
// each with the URL of a fresh database of that dialect.
func EachDialect(t *testing.T, fn func(t *testing.T, url string)) {
	for _, d := range []struct {
		name string
		url  func(testing.TB) string
	}{{"SQLite", SQLite}, {"Postgres", Postgres}} {
		t.Run(d.name, func(t *testing.T) { fn(t, d.url(t)) })
	}
}

// DB opens the database at url (a DATABASE_URL as SQLite or Postgres
// returns it) directly, for tests that look at or change the tables behind
// a Store's back. It is closed when the test ends.
func DB(tb testing.TB, url string) *sql.DB {
	tb.Helper()
	driver, dsn := "pgx", url
	if path, ok := strings.CutPrefix(url, "sqlite:"); ok {
		driver, dsn = "sqlite", path
	}
	db, err := sql.Open(driver, dsn)
	if err != nil {
		tb.Fatalf("open %s: %v", url, err)
	}
	tb.Cleanup(func() { db.Close() })
	return db
}

// unavailable skips the test, or fails it under CI.
func unavailable(tb testing.TB, why string) {
	tb.Helper()
	if os.Getenv("CI") == "true" {
		tb.Fatalf("PostgreSQL tests must run under CI, but no server answers: %s", why)
	}
	tb.Skipf("PostgreSQL tests skipped (%s): install Debian's postgresql package and run `eval \"$(.ci/postgres start)\"`, or set %s=postgres://...", why, EnvURL)
}
