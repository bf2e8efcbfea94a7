package library_test

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/briefbot/briefbot/bot/fetch"
	"github.com/briefbot/briefbot/bot/library"
	"github.com/briefbot/briefbot/bot/store"
	"github.com/briefbot/briefbot/bot/store/storetest"
	"github.com/briefbot/briefbot/qa"
)

func readFile(tb testing.TB, name string) []byte {
	tb.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		tb.Fatal(err)
	}
	return b
}

// openStore opens the store at url, closed when the test ends.
func openStore(tb testing.TB, url string) *store.Store {
	tb.Helper()
	s, err := store.Open(context.Background(), url)
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { s.Close() })
	return s
}

// openLib opens a Library over a store at url, with the operator's briefing
// embedded unless o says otherwise.
func openLib(tb testing.TB, url string, o library.Options) *library.Library {
	tb.Helper()
	o.Store = openStore(tb, url)
	if len(o.Paths) == 0 && o.Embedded == nil {
		o.Embedded = readFile(tb, "operator.txt")
	}
	lib, err := library.Open(context.Background(), o)
	if err != nil {
		tb.Fatalf("library.Open() error = %v", err)
	}
	tb.Cleanup(lib.Close)
	return lib
}

func addFile(tb testing.TB, lib *library.Library, guild, name string) library.Preview {
	tb.Helper()
	p, err := lib.Add(context.Background(), library.AddRequest{Guild: guild, AddedBy: "42", Filename: name, Data: readFile(tb, name)})
	if err != nil {
		tb.Fatalf("Add(%s to %q) error = %v", name, guild, err)
	}
	return p
}

// speaker returns who answers q in guild's engine, or "" when it declines.
func speaker(tb testing.TB, lib *library.Library, guild, q string) string {
	tb.Helper()
	e, err := lib.Engine(context.Background(), guild)
	if err != nil {
		tb.Fatalf("Engine(%q) error = %v", guild, err)
	}
	return speakerOf(e.Ask(q))
}

func speakerOf(a qa.Answer) string {
	if !a.Answered || a.Speaker == nil {
		return ""
	}
	return a.Speaker.Name
}

func titles(e *qa.Engine) []string {
	var out []string
	for _, b := range e.Briefings() {
		out = append(out, b.Title)
	}
	return out
}

func TestGuildsSeeTheirOwnBriefings(t *testing.T) {
	storetest.EachDialect(t, func(t *testing.T, url string) {
		ctx := context.Background()
		lib := openLib(t, url, library.Options{})
		addFile(t, lib, "A", "ferry.txt")
		addFile(t, lib, "B", "orchard.md")

		if got := speaker(t, lib, "A", "What did Mara Lind say?"); got != "Mara Lind" {
			t.Errorf("guild A: speaker = %q, want Mara Lind from its own briefing", got)
		}
		if got := speaker(t, lib, "A", "What did Ada Munro say?"); got != "Ada Munro" {
			t.Errorf("guild A: speaker = %q, want Ada Munro from the operator's briefing", got)
		}
		if got := speaker(t, lib, "B", "What did Mara Lind say?"); got == "Mara Lind" {
			t.Error("guild B is answered from guild A's briefing")
		}
		if got := speaker(t, lib, "", "What did Ivo Marsh say?"); got != "" {
			t.Errorf("DMs answered from a guild's briefing (speaker %q)", got)
		}
		if got := speaker(t, lib, "C", "What did Ada Munro say?"); got != "Ada Munro" {
			t.Errorf("a guild with no briefings of its own: speaker = %q, want the global briefing's", got)
		}
		if n := lib.CachedEngines(); n != 2 {
			t.Errorf("CachedEngines() = %d, want 2 (guild C and DMs share the global engine)", n)
		}
		bs, err := lib.Briefings(ctx, "B")
		if err != nil || len(bs) != 2 || bs[1].Title != "Orchard growers count the cost of a late frost" || len(bs[1].Sections) == 0 {
			t.Errorf("Briefings(B) = %d briefings, %v; want the operator's and the orchard (read as Markdown)", len(bs), err)
		}

		list := lib.List("A")
		if len(list) != 2 || !list[0].Operator || list[0].ID != "f1" || list[1].Guild != "A" || list[1].Title != "Harbour ferry resumes after repairs" {
			t.Errorf("List(A) = %+v, want the operator's briefing then A's", list)
		}
		if all := lib.ListAll(); len(all) != 3 {
			t.Errorf("ListAll() has %d entries, want 3", len(all))
		}
	})
}

