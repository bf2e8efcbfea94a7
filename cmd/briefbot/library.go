package main

import (
	"context"
	"fmt"
	"io/fs"
	"log/slog"
	"os"
	"os/signal"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/briefbot/briefbot/bot"
	"github.com/briefbot/briefbot/knowledge"
	"github.com/briefbot/briefbot/qa"
)

// A library holds the loaded briefings and the engine built over them, and
// swaps in a new engine atomically when the briefings change. Questions in
// flight keep the engine they started with.
type library struct {
	paths    []string // files or folders; none means the embedded briefing
	embedded []byte

	mu    sync.Mutex // serialises loads
	state atomic.Pointer[loaded]
}

// loaded is one consistent generation of briefings and their engine.
type loaded struct {
	briefings []*knowledge.Briefing
	engine    *qa.Engine
	stamp     string // fingerprint of the files it was read from
}

// load reads the briefings and builds a new engine. On error the previous
// generation (if any) stays in service.
func (l *library) load() error {
	l.mu.Lock()
	defer l.mu.Unlock()
	stamp, _ := fingerprint(l.paths)
	var bs []*knowledge.Briefing
	if len(l.paths) == 0 {
		b, err := knowledge.Parse("embedded briefing", l.embedded)
		if err != nil {
			return fmt.Errorf("load embedded briefing: %w", err)
		}
		bs = []*knowledge.Briefing{b}
	} else {
		var err error
		if bs, err = knowledge.Load(l.paths...); err != nil {
			return err
		}
	}
	l.state.Store(&loaded{briefings: bs, engine: qa.New(bs...), stamp: stamp})
	return nil
}

func (l *library) current() *qa.Engine              { return l.state.Load().engine }
func (l *library) briefings() []*knowledge.Briefing { return l.state.Load().briefings }

// engine is the current engine as the bot sees it.
func (l *library) engine() bot.Engine { return bot.Both(l.current()) }

// engines is the bot's engine lookup: for now every guild, and DMs, see the
// same briefings.
func (l *library) engines(string) bot.Engine { return l.engine() }

// watch reloads the briefings on SIGHUP and whenever a watched file or folder
// changes, in the background until ctx is done. A briefing that fails to
// parse leaves the old one serving; the log says why.
func (l *library) watch(ctx context.Context, log *slog.Logger) {
	l.watchEvery(ctx, log, 2*time.Second)
}

// watchEvery is watch, polling the files every interval. SIGHUP is caught
// from the moment it returns.
func (l *library) watchEvery(ctx context.Context, log *slog.Logger, every time.Duration) {
	hup := make(chan os.Signal, 1)
	signal.Notify(hup, syscall.SIGHUP)
	go func() {
		defer signal.Stop(hup)
		tick := time.NewTicker(every)
		defer tick.Stop()
		for {
			select {
			case <-ctx.Done():
				return
			case <-hup:
				l.reload(log, "signal")
			case <-tick.C:
				if len(l.paths) == 0 {
					continue
				}
				stamp, err := fingerprint(l.paths)
				if err != nil || stamp == l.state.Load().stamp {
					continue
				}
				l.reload(log, "change")
			}
		}
	}()
}

func (l *library) reload(log *slog.Logger, why string) {
	start := time.Now()
	if err := l.load(); err != nil {
		// Remember the failed files so the poll does not retry every tick;
		// the next change (or SIGHUP) tries again.
		if stamp, ferr := fingerprint(l.paths); ferr == nil {
			old := l.state.Load()
			l.state.Store(&loaded{briefings: old.briefings, engine: old.engine, stamp: stamp})
		}
		log.Error("reload briefings; still serving the previous ones", "trigger", why, "err", err)
		return
	}
	log.Info("reloaded briefings", "trigger", why, "briefings", len(l.briefings()), "took", time.Since(start).Round(time.Millisecond))
}

// fingerprint summarises the names, sizes and modification times of the
// briefing files under paths, so a poll can tell when they change.
func fingerprint(paths []string) (string, error) {
	var parts []string
	for _, p := range paths {
		err := filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if d.IsDir() {
				return nil
			}
			info, err := d.Info()
			if err != nil {
				return err
			}
			parts = append(parts, fmt.Sprintf("%s|%d|%d", path, info.Size(), info.ModTime().UnixNano()))
			return nil
		})
		if err != nil {
			return "", err
		}
	}
	slices.Sort(parts)
	return strings.Join(parts, "\n"), nil
}
