package library

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/briefbot/briefbot/bot/store"
	"github.com/briefbot/briefbot/bot/store/storetest"
	"github.com/briefbot/briefbot/knowledge"
)

// Fictional material for synthetic briefings: every combination is made up.
var (
	benchPlaces = []string{"Harlow", "Millbrook", "Ashford", "Brenton", "Port Ellery", "Gull Point", "Arden", "Kestrel Bay"}
	benchThings = []string{"bridge", "library", "ferry landing", "water main", "school roof", "bus depot", "harbour wall", "town hall"}
	benchPeople = []string{"Mara Lind", "Owen Garza", "Priya Natarajan", "Ivo Marsh", "Ada Munro", "Lena Brandt", "Tess Okafor", "Rui Alves"}
	benchRoles  = []string{"the council's engineer", "a local shop owner", "the board's chair", "a retired teacher"}
)

// syntheticBriefing is the i-th made-up briefing, about 2.5 KB, with a
// header, quotes, a section and dated events.
func syntheticBriefing(i int) string {
	place, thing := benchPlaces[i%len(benchPlaces)], benchThings[(i/8)%len(benchThings)]
	a, b := benchPeople[i%len(benchPeople)], benchPeople[(i+3)%len(benchPeople)]
	var s strings.Builder
	fmt.Fprintf(&s, "title: %s %s report number %d\npublisher: The Example Courier\npublished: 2025-%02d-%02d\n---\n", place, thing, i, i%12+1, i%28+1)
	fmt.Fprintf(&s, "%s %s report number %d\n\n", place, thing, i)
	fmt.Fprintf(&s, "The %s in %s will close for repairs on Monday after inspectors found damage, the council said in report number %d.\n\n", thing, place, i)
	fmt.Fprintf(&s, "\"We cannot keep patching the %s,\" said %s, %s. \"It needs a proper fix this time.\"\n\n", thing, a, benchRoles[i%len(benchRoles)])
	fmt.Fprintf(&s, "The work is expected to cost about %d,000 euros and to take %d weeks, according to the council's estimate, which %s said was cautious.\n\n", 100+i%900, 2+i%10, b)
	s.WriteString("Background\n\n")
	fmt.Fprintf(&s, "The %s was built in %d and last repaired in %d, when a winter storm damaged part of it. Residents have complained about its state for years.\n\n", thing, 1900+i%100, 1990+i%30)
	fmt.Fprintf(&s, "%s, who has lived in %s for %d years, said the closure would make her journey to work longer. \"It is a nuisance, but it is overdue,\" she said.\n\n", b, place, 5+i%40)
	fmt.Fprintf(&s, "Last March, a survey of the %s found %d cracks in its supports. The council said on Friday that a full report would be published within %d months.\n\n", thing, 3+i%20, 2+i%6)
	fmt.Fprintf(&s, "A public meeting on the plans will be held in %s on %d May, officials said, and residents can send comments until the end of June.\n", place, 1+i%28)
	return s.String()
}

// benchHTML is a made-up article page of about size bytes.
func benchHTML(size, n int) []byte {
	var s strings.Builder
	fmt.Fprintf(&s, `<!DOCTYPE html><html><head><title>Long read %d</title>
<script type="application/ld+json">{"@type":"NewsArticle","headline":"Long read number %d on the valley's infrastructure","datePublished":"2025-04-09T10:00:00Z","publisher":{"name":"The Riverside Ledger"}}</script>
</head><body><nav><a href="/">Home</a></nav><article><h1>Long read number %d</h1>`, n, n, n)
	for i := 0; s.Len() < size; i++ {
		if i%6 == 5 {
			fmt.Fprintf(&s, "<h2>Part %d</h2>", i/6+1)
		}
		body := strings.SplitN(syntheticBriefing(n*1000+i), "---\n", 2)[1]
		for _, p := range strings.Split(body, "\n\n")[1:] {
			fmt.Fprintf(&s, "<p>%s</p>\n", strings.TrimSpace(p))
		}
	}
	s.WriteString("</article><footer>© The Riverside Ledger</footer></body></html>")
	return []byte(s.String())
}

func benchLibrary(b *testing.B, url string, o Options) *Library {
	b.Helper()
	st, err := store.Open(context.Background(), url)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { st.Close() })
	o.Store = st
	if o.Embedded == nil && len(o.Paths) == 0 {
		o.Embedded, err = os.ReadFile(filepath.Join("testdata", "operator.txt"))
		if err != nil {
			b.Fatal(err)
		}
	}
	lib, err := Open(context.Background(), o)
	if err != nil {
		b.Fatal(err)
	}
	return lib
}

func benchURL(b *testing.B) string { return "sqlite:" + filepath.Join(b.TempDir(), "bench.db") }

// BenchmarkAddHTML measures adding a 100 KB HTML page (fetch excluded):
// extraction, parsing, the transaction and the refresh.
func BenchmarkAddHTML(b *testing.B) {
	lib := benchLibrary(b, benchURL(b), Options{})
	pages := make([][]byte, 0, 64)
	for i := range 64 {
		pages = append(pages, benchHTML(100<<10, i))
	}
	b.SetBytes(int64(len(pages[0])))
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		page := pages[i%len(pages)]
		if i >= len(pages) { // a new text each time: the same one would be a duplicate
			page = append([]byte(fmt.Sprintf("<!-- %d -->", i)), page...)
		}
		if _, err := lib.Add(context.Background(), AddRequest{Guild: fmt.Sprintf("g%d", i), Filename: "page.html", Data: page}); err != nil {
			b.Fatal(err)
		}
		i++
	}
}