func TestAddPreview(t *testing.T) {
	lib := openLib(t, storetest.SQLite(t), library.Options{})
	p := addFile(t, lib, "A", "ferry.txt")
	if p.ID == "" || p.Title != "Harbour ferry resumes after repairs" || p.Publisher != "The Example Courier" || p.Published != "2025-06-12" || p.Kind != "text" || p.AddedBy != "42" {
		t.Errorf("preview entry = %+v", p.Entry)
	}
	if p.Warning != "" || p.Passages != 3 || p.Quotes == 0 || p.Events == 0 || p.Sources < 2 {
		t.Errorf("preview counts = %+v", p)
	}
	if len(p.First) != 2 || p.First[0].Name != "port authority" || p.First[1].Name != "Mara Lind" {
		t.Errorf("first sources = %+v, want the port authority and Mara Lind", p.First)
	}
	md := addFile(t, lib, "A", "orchard.md")
	if md.Kind != "markdown" || md.Published != "" || md.Warning != library.NoDateWarning {
		t.Errorf("undated Markdown preview = %+v, want the no-date warning", md)
	}
	html := addFile(t, lib, "A", "article.html")
	if html.Kind != "html" || html.Title != "Inspection finds cracks in Harlow Valley dam spillway" || html.Publisher != "The Riverside Ledger" || html.Published != "2025-04-09" {
		t.Errorf("HTML preview = %+v", html.Entry)
	}
	if got := speaker(t, lib, "A", "What did Priya Natarajan say?"); got != "Priya Natarajan" {
		t.Errorf("question on the HTML briefing: speaker %q", got)
	}
}

type resolver map[string]string

func (r resolver) LookupNetIP(ctx context.Context, network, host string) ([]netip.Addr, error) {
	if a, ok := r[host]; ok {
		return []netip.Addr{netip.MustParseAddr(a)}, nil
	}
	return nil, errors.New("no such host")
}

// pages is a Fetcher serving pages from memory (URL to *fetch.Page, or to
// the error fetching it gives): what the library does with a page or a
// refusal. How pages are fetched, and what fetch refuses, bot/fetch tests.
type pages map[string]any

func (p pages) Fetch(_ context.Context, url string) (*fetch.Page, error) {
	switch v := p[url].(type) {
	case *fetch.Page:
		return v, nil
	case error:
		return nil, v
	}
	return nil, refusal("I couldn't find that website.")
}

func (p pages) Attachment(ctx context.Context, url string) (*fetch.Page, error) {
	return p.Fetch(ctx, url)
}

// refusal is an error with a message for the user, as fetch's refusals are.
type refusal string

func (r refusal) Error() string       { return "refused: " + string(r) }
func (r refusal) UserMessage() string { return string(r) }

