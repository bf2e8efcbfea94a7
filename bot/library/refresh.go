package library

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/briefbot/briefbot/bot/store"
	"github.com/briefbot/briefbot/knowledge"
	"github.com/briefbot/briefbot/qa"
)

// loadOperator parses the operator's briefings: the files and folders in
// Paths, else the embedded one. It returns them with a fingerprint of the
// files, so a poll can tell when they change.
func (l *Library) loadOperator() ([]*knowledge.Briefing, string, error) {
	if len(l.o.Paths) == 0 {
		if len(l.o.Embedded) == 0 {
			return nil, "", nil
		}
		b, err := knowledge.Parse(l.o.EmbeddedName, l.o.Embedded)
		if err != nil {
			return nil, "", fmt.Errorf("load embedded briefing: %w", err)
		}
		return []*knowledge.Briefing{b}, "", nil
	}
	stamp, _ := fingerprint(l.o.Paths)
	bs, err := knowledge.Load(l.o.Paths...)
	if err != nil {
		return nil, stamp, err
	}
	return bs, stamp, nil
}

// fingerprint summarises the names, sizes and modification times of the
// files under paths.
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

// refresh reads the stored library's records when its version has moved
// (always when force is set), and rebuilds, off the request path, the
// global engine and every cached engine whose briefings changed.
// OnReload hears of every refresh that read the library, and of every
// one that failed.
func (l *Library) refresh(ctx context.Context, force bool) error {
	l.refreshMu.Lock()
	defer l.refreshMu.Unlock()
	read, err := l.refreshLocked(ctx, force)
	if read || (err != nil && !errors.Is(err, context.Canceled)) {
		l.reloaded(err)
	}
	return err
}

// refreshLocked is refresh with l.refreshMu held; read reports whether it
// read the stored library (the version had moved, or force).
func (l *Library) refreshLocked(ctx context.Context, force bool) (read bool, err error) {
	if !force && l.store != nil {
		v, err := l.store.Version(ctx)
		if err != nil {
			return false, err
		}
		if v == l.Version() {
			return false, nil
		}
	}
	var recs []store.Record
	var version int64
	if l.store != nil {
		var err error
		if recs, version, err = l.store.List(ctx); err != nil {
			return true, err
		}
	}
	byGuild := map[string][]store.Record{}
	byID := make(map[int64]store.Record, len(recs))
	for _, r := range recs {
		byGuild[r.Guild] = append(byGuild[r.Guild], r)
		byID[r.ID] = r
	}
	globals, err := l.parsed(ctx, byGuild[""])
	if err != nil {
		return true, err
	}
	// Keep the global briefings' parses: every guild engine uses them.
	keep := make(map[string]*knowledge.Briefing, len(globals))
	for i, r := range byGuild[""] {
		keep[r.TextHash] = globals[i]
	}
	l.mu.Lock()
	old := l.records
	ops := l.operator
	l.mu.Unlock()
	globalChanged := force || stampOf(old[""]) != stampOf(byGuild[""])

	var base *served
	if globalChanged {
		all := append(slices.Clone(ops), globals...)
		base = &served{engine: qa.New(all...), briefings: all, stamp: stampOf(byGuild[""])}
	}
	l.mu.Lock()
	l.version, l.records, l.byID, l.globals = version, byGuild, byID, keep
	if base != nil {
		l.global.Store(base)
	}
	stale := l.staleLocked(old, globalChanged)
	l.mu.Unlock()
	l.rebuild(ctx, stale)
	return true, nil
}

// staleLocked lists the cached engines a change of records makes stale, and
// drops those that no longer have anything to serve. l.mu is held.
func (l *Library) staleLocked(old map[string][]store.Record, globalChanged bool) []*cached {
	var stale []*cached
	for key, el := range l.engines {
		c := el.Value.(*cached)
		if id, ok := strings.CutPrefix(key, "briefing:"); ok {
			if _, op := operatorIndex(id); op {
				if globalChanged && l.opChanged(c) {
					stale = append(stale, c)
				}
				continue
			}
			if n, err := strconv.ParseInt(id, 10, 64); err != nil || l.byID[n].ID == 0 {
				l.lru.Remove(el)
				delete(l.engines, key)
			}
			continue // a stored briefing's text never changes
		}
		switch {
		case len(l.records[key]) == 0:
			l.lru.Remove(el)
			delete(l.engines, key)
		case globalChanged || stampOf(old[key]) != stampOf(l.records[key]):
			stale = append(stale, c)
		}
	}
	return stale
}

