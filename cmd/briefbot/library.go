package main

import (
	"context"
	"fmt"
	"log/slog"
	"os"
	"os/signal"
	"strings"
	"sync/atomic"
	"syscall"

	"github.com/briefbot/briefbot/bot"
	booklib "github.com/briefbot/briefbot/bot/library"
	"github.com/briefbot/briefbot/bot/store"
	"github.com/briefbot/briefbot/knowledge"
	"github.com/briefbot/briefbot/qa"
)

// A library is the program's view of bot/library: the operator's and the
// stored briefings, seen from one guild (--guild; "" is the global ones).
type library struct {
	lib     *booklib.Library
	hup     chan os.Signal // SIGHUP, while watch runs
	store   *store.Store
	guild   string
	ctx     context.Context
	log     *slog.Logger
	metrics atomic.Pointer[bot.Metrics] // where reloads and sizes go, once the bot runs
}

// openLibrary opens the store DATABASE_URL names and the library over it
// and the operator's briefings: cmd's --briefing paths, else BRIEFINGS,
// else the embedded default. A SQLite file is not created until something
// is written to it.
func openLibrary(ctx context.Context, cmd command, cfg config, log *slog.Logger) (*library, error) {
	st, err := store.Open(ctx, cfg.databaseURL)
	if err != nil {
		return nil, fmt.Errorf("open the briefing library: %w", err)
	}
	paths := []string(cmd.briefings)
	if len(paths) == 0 {
		paths = cfg.briefings
	}
	l := &library{store: st, guild: cmd.guild, ctx: ctx, log: log}
	lib, err := booklib.Open(ctx, booklib.Options{
		Store:        st,
		Paths:        paths,
		Embedded:     defaultBriefing,
		EmbeddedName: "embedded briefing",
		Log:          log,
		Retention:    cfg.retention,
		OnReload:     l.reloaded,
	})
	if err != nil {
		st.Close()
		return nil, fmt.Errorf("open the briefing library (DATABASE_URL %s): %w", databaseName(cfg.databaseURL), err)
	}
	l.lib = lib
	return l, nil
}

// observe sends the library's reloads and size to m from now on, starting
// with its size now.
func (l *library) observe(m *bot.Metrics) {
	l.metrics.Store(m)
	global, guild := l.lib.Sizes()
	m.LibrarySize("global", global)
	m.LibrarySize("guild", guild)
}

// reloaded counts a reload of the library in the metrics, if the bot runs.
func (l *library) reloaded(r booklib.Reload) {
	m := l.metrics.Load()
	if m == nil {
		return
	}
	m.Reloaded(r.Err)
	if r.Err == nil {
		m.LibrarySize("global", r.Global)
		m.LibrarySize("guild", r.Guild)
	}
}

// databaseName says which database a DATABASE_URL names, for messages,
// without a PostgreSQL URL's password.
func databaseName(url string) string {
	switch {
	case url == "":
		return "unset: SQLite in " + store.DefaultFile
	case strings.HasPrefix(url, "sqlite:"):
		return url
	}
	return "PostgreSQL"
}

// close stops the library's watching, then releases it and its database.
func (l *library) close() {
	if l.hup != nil {
		signal.Stop(l.hup)
	}
	l.lib.Close()
	l.store.Close()
}

// current is the engine for the library's guild; when that cannot be
// built (the database is down), the global one, and the log says why.
func (l *library) current() *qa.Engine {
	e, err := l.lib.Engine(l.ctx, l.guild)
	if err != nil {
		l.log.Error("build the guild's engine; answering from the global briefings", "guild", l.guild, "err", err)
		e, _ = l.lib.Engine(l.ctx, "")
	}
	return e
}

// briefings are the parsed briefings the current engine answers from.
func (l *library) briefings() []*knowledge.Briefing {
	bs, err := l.lib.Briefings(l.ctx, l.guild)
	if err != nil {
		l.log.Error("read the guild's briefings", "guild", l.guild, "err", err)
		bs, _ = l.lib.Briefings(l.ctx, "")
	}
	return bs
}

// engines is the bot's engine lookup: the global briefings plus the guild's
// ("" in DMs: the global ones only). When the guild's engine cannot be built
// (the database is down), the global one answers and the log says why.
func (l *library) engines(ctx context.Context, guild string) bot.Engine {
	e, err := l.lib.Engine(ctx, guild)
	if err != nil {
		l.log.Error("build the guild's engine; answering from the global briefings", "guild", guild, "err", err)
		l.metrics.Load().StoreError("engine")
		e, _ = l.lib.Engine(ctx, "")
	}
	return bot.Both(e)
}

// feedback is the bot's feedback store: votes and declined questions go
// to the library's database, which keeps a keyed hash of the user's ID,
// never the ID itself.
func (l *library) feedback() bot.Feedback { return feedback{l.lib} }

// feedback keeps the bot's votes and declined questions in the library's
// store.
type feedback struct{ lib *booklib.Library }

func (f feedback) Vote(ctx context.Context, v bot.Vote) error {
	return f.lib.RecordVote(ctx, store.Vote{
		Guild: v.GuildID, Ref: v.Ref, UserID: v.UserID, Question: v.Question, Briefings: v.Briefings, Up: v.Up,
	})
}

func (f feedback) Declined(ctx context.Context, d bot.Decline) error {
	return f.lib.RecordDeclined(ctx, store.Declined{
		Guild: d.GuildID, UserID: d.UserID, Question: d.Question, Briefings: d.Briefings,
	})
}

// watch keeps the library current in the background until ctx is done or
// the library is closed, reloading the operator's briefings on SIGHUP too.
func (l *library) watch(ctx context.Context) {
	l.hup = make(chan os.Signal, 1)
	signal.Notify(l.hup, syscall.SIGHUP)
	l.lib.Watch(ctx, l.hup)
}