func TestAddRefusesBadInput(t *testing.T) {
	html := func(url, body string) *fetch.Page {
		return &fetch.Page{URL: url, ContentType: "text/html", Body: []byte(body)}
	}
	served := pages{
		"https://news.example/article?utm_source=x": html("https://news.example/article?utm_source=x", string(readFile(t, "article.html"))),
		"https://news.example/login": html("https://news.example/login",
			`<html><head><title>Sign in</title></head><body><form><input name=u><input type=password></form></body></html>`),
		"https://news.example/huge": refusal("That page is larger than 5 MiB, more than a news article."),
	}
	st := openStore(t, storetest.SQLite(t))
	libWith := func(f library.Fetcher) *library.Library {
		lib, err := library.Open(context.Background(), library.Options{Store: st, Embedded: readFile(t, "operator.txt"), Fetcher: f})
		if err != nil {
			t.Fatal(err)
		}
		return lib
	}
	// The real fetcher, for the addresses it refuses before connecting.
	real := libWith(&fetch.Fetcher{Resolver: resolver{"intranet.example": "10.20.30.40"}, Timeout: 2 * time.Second})
	fake := libWith(served)
	tests := []struct {
		name string
		lib  *library.Library
		req  library.AddRequest
		want string
	}{
		{"Loopback", real, library.AddRequest{URL: "http://127.0.0.1:8080/article"}, "private network"},
		{"PrivateTen", real, library.AddRequest{URL: "http://10.0.0.1/"}, "private network"},
		{"IPv6Loopback", real, library.AddRequest{URL: "http://[::1]/"}, "private network"},
		{"NameToPrivate", real, library.AddRequest{URL: "http://intranet.example/news"}, "private network"},
		{"Malformed", real, library.AddRequest{URL: "htp:/broken"}, "http:// and https://"},
		{"FetchRefused", fake, library.AddRequest{URL: "https://news.example/huge"}, "larger than 5 MiB"},
		{"NotAnArticle", fake, library.AddRequest{URL: "https://news.example/login"}, "doesn't look like an article"},
		{"BinaryFile", real, library.AddRequest{Filename: "x.txt", Data: []byte("\x00\x01\x02binary")}, "couldn't read that as a briefing"},
		{"EmptyFile", real, library.AddRequest{Filename: "x.txt", Data: []byte("  \n")}, "couldn't read that as a briefing: no text"},
		{"BadDate", real, library.AddRequest{Filename: "x.txt", Data: []byte("title: T\npublished: 2025-13-40\n---\nT\n\nA body sentence here.\n")}, "invalid published date"},
		{"PDFFile", real, library.AddRequest{Filename: "x.pdf", Data: []byte("%PDF-1.7")}, ".txt, .md and .html"},
		{"Nothing", real, library.AddRequest{}, "a file (.txt, .md or .html) or a link"},
		{"TooLong", real, library.AddRequest{Filename: "x.txt", Data: []byte("Title\n\n" + strings.Repeat("A sentence of news. ", (2<<20)/20+10))}, "over the 2.0 MiB limit"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l := tt.lib
			tt.req.Guild = "G"
			_, err := l.Add(context.Background(), tt.req)
			if err == nil {
				t.Fatal("Add() succeeded, want a refusal")
			}
			var um interface{ UserMessage() string }
			if !errors.As(err, &um) || !strings.Contains(um.UserMessage(), tt.want) {
				t.Errorf("Add() error = %v, want a user message containing %q", err, tt.want)
			}
			if got := l.List("G"); len(got) != 1 {
				t.Errorf("after a refused add the guild sees %d briefings, want only the operator's", len(got))
			}
		})
	}
	if v, err := st.Version(context.Background()); v != 0 || err != nil {
		t.Errorf("library version = %d (%v), want 0: something was stored", v, err)
	}
	// An article page gives a briefing, with the canonical URL its metadata names.
	p, err := fake.Add(context.Background(), library.AddRequest{Guild: "G", URL: "https://news.example/article?utm_source=x"})
	if err != nil {
		t.Fatalf("Add(article URL) error = %v", err)
	}
	if p.Kind != "html" || p.URL != "https://news.example/news/2025/04/valley-dam-cracks" {
		t.Errorf("added page = %+v, want HTML with its canonical URL", p.Entry)
	}
}

func TestLimits(t *testing.T) {
	lib := openLib(t, storetest.SQLite(t), library.Options{Limits: library.Limits{PerGuild: 2, AddsPerHour: 3}})
	addFile(t, lib, "G", "ferry.txt")
	_, err := lib.Add(context.Background(), library.AddRequest{Guild: "G", Filename: "ferry.txt", Data: readFile(t, "ferry.txt")})
	assertMessage(t, err, "already in the library")
	addFile(t, lib, "G", "orchard.md")
	_, err = lib.Add(context.Background(), library.AddRequest{Guild: "G", Filename: "article.html", Data: readFile(t, "article.html")})
	assertMessage(t, err, "library is full (2 briefings)")
	if _, err := lib.Remove(context.Background(), "G", lib.List("G")[1].ID); err != nil {
		t.Fatal(err)
	}
	// Three adds in the hour so far (the duplicate and the full one were refused before storing).
	addFile(t, lib, "G", "article.html")
	if _, err := lib.Remove(context.Background(), "G", lib.List("G")[1].ID); err != nil {
		t.Fatal(err)
	}
	_, err = lib.Add(context.Background(), library.AddRequest{Guild: "G", Filename: "x.txt", Data: []byte("Another story\n\nSomething else happened on Monday, officials said.\n")})
	assertMessage(t, err, "added 3 briefings in the last hour")
	// The operator's global adds have no limits.
	addFile(t, lib, "", "ferry.txt")
}