// opChanged reports whether a one-briefing engine over an operator's
// briefing was built from a briefing no longer loaded.
func (l *Library) opChanged(c *cached) bool {
	s := c.cur.Load()
	return len(s.briefings) != 1 || !slices.Contains(l.operator, s.briefings[0])
}

// rebuild builds new engines for stale cache entries, a few at a time, and
// swaps each in when it is ready; questions keep the old one meanwhile.
func (l *Library) rebuild(ctx context.Context, stale []*cached) {
	sem := make(chan struct{}, max(1, runtime.GOMAXPROCS(0)/2))
	var wg sync.WaitGroup
	for _, c := range stale {
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer func() { <-sem; wg.Done() }()
			var s *served
			var err error
			if id, ok := strings.CutPrefix(c.key, "briefing:"); ok {
				s, err = l.buildOne(ctx, id)
			} else {
				s, err = l.buildGuild(ctx, c.key)
			}
			if err != nil {
				l.log.Error("rebuild engine; still serving the previous one", "key", c.key, "err", err)
				return
			}
			c.cur.Store(s)
		}()
	}
	wg.Wait()
}

// reloadOperator reads the operator's briefings again and rebuilds every
// engine. A briefing that fails to parse leaves the old ones serving.
func (l *Library) reloadOperator(ctx context.Context, why string) {
	start := time.Now()
	ops, stamp, err := l.loadOperator()
	if err != nil {
		// Remember the failed files so the poll does not retry every tick;
		// the next change (or reload) tries again.
		l.mu.Lock()
		l.opStamp = stamp
		l.mu.Unlock()
		l.log.Error("reload briefings; still serving the previous ones", "trigger", why, "err", err)
		l.reloaded(err)
		return
	}
	l.mu.Lock()
	l.operator, l.opStamp = ops, stamp
	l.mu.Unlock()
	if err := l.refresh(ctx, true); err != nil {
		l.log.Error("reload briefings", "trigger", why, "err", err)
		return
	}
	l.log.Info("reloaded briefings", "trigger", why, "briefings", len(ops), "took", time.Since(start).Round(time.Millisecond))
}

// Watch keeps the library current in the background until ctx is done or
// Close is called: it reloads the operator's briefings whenever reload
// receives (cmd sends SIGHUP there; nil never does) and when their files
// change, notices changes other instances made to the stored library
// (polling its version), drops idle engines, and purges feedback past
// retention once a day. Close waits for the watching to stop.
func (l *Library) Watch(ctx context.Context, reload <-chan os.Signal) {
	ctx, cancel := context.WithCancel(ctx)
	l.mu.Lock()
	l.stops = append(l.stops, cancel)
	l.mu.Unlock()
	l.watchers.Add(1)
	go func() {
		defer l.watchers.Done()
		defer cancel()
		poll := time.NewTicker(l.o.Poll)
		defer poll.Stop()
		files := time.NewTicker(l.o.FilePoll)
		defer files.Stop()
		purge := time.NewTimer(0)
		defer purge.Stop()
		for {
			select {
			case <-ctx.Done():
				return
			case sig := <-reload:
				l.reloadOperator(ctx, sig.String())
			case <-files.C:
				l.checkFiles(ctx)
			case now := <-poll.C:
				if err := l.refresh(ctx, false); err != nil && !errors.Is(err, context.Canceled) {
					l.log.Error("poll the stored library", "err", err)
				}
				l.evictIdle(now)
			case <-purge.C:
				purge.Reset(24 * time.Hour)
				l.purge(ctx)
			}
		}
	}()
}

