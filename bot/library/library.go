package library

import (
	"container/list"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/briefbot/briefbot/bot/fetch"
	"github.com/briefbot/briefbot/bot/store"
	"github.com/briefbot/briefbot/knowledge"
	"github.com/briefbot/briefbot/qa"
)

// Defaults for Options' zero fields.
const (
	DefaultMaxEngines = 64
	DefaultIdle       = 30 * time.Minute
	DefaultPoll       = time.Second
	DefaultFilePoll   = 2 * time.Second
	DefaultRetention  = 30 * 24 * time.Hour
)

// A Fetcher reads web pages and chat attachments; *fetch.Fetcher is one.
type Fetcher interface {
	Fetch(ctx context.Context, url string) (*fetch.Page, error)
	Attachment(ctx context.Context, url string) (*fetch.Page, error)
}

// Options configure Open.
type Options struct {
	Store *store.Store // the stored library; nil serves the operator's briefings only

	// The operator's briefings: files or folders, else Embedded (parsed as
	// EmbeddedName). Global, read-only and not stored.
	Paths        []string
	Embedded     []byte
	EmbeddedName string

	Fetcher Fetcher      // nil means a *fetch.Fetcher with its defaults
	Limits  Limits       // zero fields take the defaults
	Log     *slog.Logger // nil discards

	MaxEngines int           // guild engines kept at once (least recently used go first)
	Idle       time.Duration // a guild engine unused this long is dropped
	Poll       time.Duration // how often Watch polls the library version
	FilePoll   time.Duration // how often Watch checks the operator's files
	Retention  time.Duration // feedback older than this is purged, daily

	// OnReload, when set, hears of every reload: the stored library read
	// again after a change (made here or by another instance), the
	// operator's files read again, and every attempt that failed.
	OnReload func(Reload)
}

// A Reload is what OnReload hears: the library's size after it, and the
// error when it failed (the previous briefings then stay in service).
type Reload struct {
	Global int   // briefings every guild sees: the operator's and the stored global ones
	Guild  int   // all guilds' own briefings together
	Err    error // nil when the reload succeeded
}

// Limits bound what a guild may add.
type Limits struct {
	MaxText     int // bytes of extracted briefing text; default knowledge.MaxSize (2 MiB)
	PerGuild    int // briefings per guild; default 200
	AddsPerHour int // adds per guild per hour; default 10
}

func (l Limits) withDefaults() Limits {
	if l.MaxText <= 0 {
		l.MaxText = knowledge.MaxSize
	}
	if l.PerGuild <= 0 {
		l.PerGuild = 200
	}
	if l.AddsPerHour <= 0 {
		l.AddsPerHour = 10
	}
	return l
}

// A Library serves question-answering engines over the operator's
// briefings and the stored ones: one per guild (global briefings plus the
// guild's own), built when first asked for, rebuilt in the background when
// the library changes, and dropped when idle.
type Library struct {
	o     Options
	store *store.Store
	log   *slog.Logger

	refreshMu sync.Mutex // serialises refreshes and operator reloads

	mu       sync.Mutex // guards what follows
	operator []*knowledge.Briefing
	opStamp  string
	version  int64                     // the library version the metadata was read at
	records  map[string][]store.Record // by guild ("" = global), in ID order
	byID     map[int64]store.Record
	globals  map[string]*knowledge.Briefing // stored global briefings by text hash
	engines  map[string]*list.Element       // cache key → LRU element holding *cached
	lru      *list.List                     // front = most recently used

	global atomic.Pointer[served] // the engine for DMs and guilds with no briefings of their own
	builds sync.Map               // cache key → *build in progress

	parses atomic.Int64 // briefings parsed from text (cache misses), for tests and logs

	watchers sync.WaitGroup       // Watch's goroutines
	stops    []context.CancelFunc // stop them; guarded by mu
}

// served is one consistent engine and the briefings it was built over.
type served struct {
	engine    *qa.Engine
	briefings []*knowledge.Briefing
	stamp     string // what it was built from, to tell when it is stale
}

// cached is an engine in the LRU cache.
type cached struct {
	key      string // guild ID, or "briefing:" + entry ID for a one-briefing engine
	cur      atomic.Pointer[served]
	lastUsed atomic.Int64 // Unix nanoseconds
}

// A build is an engine being built; others asking for it wait.
type build struct {
	done chan struct{}
	s    *served
	err  error
}

// Open loads the operator's briefings (an error if they do not parse),
// reads the stored library's records and builds the global engine.
func Open(ctx context.Context, o Options) (*Library, error) {
	if o.Log == nil {
		o.Log = slog.New(slog.DiscardHandler)
	}
	if o.Fetcher == nil {
		o.Fetcher = &fetch.Fetcher{}
	}
	o.Limits = o.Limits.withDefaults()
	o.MaxEngines = cmpOr(o.MaxEngines, DefaultMaxEngines)
	o.Idle = cmpOr(o.Idle, DefaultIdle)
	o.Poll = cmpOr(o.Poll, DefaultPoll)
	o.FilePoll = cmpOr(o.FilePoll, DefaultFilePoll)
	o.Retention = cmpOr(o.Retention, DefaultRetention)
	if o.EmbeddedName == "" {
		o.EmbeddedName = "embedded briefing"
	}
	l := &Library{
		o: o, store: o.Store, log: o.Log,
		records: map[string][]store.Record{}, byID: map[int64]store.Record{},
		globals: map[string]*knowledge.Briefing{}, engines: map[string]*list.Element{}, lru: list.New(),
	}
	ops, stamp, err := l.loadOperator()
	if err != nil {
		return nil, err
	}
	l.operator, l.opStamp = ops, stamp
	if err := l.refresh(ctx, true); err != nil {
		return nil, err
	}
	return l, nil
}