// TestDefaultLimits: without Limits, a guild may add 10 briefings an hour
// and hold 200.
func TestDefaultLimits(t *testing.T) {
	ctx := context.Background()
	url := storetest.SQLite(t)
	lib := openLib(t, url, library.Options{})
	notice := func(n int) []byte {
		return []byte(fmt.Sprintf("Notice %d\n\nThe library in town %d will close early on Friday, the council said.\n", n, n))
	}
	for n := range 10 {
		if _, err := lib.Add(ctx, library.AddRequest{Guild: "G", Filename: "n.txt", Data: notice(n)}); err != nil {
			t.Fatalf("add %d: %v", n+1, err)
		}
	}
	_, err := lib.Add(ctx, library.AddRequest{Guild: "G", Filename: "n.txt", Data: notice(10)})
	assertMessage(t, err, "added 10 briefings in the last hour")

	// 200 briefings stored for guild F (straight into the database: the
	// hourly limit would take a day to get there).
	raw := storetest.DB(t, url)
	for n := range 200 {
		text := string(notice(100 + n))
		if _, err := raw.Exec(`INSERT INTO briefings (guild, title, publisher, published, url, kind, text, text_hash, added_by, added_at) VALUES ('F', ?, '', '', '', 'text', ?, ?, 'test', 0)`,
			fmt.Sprintf("Notice %d", 100+n), text, store.Hash(text)); err != nil {
			t.Fatal(err)
		}
	}
	_, err = lib.Add(ctx, library.AddRequest{Guild: "F", Filename: "n.txt", Data: notice(1000)})
	assertMessage(t, err, "library is full (200 briefings)")
}

func assertMessage(tb testing.TB, err error, want string) {
	tb.Helper()
	var um interface{ UserMessage() string }
	if !errors.As(err, &um) || !strings.Contains(um.UserMessage(), want) {
		tb.Errorf("error = %v, want a user message containing %q", err, want)
	}
}

func TestRemove(t *testing.T) {
	ctx := context.Background()
	lib := openLib(t, storetest.SQLite(t), library.Options{})
	a := addFile(t, lib, "A", "ferry.txt")
	g := addFile(t, lib, "", "orchard.md")
	if _, err := lib.Remove(ctx, "B", a.ID); !errors.Is(err, library.ErrNotFound) {
		t.Errorf("guild B removing A's briefing: error = %v, want ErrNotFound", err)
	}
	_, err := lib.Remove(ctx, "A", g.ID)
	assertMessage(t, err, "global")
	_, err = lib.Remove(ctx, "A", "f1")
	assertMessage(t, err, "operator")
	e1, _ := lib.Engine(ctx, "A")
	if _, err := lib.Remove(ctx, "A", a.ID); err != nil {
		t.Fatalf("Remove() error = %v", err)
	}
	if got := speaker(t, lib, "A", "What did Mara Lind say?"); got != "" {
		t.Errorf("after removal guild A is still answered by %q", got)
	}
	// An engine handed out before the change keeps working as it was.
	if got := speakerOf(e1.Ask("What did Mara Lind say?")); got != "Mara Lind" {
		t.Errorf("the engine taken before the removal answers %q, want Mara Lind", got)
	}
	if _, err := lib.RemoveAny(ctx, g.ID); err != nil {
		t.Errorf("RemoveAny(global) error = %v", err)
	}
}