// BenchmarkRebuildGuildEngine measures building a guild's engine: the
// operator's briefing plus 20 of the guild's own, parses from the cache.
func BenchmarkRebuildGuildEngine(b *testing.B) {
	lib := benchLibrary(b, benchURL(b), Options{Limits: Limits{AddsPerHour: 1000}})
	for i := range 20 {
		if _, err := lib.Add(context.Background(), AddRequest{Guild: "g", Filename: "b.txt", Data: []byte(syntheticBriefing(i))}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportAllocs()
	for b.Loop() {
		lib.mu.Lock()
		lib.globals = map[string]*knowledge.Briefing{} // measure the cold path: decode from the store
		lib.mu.Unlock()
		if _, err := lib.buildGuild(context.Background(), "g"); err != nil {
			b.Fatal(err)
		}
	}
}

// fillLibrary inserts n synthetic briefings in guilds named by guild(i),
// straight into the database in one transaction (the setup, not measured).
func fillLibrary(b *testing.B, url string, n int, guild func(int) string) {
	b.Helper()
	tx, err := storetest.DB(b, url).Begin()
	if err != nil {
		b.Fatal(err)
	}
	stmt, err := tx.Prepare(`INSERT INTO briefings (guild, title, publisher, published, url, kind, text, text_hash, added_by, added_at) VALUES (?, ?, '', '', '', 'text', ?, ?, 'bench', ?)`)
	if err != nil {
		b.Fatal(err)
	}
	for i := range n {
		text := syntheticBriefing(i)
		if _, err := stmt.Exec(guild(i), fmt.Sprintf("report %d", i), text, store.Hash(text), time.Now().UnixMilli()); err != nil {
			b.Fatal(err)
		}
	}
	if _, err := tx.Exec(`UPDATE library_version SET version = version + 1`); err != nil {
		b.Fatal(err)
	}
	if err := tx.Commit(); err != nil {
		b.Fatal(err)
	}
}

// BenchmarkFirstQuestion measures a start on a 2,000-briefing library (all
// global, so the first engine holds all of them) up to the first answer,
// with the parse cache filled (a restart) and empty (first start after a
// parser change).
func BenchmarkFirstQuestion(b *testing.B) {
	for _, cached := range []bool{true, false} {
		b.Run(fmt.Sprintf("cached=%v", cached), func(b *testing.B) {
			url := benchURL(b)
			st, err := store.Open(context.Background(), url)
			if err != nil {
				b.Fatal(err)
			}
			st.Cache(context.Background(), "-", &knowledge.Briefing{}) // creates the file and schema
			st.Close()
			fillLibrary(b, url, 2000, func(int) string { return "" })
			if cached {
				benchLibrary(b, url, Options{}) // fills the cache
			}
			raw := storetest.DB(b, url)
			for b.Loop() {
				if !cached {
					if _, err := raw.Exec(`DELETE FROM parse_cache`); err != nil {
						b.Fatal(err)
					}
				}
				lib := benchLibrary(b, url, Options{})
				e, err := lib.Engine(context.Background(), "")
				if err != nil {
					b.Fatal(err)
				}
				if a := e.Ask("What did Mara Lind say?"); !a.Answered {
					b.Fatal("not answered")
				}
				lib.Close()
			}
		})
	}
}

// heapAfterGC is the live heap, after collecting garbage.
func heapAfterGC() uint64 {
	var m runtime.MemStats
	for range 2 {
		runtime.GC()
	}
	runtime.ReadMemStats(&m)
	return m.HeapAlloc
}

// BenchmarkMemoryPerGuild measures what a guild costs while idle (its
// records' metadata, no engine) and with its engine built (the operator's
// briefing, a short one or the seed article, plus one synthetic briefing of
// its own): a guild engine indexes the global briefings too.
func BenchmarkMemoryPerGuild(b *testing.B) {
	for _, op := range []string{"operator.txt", "seed.txt"} {
		b.Run("global="+strings.TrimSuffix(op, ".txt"), func(b *testing.B) { benchMemory(b, op) })
	}
}

func benchMemory(b *testing.B, operator string) {
	const guilds = 2000
	embedded, err := os.ReadFile(filepath.Join("testdata", operator))
	if err != nil {
		b.Fatal(err)
	}
	url := benchURL(b)
	st, err := store.Open(context.Background(), url)
	if err != nil {
		b.Fatal(err)
	}
	st.Cache(context.Background(), "-", &knowledge.Briefing{})
	st.Close()
	fillLibrary(b, url, guilds, func(i int) string { return fmt.Sprintf("guild%d", i) })
	for b.Loop() {
		before := heapAfterGC()
		lib := benchLibrary(b, url, Options{MaxEngines: guilds, Embedded: embedded})
		idle := heapAfterGC()
		for i := range 200 {
			if _, err := lib.Engine(context.Background(), fmt.Sprintf("guild%d", i)); err != nil {
				b.Fatal(err)
			}
		}
		built := heapAfterGC()
		b.ReportMetric(float64(idle-before)/guilds, "B/idle-guild")
		b.ReportMetric(float64(built-idle)/200, "B/guild-engine")
		runtime.KeepAlive(lib)
	}
}