func cmpOr[T int | time.Duration](v, def T) T {
	if v <= 0 {
		return def
	}
	return v
}

// Engine returns the engine for guildID: the global briefings plus that
// guild's own ("" is DMs: the global ones only). The first call for a guild
// builds it; later changes are rebuilt in the background, and a caller
// keeps the engine it got for as long as it needs it.
func (l *Library) Engine(ctx context.Context, guildID string) (*qa.Engine, error) {
	s, err := l.served(ctx, guildID)
	if err != nil {
		return nil, err
	}
	return s.engine, nil
}

// Briefings returns the parsed briefings guildID's engine answers from.
func (l *Library) Briefings(ctx context.Context, guildID string) ([]*knowledge.Briefing, error) {
	s, err := l.served(ctx, guildID)
	if err != nil {
		return nil, err
	}
	return s.briefings, nil
}

// served finds or builds the engine for guildID.
func (l *Library) served(ctx context.Context, guildID string) (*served, error) {
	l.mu.Lock()
	own := len(l.records[guildID]) > 0
	l.mu.Unlock()
	if guildID == "" || !own {
		return l.global.Load(), nil
	}
	return l.cachedOrBuild(ctx, guildID, func(ctx context.Context) (*served, error) { return l.buildGuild(ctx, guildID) })
}

// BriefingEngine returns an engine over the one briefing with entry ID id,
// which guildID must see (an operator's briefing, a stored global one, or
// the guild's own), for questions about that briefing only.
func (l *Library) BriefingEngine(ctx context.Context, guildID, id string) (*qa.Engine, error) {
	if _, err := l.visible(guildID, id); err != nil {
		return nil, err
	}
	s, err := l.cachedOrBuild(ctx, "briefing:"+id, func(ctx context.Context) (*served, error) { return l.buildOne(ctx, id) })
	if err != nil {
		return nil, err
	}
	return s.engine, nil
}

// cachedOrBuild returns the cached engine for key, or builds it once however
// many callers ask at the same time. A caller waiting on a build that its
// own caller gave up on (its context ended) builds again itself.
func (l *Library) cachedOrBuild(ctx context.Context, key string, construct func(context.Context) (*served, error)) (*served, error) {
	for {
		s, retry, err := l.cachedOrBuildOnce(ctx, key, construct)
		if !retry {
			return s, err
		}
	}
}

// cachedOrBuildOnce is one try of cachedOrBuild: retry is true when it
// waited on a build whose caller's context ended while its own has not.
func (l *Library) cachedOrBuildOnce(ctx context.Context, key string, construct func(context.Context) (*served, error)) (s *served, retry bool, err error) {
	l.mu.Lock()
	if el, ok := l.engines[key]; ok {
		c := el.Value.(*cached)
		l.lru.MoveToFront(el)
		l.mu.Unlock()
		c.lastUsed.Store(time.Now().UnixNano())
		return c.cur.Load(), false, nil
	}
	l.mu.Unlock()
	b := &build{done: make(chan struct{})}
	if other, loaded := l.builds.LoadOrStore(key, b); loaded {
		ob := other.(*build)
		select {
		case <-ob.done:
			gaveUp := errors.Is(ob.err, context.Canceled) || errors.Is(ob.err, context.DeadlineExceeded)
			if gaveUp && ctx.Err() == nil {
				return nil, true, nil
			}
			return ob.s, false, ob.err
		case <-ctx.Done():
			return nil, false, ctx.Err()
		}
	}
	s, err = l.build(ctx, key, b, construct)
	return s, false, err
}

// build builds key's engine into b, which callers asking meanwhile wait on.
func (l *Library) build(ctx context.Context, key string, b *build, construct func(context.Context) (*served, error)) (*served, error) {
	defer func() { l.builds.Delete(key); close(b.done) }()
	// A refresh while building may make the result stale: build again,
	// a few times at most, until the library stood still.
	for range 3 {
		l.mu.Lock()
		v := l.version
		opStamp := l.opStamp
		l.mu.Unlock()
		b.s, b.err = construct(ctx)
		if b.err != nil {
			return nil, b.err
		}
		l.mu.Lock()
		same := v == l.version && opStamp == l.opStamp
		l.mu.Unlock()
		if same {
			break
		}
	}
	l.insert(key, b.s)
	return b.s, nil
}