// checkFiles reloads the operator's briefings when their files changed.
func (l *Library) checkFiles(ctx context.Context) {
	if len(l.o.Paths) == 0 {
		return
	}
	stamp, err := fingerprint(l.o.Paths)
	l.mu.Lock()
	same := stamp == l.opStamp
	l.mu.Unlock()
	if err == nil && !same {
		l.reloadOperator(ctx, "change")
	}
}

// purge deletes feedback older than the retention period.
func (l *Library) purge(ctx context.Context) {
	if l.store == nil {
		return
	}
	n, err := l.store.Purge(ctx, time.Now().Add(-l.o.Retention))
	if err != nil {
		l.log.Error("purge feedback", "err", err)
		return
	}
	if n > 0 {
		l.log.Info("purged feedback past retention", "rows", n, "retention", l.o.Retention)
	}
}

// parsed returns the parsed briefings of recs, in order: from the parse
// cache, else parsed from their text (in parallel) and cached for next time.
func (l *Library) parsed(ctx context.Context, recs []store.Record) ([]*knowledge.Briefing, error) {
	if len(recs) == 0 {
		return nil, nil
	}
	hashes := make([]string, 0, len(recs))
	for _, r := range recs {
		hashes = append(hashes, r.TextHash)
	}
	have := map[string]*knowledge.Briefing{}
	l.mu.Lock()
	for _, h := range hashes {
		if b, ok := l.globals[h]; ok {
			have[h] = b
		}
	}
	l.mu.Unlock()
	var missing []string
	var missingRecs []store.Record
	seen := map[string]bool{}
	for _, r := range recs {
		if have[r.TextHash] == nil && !seen[r.TextHash] {
			seen[r.TextHash] = true
			missing = append(missing, r.TextHash)
			missingRecs = append(missingRecs, r)
		}
	}
	if len(missing) > 0 {
		fromCache, err := l.store.Parsed(ctx, missing)
		if err != nil {
			return nil, err
		}
		var toParse []store.Record
		for _, r := range missingRecs {
			if b, ok := fromCache[r.TextHash]; ok {
				have[r.TextHash] = b
			} else {
				toParse = append(toParse, r)
			}
		}
		if err := l.parseMissing(ctx, toParse, have); err != nil {
			return nil, err
		}
	}
	out := make([]*knowledge.Briefing, 0, len(recs))
	for _, r := range recs {
		b := have[r.TextHash]
		if b == nil {
			return nil, fmt.Errorf("briefing %d: no text stored", r.ID)
		}
		// Copies share the parse; Source names the entry each came from.
		cp := *b
		cp.Source = fmt.Sprintf("stored briefing %d", r.ID)
		out = append(out, &cp)
	}
	return out, nil
}

// parseMissing parses the stored texts of recs, a worker per core, and
// caches what it parsed.
func (l *Library) parseMissing(ctx context.Context, recs []store.Record, into map[string]*knowledge.Briefing) error {
	if len(recs) == 0 {
		return nil
	}
	hashes := make([]string, 0, len(recs))
	kinds := map[string]store.Kind{}
	for _, r := range recs {
		hashes = append(hashes, r.TextHash)
		kinds[r.TextHash] = r.Kind
	}
	texts, err := l.store.Texts(ctx, hashes)
	if err != nil {
		return err
	}
	type result struct {
		hash string
		b    *knowledge.Briefing
		err  error
	}
	jobs := make(chan string)
	results := make(chan result)
	workers := min(len(hashes), runtime.GOMAXPROCS(0))
	for range workers {
		go func() {
			for h := range jobs {
				b, err := knowledge.Parse(parseName(kinds[h]), []byte(texts[h]))
				results <- result{h, b, err}
			}
		}()
	}
	go func() {
		for _, h := range hashes {
			jobs <- h
		}
		close(jobs)
	}()
	var errs []error
	for range hashes {
		r := <-results
		if r.err != nil {
			errs = append(errs, r.err)
			continue
		}
		l.parses.Add(1)
		into[r.hash] = r.b
		if err := l.store.Cache(ctx, r.hash, r.b); err != nil {
			l.log.Warn("cache parsed briefing", "err", err)
		}
	}
	return errors.Join(errs...)
}