func TestBriefingEngine(t *testing.T) {
	ctx := context.Background()
	lib := openLib(t, storetest.SQLite(t), library.Options{})
	a := addFile(t, lib, "A", "ferry.txt")
	addFile(t, lib, "A", "orchard.md")
	e, err := lib.BriefingEngine(ctx, "A", a.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got := titles(e); len(got) != 1 || got[0] != "Harbour ferry resumes after repairs" {
		t.Errorf("one-briefing engine over %q", got)
	}
	if got := speakerOf(e.Ask("What did Ada Munro say?")); got != "" {
		t.Errorf("one-briefing engine answered from another briefing (%q)", got)
	}
	op, err := lib.BriefingEngine(ctx, "", "f1")
	if err != nil || titles(op)[0] != "Town hall clock restarts" {
		t.Errorf("BriefingEngine(f1) = %v, %v", op, err)
	}
	if _, err := lib.BriefingEngine(ctx, "B", a.ID); !errors.Is(err, library.ErrNotFound) {
		t.Errorf("guild B asking A's briefing: error = %v, want ErrNotFound", err)
	}
	if got := lib.Complete("A", "orch", false); len(got) != 1 || got[0].Title != "Orchard growers count the cost of a late frost" {
		t.Errorf("Complete(orch) = %+v", got)
	}
	if got := lib.Complete("A", "", true); len(got) != 2 {
		t.Errorf("Complete(own) = %d entries, want 2", len(got))
	}
}

// TestInstancesShareALibrary: a briefing added through one instance is
// served by another within 2 s, and a removal too.
func TestInstancesShareALibrary(t *testing.T) {
	storetest.EachDialect(t, func(t *testing.T, url string) {
		ctx, cancel := context.WithCancel(context.Background())
		defer cancel()
		one := openLib(t, url, library.Options{Poll: 100 * time.Millisecond})
		two := openLib(t, url, library.Options{Poll: 100 * time.Millisecond})
		one.Watch(ctx, nil)
		two.Watch(ctx, nil)
		if got := speaker(t, two, "A", "What did Mara Lind say?"); got != "" {
			t.Fatalf("before the add, instance two answers %q", got)
		}
		start := time.Now()
		p := addFile(t, one, "A", "ferry.txt")
		waitFor(t, 2*time.Second, "instance two to serve the added briefing", func() bool {
			return speaker(t, two, "A", "What did Mara Lind say?") == "Mara Lind"
		})
		t.Logf("seen by the other instance after %v", time.Since(start).Round(time.Millisecond))
		if _, err := one.Remove(ctx, "A", p.ID); err != nil {
			t.Fatal(err)
		}
		waitFor(t, 2*time.Second, "instance two to drop the removed briefing", func() bool {
			return speaker(t, two, "A", "What did Mara Lind say?") == ""
		})
	})
}

func waitFor(tb testing.TB, limit time.Duration, what string, ok func() bool) {
	tb.Helper()
	deadline := time.Now().Add(limit)
	for !ok() {
		if time.Now().After(deadline) {
			tb.Fatalf("timed out after %v waiting for %s", limit, what)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// TestRestartUsesParseCache: a new instance on the same database serves the
// stored briefings without parsing them again; without the cache, it parses.
func TestRestartUsesParseCache(t *testing.T) {
	storetest.EachDialect(t, func(t *testing.T, url string) {
		ctx := context.Background()
		first := openLib(t, url, library.Options{})
		addFile(t, first, "A", "ferry.txt")
		addFile(t, first, "", "orchard.md")
		addFile(t, first, "B", "article.html")
		if n := first.Parses(); n != 0 {
			t.Errorf("adding parsed %d briefings from the database, want 0 (Add caches its parse)", n)
		}

		restarted := openLib(t, url, library.Options{})
		for _, g := range []string{"A", "B", ""} {
			if _, err := restarted.Engine(ctx, g); err != nil {
				t.Fatal(err)
			}
		}
		if got := speaker(t, restarted, "A", "What did Mara Lind say?"); got != "Mara Lind" {
			t.Errorf("after restart guild A answers %q", got)
		}
		if n := restarted.Parses(); n != 0 {
			t.Errorf("restart parsed %d briefings, want 0 (all from the cache)", n)
		}

		clearParseCache(t, url)
		cold := openLib(t, url, library.Options{})
		for _, g := range []string{"A", "B"} {
			if _, err := cold.Engine(ctx, g); err != nil {
				t.Fatal(err)
			}
		}
		if n := cold.Parses(); n != 3 {
			t.Errorf("with an empty cache, a restart parsed %d briefings, want 3", n)
		}
		if got := speaker(t, cold, "B", "What did Priya Natarajan say?"); got != "Priya Natarajan" {
			t.Errorf("after a cold restart guild B answers %q", got)
		}
		again := openLib(t, url, library.Options{})
		again.Engine(ctx, "A")
		again.Engine(ctx, "B")
		if n := again.Parses(); n != 0 {
			t.Errorf("the cold restart did not refill the cache: the next one parsed %d", n)
		}
	})
}

func TestEvictsEngines(t *testing.T) {
	ctx := context.Background()
	lib := openLib(t, storetest.SQLite(t), library.Options{MaxEngines: 3})
	for g := range 6 {
		guild := fmt.Sprintf("g%d", g)
		text := fmt.Sprintf("title: Notice %d\npublished: 2025-01-0%d\n---\nNotice %d\n\nThe library in town %d will close early on Friday, the council said.\n", g, g+1, g, g)
		if _, err := lib.Add(ctx, library.AddRequest{Guild: guild, Filename: "n.txt", Data: []byte(text)}); err != nil {
			t.Fatal(err)
		}
		if _, err := lib.Engine(ctx, guild); err != nil {
			t.Fatal(err)
		}
		if n := lib.CachedEngines(); n > 3 {
			t.Fatalf("%d engines cached, want at most 3", n)
		}
	}
	// An evicted guild is built again when asked.
	e, err := lib.Engine(ctx, "g0")
	if err != nil || titles(e)[1] != "Notice 0" {
		t.Errorf("Engine(g0) after eviction = %v, %v", e, err)
	}
}

// TestDropsIdleEngines: Watch drops a guild engine unused for longer than
// Idle, and the next question there builds it again.
func TestDropsIdleEngines(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	lib := openLib(t, storetest.SQLite(t), library.Options{Idle: 100 * time.Millisecond, Poll: 20 * time.Millisecond})
	addFile(t, lib, "A", "ferry.txt")
	if got := speaker(t, lib, "A", "What did Mara Lind say?"); got != "Mara Lind" {
		t.Fatalf("guild A answers %q", got)
	}
	if n := lib.CachedEngines(); n != 1 {
		t.Fatalf("CachedEngines() = %d, want guild A's", n)
	}
	lib.Watch(ctx, nil)
	waitFor(t, 5*time.Second, "the idle engine to be dropped", func() bool { return lib.CachedEngines() == 0 })
	if got := speaker(t, lib, "A", "What did Mara Lind say?"); got != "Mara Lind" {
		t.Errorf("after the engine was dropped, guild A answers %q", got)
	}
}

// TestOperatorFilesReload: the operator's briefing files are watched; a
// change is served, a broken edit leaves the old one serving, and questions
// in flight meanwhile do not race.
func TestOperatorFilesReload(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "b.txt")
	write := func(body string) {
		t.Helper()
		if err := os.WriteFile(path, []byte(body), 0o600); err != nil {
			t.Fatal(err)
		}
		later := time.Now().Add(time.Duration(time.Now().UnixNano()%1000+1) * time.Second)
		os.Chtimes(path, later, later)
	}
	write("title: First\npublished: 2024-01-02\n---\nThe council voted to close the bridge on Monday, officials said.\n")
	lib := openLib(t, storetest.SQLite(t), library.Options{Paths: []string{dir}, FilePoll: 10 * time.Millisecond})
	addFile(t, lib, "A", "ferry.txt")
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	lib.Watch(ctx, nil)
	var wg sync.WaitGroup
	for _, g := range []string{"", "A"} {
		wg.Go(func() {
			for ctx.Err() == nil {
				e, err := lib.Engine(ctx, g)
				if err == nil {
					e.Ask("Why was the bridge closed?")
				}
			}
		})
	}
	firstTitle := func(g string) func() bool {
		return func() bool { e, _ := lib.Engine(ctx, g); return titles(e)[0] == "Second" }
	}
	write("title: Second\npublished: 2024-01-03\n---\nThe council reopened the bridge on Tuesday.\n")
	waitFor(t, 5*time.Second, "the DM engine to serve the edit", firstTitle(""))
	waitFor(t, 5*time.Second, "guild A's engine to serve the edit", firstTitle("A"))
	write("title: Broken\npublished: 2024-13-45\n---\nA header with an impossible date.\n")
	time.Sleep(100 * time.Millisecond)
	if !firstTitle("")() {
		t.Error("a broken edit replaced the serving briefing")
	}
	cancel()
	wg.Wait()
}

// TestReloadOnSignal: a signal on Watch's reload channel (SIGHUP, in cmd)
// reloads the operator's briefings, even when the file poll would not.
func TestReloadOnSignal(t *testing.T) {
	path := filepath.Join(t.TempDir(), "b.txt")
	if err := os.WriteFile(path, []byte("title: Before\n---\nThe mayor said the park would reopen.\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	lib := openLib(t, storetest.SQLite(t), library.Options{Paths: []string{path}, FilePoll: time.Hour})
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	reload := make(chan os.Signal)
	lib.Watch(ctx, reload)
	if err := os.WriteFile(path, []byte("title: After\n---\nThe mayor said the park would stay shut.\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	reload <- syscall.SIGHUP
	waitFor(t, 5*time.Second, "the signal to reload the briefing", func() bool {
		e, _ := lib.Engine(ctx, "")
		return titles(e)[0] == "After"
	})
}

func TestFeedbackThroughLibrary(t *testing.T) {
	ctx := context.Background()
	lib := openLib(t, storetest.SQLite(t), library.Options{})
	for _, u := range []string{"1", "2"} {
		if err := lib.RecordDeclined(ctx, store.Declined{Guild: "A", UserID: u, Question: "What did the repairs cost?", Briefings: []string{"Harbour ferry"}}); err != nil {
			t.Fatal(err)
		}
	}
	if err := lib.RecordVote(ctx, store.Vote{Guild: "A", UserID: "1", Ref: "r", Question: "Who?", Up: false}); err != nil {
		t.Fatal(err)
	}
	g, err := lib.Gaps(ctx, store.GapsQuery{Guild: "A", Since: time.Now().Add(-time.Hour), Key: qa.ContentKey})
	if err != nil || len(g.Declined) != 1 || g.Declined[0].Count != 2 || len(g.DownVoted) != 1 {
		t.Errorf("Gaps() = %+v, %v", g, err)
	}
}

// clearParseCache empties the parse cache behind the store at url.
func clearParseCache(tb testing.TB, url string) {
	tb.Helper()
	if _, err := storetest.DB(tb, url).Exec("DELETE FROM parse_cache"); err != nil {
		tb.Fatal(err)
	}
}

// TestWatchPurgesOldFeedback: Watch deletes feedback past retention when it
// starts (and daily after).
func TestWatchPurgesOldFeedback(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	url := storetest.SQLite(t)
	old := openStore(t, url)
	old.Now = func() time.Time { return time.Now().Add(-8 * 24 * time.Hour) }
	if err := old.RecordDeclined(ctx, store.Declined{Guild: "A", UserID: "1", Question: "An old question?"}); err != nil {
		t.Fatal(err)
	}
	lib := openLib(t, url, library.Options{Retention: 7 * 24 * time.Hour})
	if err := lib.RecordDeclined(ctx, store.Declined{Guild: "A", UserID: "1", Question: "A new question?"}); err != nil {
		t.Fatal(err)
	}
	lib.Watch(ctx, nil)
	waitFor(t, 5*time.Second, "the old question to be purged", func() bool {
		g, err := lib.Gaps(ctx, store.GapsQuery{Guild: "A"})
		return err == nil && len(g.Declined) == 1 && g.Declined[0].Questions[0] == "A new question?"
	})
}

// TestAddAttachment: an attachment is read from the exact URL given, on a
// host exempt from the address policy (here loopback), and its URL, signed
// query string and all, is kept nowhere: not in the record, not in the text.
func TestAddAttachment(t *testing.T) {
	ctx := context.Background()
	body := readFile(t, "orchard.md")
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Query().Get("hm") != "sig" {
			http.Error(w, "unsigned", http.StatusForbidden)
			return
		}
		w.Header().Set("Content-Type", "application/octet-stream")
		w.Write(body)
	}))
	defer srv.Close()
	url := storetest.SQLite(t)
	lib := openLib(t, url, library.Options{})
	att := srv.URL + "/attachments/1/2/orchard.md?ex=abc&is=def&hm=sig"
	p, err := lib.Add(ctx, library.AddRequest{Guild: "A", AddedBy: "42", Attachment: att, Filename: "orchard.md"})
	if err != nil {
		t.Fatalf("Add(attachment) error = %v", err)
	}
	if p.Kind != "markdown" || p.URL != "" || p.Title != "Orchard growers count the cost of a late frost" {
		t.Errorf("preview = %+v, want the Markdown briefing without a URL", p.Entry)
	}
	recs, _, err := openStore(t, url).List(ctx)
	if err != nil || len(recs) != 1 {
		t.Fatalf("List() = %d records, %v", len(recs), err)
	}
	if strings.Contains(recs[0].Text, "hm=") || strings.Contains(recs[0].Text, srv.URL) || recs[0].URL != "" {
		t.Errorf("the attachment's URL was kept: url %q, text starts %q", recs[0].URL, recs[0].Text[:min(80, len(recs[0].Text))])
	}
	if _, err := lib.Add(ctx, library.AddRequest{Guild: "A", Attachment: srv.URL + "/x.png?hm=sig", Filename: "x.png"}); err == nil || !strings.HasPrefix(userMessage(err), "I read briefings from .txt, .md and .html files only.") {
		t.Errorf("Add(image attachment) error = %v, want the file-type refusal", err)
	}
}

func userMessage(err error) string {
	var um interface{ UserMessage() string }
	if errors.As(err, &um) {
		return um.UserMessage()
	}
	return ""
}

// TestOnReload: the hook hears of every change that reached this instance,
// with the library's size by scope, and of a failed reload of the operator's
// files.
func TestOnReload(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var mu sync.Mutex
	var heard []library.Reload
	hook := func(r library.Reload) {
		mu.Lock()
		heard = append(heard, r)
		mu.Unlock()
	}
	last := func() (library.Reload, int) {
		mu.Lock()
		defer mu.Unlock()
		if len(heard) == 0 {
			return library.Reload{}, 0
		}
		return heard[len(heard)-1], len(heard)
	}
	dir := t.TempDir()
	op := filepath.Join(dir, "operator.txt")
	if err := os.WriteFile(op, readFile(t, "operator.txt"), 0o644); err != nil {
		t.Fatal(err)
	}
	url := storetest.SQLite(t)
	lib := openLib(t, url, library.Options{Paths: []string{op}, OnReload: hook, Poll: 50 * time.Millisecond, FilePoll: 50 * time.Millisecond})
	other := openLib(t, url, library.Options{})
	if r, n := last(); n != 1 || r.Global != 1 || r.Guild != 0 || r.Err != nil {
		t.Fatalf("after Open: %d reloads, last %+v; want one, with the operator's briefing", n, r)
	}
	lib.Watch(ctx, nil)
	addFile(t, lib, "A", "ferry.txt")
	if r, _ := last(); r.Global != 1 || r.Guild != 1 || r.Err != nil {
		t.Errorf("after a guild's add: %+v, want 1 global and 1 guild briefing", r)
	}
	addFile(t, other, "", "orchard.md")
	waitFor(t, 2*time.Second, "the other instance's global add to be heard", func() bool {
		r, _ := last()
		return r.Global == 2 && r.Guild == 1
	})
	if g, gu := lib.Sizes(); g != 2 || gu != 1 {
		t.Errorf("Sizes() = %d, %d; want 2, 1", g, gu)
	}
	_, before := last()
	time.Sleep(200 * time.Millisecond) // polls that find no change are not reloads
	if _, n := last(); n != before {
		t.Errorf("%d reloads heard while nothing changed", n-before)
	}
	if err := os.WriteFile(op, []byte{0, 1, 2}, 0o644); err != nil {
		t.Fatal(err)
	}
	waitFor(t, 2*time.Second, "the failed reload of the operator's file", func() bool {
		r, _ := last()
		return r.Err != nil && r.Global == 2
	})
}

// TestGapReport: declined questions and down votes, grouped by their
// content words, each with the closest passage of the guild's briefings
// and, for a down vote, the paragraph voted down.
func TestGapReport(t *testing.T) {
	ctx := context.Background()
	lib := openLib(t, storetest.SQLite(t), library.Options{})
	addFile(t, lib, "A", "ferry.txt")
	e, err := lib.Engine(ctx, "A")
	if err != nil {
		t.Fatal(err)
	}
	ans := e.Ask("What did Mara Lind say?")
	if !ans.Answered {
		t.Fatal("the ferry briefing does not answer its own question")
	}
	for i, q := range []string{"How much did the repairs cost in total?", "how much did the repairs cost in total", "Who paid for the new boats?"} {
		if err := lib.RecordDeclined(ctx, store.Declined{Guild: "A", UserID: fmt.Sprint(i), Question: q}); err != nil {
			t.Fatal(err)
		}
	}
	if err := lib.RecordDeclined(ctx, store.Declined{Guild: "B", UserID: "9", Question: "Who won the match?"}); err != nil {
		t.Fatal(err)
	}
	if err := lib.RecordVote(ctx, store.Vote{Guild: "A", UserID: "1", Ref: ans.Ref, Question: "What did Mara Lind say?", Up: false}); err != nil {
		t.Fatal(err)
	}
	r, err := lib.GapReport(ctx, library.GapQuery{Guild: "A", Since: time.Now().Add(-time.Hour)})
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Declined) != 2 || r.Declined[0].Count != 2 || len(r.Declined[0].Questions) != 2 {
		t.Fatalf("declined = %+v, want the cost question first, twice, in two wordings", r.Declined)
	}
	if c := r.Declined[0].Closest; c == nil || !strings.Contains(c.Passage, "repairs cost") {
		t.Errorf("closest to the cost question = %+v", c)
	}
	if len(r.DownVoted) != 1 || !strings.Contains(r.DownVoted[0].Answer, "Mara Lind") || r.DownVoted[0].Ref != ans.Ref {
		t.Errorf("down-voted = %+v, want the Mara Lind answer's paragraph", r.DownVoted)
	}
	all, err := lib.GapReport(ctx, library.GapQuery{AllGuilds: true, Since: time.Now().Add(-time.Hour)})
	if err != nil || len(all.Declined) != 3 {
		t.Errorf("every guild's declined questions = %+v, %v; want 3 groups", all.Declined, err)
	}
}

// TestCloseStopsWatch: once Close returns, the library's watching has
// stopped, even when the context Watch was given lives on: it sees no
// later change, so the caller may close the store.
func TestCloseStopsWatch(t *testing.T) {
	var mu sync.Mutex
	heard := 0
	url := storetest.SQLite(t)
	lib := openLib(t, url, library.Options{Poll: 10 * time.Millisecond, OnReload: func(library.Reload) {
		mu.Lock()
		heard++
		mu.Unlock()
	}})
	lib.Watch(context.Background(), nil)
	lib.Close()
	mu.Lock()
	before := heard
	mu.Unlock()
	addFile(t, openLib(t, url, library.Options{}), "A", "ferry.txt")
	time.Sleep(200 * time.Millisecond)
	mu.Lock()
	defer mu.Unlock()
	if heard != before {
		t.Errorf("a closed library still heard %d reloads", heard-before)
	}
}