// insert puts an engine in the cache and evicts the least recently used
// beyond MaxEngines.
func (l *Library) insert(key string, s *served) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if el, ok := l.engines[key]; ok {
		el.Value.(*cached).cur.Store(s)
		l.lru.MoveToFront(el)
		return
	}
	c := &cached{key: key}
	c.cur.Store(s)
	c.lastUsed.Store(time.Now().UnixNano())
	l.engines[key] = l.lru.PushFront(c)
	for l.lru.Len() > l.o.MaxEngines {
		last := l.lru.Back()
		l.lru.Remove(last)
		delete(l.engines, last.Value.(*cached).key)
	}
}

// evictIdle drops engines unused for longer than Idle.
func (l *Library) evictIdle(now time.Time) {
	l.mu.Lock()
	defer l.mu.Unlock()
	for el := l.lru.Back(); el != nil; {
		prev := el.Prev()
		c := el.Value.(*cached)
		if now.Sub(time.Unix(0, c.lastUsed.Load())) > l.o.Idle {
			l.lru.Remove(el)
			delete(l.engines, c.key)
		}
		el = prev
	}
}

// Sizes returns how many briefings the library holds: global ones (the
// operator's and the stored global ones), and all guilds' own together.
func (l *Library) Sizes() (global, guild int) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.sizesLocked()
}

func (l *Library) sizesLocked() (global, guild int) {
	for g, recs := range l.records {
		if g == "" {
			global += len(recs)
		} else {
			guild += len(recs)
		}
	}
	return global + len(l.operator), guild
}

// reloaded tells OnReload about a reload that happened, or failed.
func (l *Library) reloaded(err error) {
	if l.o.OnReload == nil {
		return
	}
	global, guild := l.Sizes()
	l.o.OnReload(Reload{Global: global, Guild: guild, Err: err})
}

// CachedEngines is how many guild and one-briefing engines are held now.
func (l *Library) CachedEngines() int {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.lru.Len()
}

// Parses is how many briefings this Library has parsed from text because
// the parse cache did not have them.
func (l *Library) Parses() int64 { return l.parses.Load() }

// Version is the library version this Library last read.
func (l *Library) Version() int64 {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.version
}

// buildGuild builds the engine over the global briefings and guildID's.
func (l *Library) buildGuild(ctx context.Context, guildID string) (*served, error) {
	l.mu.Lock()
	recs := slices.Clone(l.records[guildID])
	base := l.global.Load()
	l.mu.Unlock()
	own, err := l.parsed(ctx, recs)
	if err != nil {
		return nil, fmt.Errorf("build engine for guild %s: %w", guildID, err)
	}
	all := append(slices.Clone(base.briefings), own...)
	return &served{engine: qa.New(all...), briefings: all, stamp: base.stamp + "|" + stampOf(recs)}, nil
}

// buildOne builds the engine over one briefing.
func (l *Library) buildOne(ctx context.Context, id string) (*served, error) {
	if i, ok := operatorIndex(id); ok {
		l.mu.Lock()
		ops := l.operator
		l.mu.Unlock()
		if i >= len(ops) {
			return nil, notFound(id)
		}
		return &served{engine: qa.New(ops[i]), briefings: ops[i : i+1]}, nil
	}
	n, err := strconv.ParseInt(id, 10, 64)
	if err != nil {
		return nil, notFound(id)
	}
	l.mu.Lock()
	rec, ok := l.byID[n]
	l.mu.Unlock()
	if !ok {
		return nil, notFound(id)
	}
	bs, err := l.parsed(ctx, []store.Record{rec})
	if err != nil {
		return nil, err
	}
	return &served{engine: qa.New(bs...), briefings: bs, stamp: stampOf([]store.Record{rec})}, nil
}

// stampOf fingerprints a list of records: IDs and text hashes.
func stampOf(recs []store.Record) string {
	var b strings.Builder
	for _, r := range recs {
		b.WriteString(strconv.FormatInt(r.ID, 10))
		b.WriteByte(':')
		b.WriteString(r.TextHash[:min(12, len(r.TextHash))])
		b.WriteByte(',')
	}
	return b.String()
}

// ErrNotFound means no briefing the guild can see has that ID.
var ErrNotFound = errors.New("no such briefing")

func notFound(id string) error {
	return &Error{msg: fmt.Sprintf("There is no briefing %q here. /briefing list shows them.", id), err: fmt.Errorf("briefing %s: %w", id, ErrNotFound)}
}

// operatorIndex reads an operator entry ID ("f1" is the first file).
func operatorIndex(id string) (int, bool) {
	if !strings.HasPrefix(id, "f") {
		return 0, false
	}
	n, err := strconv.Atoi(id[1:])
	if err != nil || n < 1 {
		return 0, false
	}
	return n - 1, true
}

// Close stops what Watch started, waits for it to finish, and releases the
// engines. The Store is the caller's to close, after Close.
func (l *Library) Close() {
	l.mu.Lock()
	stops := l.stops
	l.stops = nil
	l.mu.Unlock()
	for _, stop := range stops {
		stop()
	}
	l.watchers.Wait()
	l.mu.Lock()
	defer l.mu.Unlock()
	l.engines = map[string]*list.Element{}
	l.lru.Init()
}
