package library

import (
	"context"
	"errors"
	"fmt"
	"maps"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/briefbot/briefbot/bot/store"
	"github.com/briefbot/briefbot/knowledge"
	"github.com/briefbot/briefbot/knowledge/webpage"
)

// An Error is a refusal with a message for the person who asked; callers
// recognise it, like fetch's refusals, as interface{ UserMessage() string }.
type Error struct {
	msg string
	err error
}

// Error says what went wrong, for logs.
func (e *Error) Error() string { return e.err.Error() }

// UserMessage says what went wrong, for the user, with what to do next.
func (e *Error) UserMessage() string { return e.msg }

// Unwrap returns the cause.
func (e *Error) Unwrap() error { return e.err }

func userError(msg string, err error) *Error { return &Error{msg: msg, err: err} }

// An Entry describes one briefing in the library.
type Entry struct {
	ID        string    `json:"id"`    // a number for a stored briefing; "f1", "f2", ... for the operator's files
	Guild     string    `json:"guild"` // "" for a global briefing
	Title     string    `json:"title"`
	Publisher string    `json:"publisher"`
	Published string    `json:"published"`
	URL       string    `json:"url"`
	Kind      string    `json:"kind"`               // text | markdown | html; "file" for the operator's
	Operator  bool      `json:"operator"`           // the operator's file: read-only, not stored
	AddedBy   string    `json:"added_by,omitempty"` // who added it (a user ID, or "operator")
	AddedAt   time.Time `json:"added_at,omitzero"`
}

// A Preview is what Add understood of a new briefing, for the reply.
type Preview struct {
	Entry
	Warning  string   `json:"warning,omitempty"` // e.g. no publication date found
	Passages int      `json:"passages"`
	Quotes   int      `json:"quotes"`
	Sources  int      `json:"sources"`
	Events   int      `json:"events"`
	First    []Source `json:"first_sources"` // the first two people or organisations quoted or cited
}

// A Source is one person or organisation a briefing cites.
type Source struct {
	Name string `json:"name"`
	Role string `json:"role,omitempty"`
}

// An AddRequest is one briefing to add: Data (with Filename), a public URL,
// or an Attachment URL (with Filename).
type AddRequest struct {
	Guild   string // "" adds a global briefing (the operator, from the terminal)
	AddedBy string // the user ID of whoever added it, or "operator"

	Data       []byte // the briefing's bytes, as read from a file
	URL        string // a public http(s) page, fetched under bot/fetch's rules
	Attachment string // exactly the attachment URL the chat platform gave with the command
	Filename   string // with Data or Attachment: .txt, .md or .html says what the bytes are
}

// NoDateWarning is Preview.Warning for a briefing without a publication date.
const NoDateWarning = "No publication date found: relative dates (\"on Friday\", \"last March\") will stay unresolved."

// Add fetches (for a URL or attachment), extracts (for HTML), parses and
// stores one briefing, within the guild's limits, and returns a preview of
// what was understood. Nothing is stored when any step fails; the error is
// then an *Error (or a fetch refusal) with a message for the user. The
// guild's engine includes the briefing when Add returns.
func (l *Library) Add(ctx context.Context, r AddRequest) (Preview, error) {
	if l.store == nil {
		return Preview{}, userError("This briefbot has no database for added briefings.", errors.New("add briefing: no store"))
	}
	lim := l.storeLimits(r.Guild)
	if err := l.store.Allowed(ctx, r.Guild, lim); err != nil {
		return Preview{}, limitError(err)
	}
	data, kind, pageURL, err := l.source(ctx, r)
	if err != nil {
		return Preview{}, err
	}
	text, err := briefingText(data, kind, pageURL)
	if err != nil {
		return Preview{}, err
	}
	if len(text) > l.o.Limits.MaxText {
		return Preview{}, userError(fmt.Sprintf("That briefing's text is %s, over the %s limit. Split it, or trim what is not the article.", size(len(text)), size(l.o.Limits.MaxText)),
			fmt.Errorf("add briefing: text of %d bytes", len(text)))
	}
	b, err := knowledge.Parse(parseName(kind), []byte(text))
	if err != nil {
		return Preview{}, userError("I couldn't read that as a briefing: "+parseReason(err)+".", fmt.Errorf("add briefing: %w", err))
	}
	rec := store.Record{
		Guild: r.Guild, Title: b.Title, Publisher: b.Publisher, Published: b.Published, URL: b.URL,
		Kind: kind, Text: text, AddedBy: r.AddedBy,
	}
	if rec.URL == "" && pageURL != "" {
		rec.URL = pageURL
	}
	id, err := l.store.Add(ctx, rec, b, lim)
	if err != nil {
		return Preview{}, limitError(err)
	}
	if err := l.refresh(ctx, false); err != nil {
		l.log.Error("refresh after add", "err", err)
	}
	rec.ID = id
	if got, ok := l.record(id); ok {
		rec = got
	}
	return preview(entryOf(rec), b), nil
}

// storeLimits are the limits for guild: none for global briefings.
func (l *Library) storeLimits(guild string) store.Limits {
	if guild == "" {
		return store.Limits{}
	}
	return store.Limits{PerGuild: l.o.Limits.PerGuild, AddsPer: l.o.Limits.AddsPerHour, AddsWindow: time.Hour}
}

// source returns the request's bytes, their kind and the page URL.
func (l *Library) source(ctx context.Context, r AddRequest) ([]byte, store.Kind, string, error) {
	switch {
	case r.Data != nil:
		kind, err := kindOf(r.Filename)
		return r.Data, kind, "", err
	case r.Attachment != "":
		kind, err := kindOf(r.Filename)
		if err != nil {
			return nil, "", "", err
		}
		page, err := l.o.Fetcher.Attachment(ctx, r.Attachment)
		if err != nil {
			return nil, "", "", err
		}
		// An attachment's URL is the chat platform's, often signed and
		// short-lived: it is neither the article's address nor worth
		// keeping, so it goes nowhere (not in the text, not in the record).
		return page.Body, kind, "", nil
	case r.URL != "":
		page, err := l.o.Fetcher.Fetch(ctx, r.URL)
		if err != nil {
			return nil, "", "", err
		}
		kind := store.Text
		switch {
		case page.ContentType == "text/html":
			kind = store.HTML
		case page.ContentType == "text/markdown" || page.ContentType == "text/x-markdown" || strings.HasSuffix(strings.ToLower(urlPath(page.URL)), ".md"):
			kind = store.Markdown
		}
		return page.Body, kind, page.URL, nil
	}
	return nil, "", "", userError("Give me a briefing: a file (.txt, .md or .html) or a link to an article.", errors.New("add briefing: nothing given"))
}

func urlPath(u string) string {
	p, _, _ := strings.Cut(u, "?")
	return path.Base(p)
}

// kindOf tells a briefing's kind by its file name.
func kindOf(name string) (store.Kind, error) {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".txt", ".text", "":
		return store.Text, nil
	case ".md", ".markdown":
		return store.Markdown, nil
	case ".html", ".htm", ".xhtml":
		return store.HTML, nil
	}
	return "", userError("I read briefings from .txt, .md and .html files only. Save the article as one of those and add it again.", fmt.Errorf("add briefing: file type of %q", name))
}

// parseName is the name knowledge.Parse is given: it reads ".md" as Markdown.
func parseName(k store.Kind) string {
	if k == store.Markdown {
		return "briefing.md"
	}
	return "briefing.txt"
}

var headerKey = regexp.MustCompile(`(?i)^(title|publisher|published|url):`)

// briefingText turns the bytes into the text to parse and store.
func briefingText(data []byte, kind store.Kind, pageURL string) (string, error) {
	if kind == store.HTML {
		text, err := webpage.Extract(data, pageURL)
		if errors.Is(err, webpage.ErrNotArticle) {
			return "", userError("That page doesn't look like an article (too little running text). Link the article itself, or attach it as a .txt file.", fmt.Errorf("add briefing: %w", err))
		}
		if err != nil {
			return "", userError("I couldn't read that page's HTML.", fmt.Errorf("add briefing: %w", err))
		}
		return text, nil
	}
	text := string(data)
	// A plain page fetched from a link keeps where it came from.
	if pageURL != "" && !headerKey.MatchString(strings.TrimSpace(text)) {
		text = "url: " + pageURL + "\n---\n" + text
	}
	return text, nil
}

// parseReason is knowledge.Parse's error without the "parse NAME: " prefix.
func parseReason(err error) string {
	msg := err.Error()
	if _, rest, ok := strings.Cut(msg, ": "); ok && strings.HasPrefix(msg, "parse ") {
		return rest
	}
	return msg
}

func size(n int) string {
	if n >= 1<<20 {
		return strconv.FormatFloat(float64(n)/(1<<20), 'f', 1, 64) + " MiB"
	}
	return strconv.Itoa(n/1024) + " KiB"
}

// limitError turns the store's refusals into messages for the user.
func limitError(err error) error {
	var le *store.LimitError
	var dup *store.DuplicateError
	switch {
	case errors.As(err, &le) && errors.Is(err, store.ErrFull):
		return userError(fmt.Sprintf("This server's library is full (%d briefings). Remove one with /briefing remove, then add this one again.", le.Limit), err)
	case errors.As(err, &le) && errors.Is(err, store.ErrRateLimited):
		return userError(fmt.Sprintf("This server has added %d briefings in the last hour, the most I take. Try again in %s.", le.Limit, wait(le.Retry)), err)
	case errors.As(err, &dup):
		return userError(fmt.Sprintf("This briefing is already in the library (ID %d).", dup.ID), err)
	}
	return err
}

func wait(d time.Duration) string {
	if m := int(d.Round(time.Minute) / time.Minute); m > 1 {
		return strconv.Itoa(m) + " minutes"
	}
	return "a minute"
}

// preview summarises what was parsed.
func preview(e Entry, b *knowledge.Briefing) Preview {
	p := Preview{Entry: e, Passages: len(b.Passages), Quotes: len(b.Quotes), Events: len(b.Events)}
	if b.Published == "" {
		p.Warning = NoDateWarning
	}
	for _, s := range b.Sources {
		if s.Kind == knowledge.MediaCredit {
			continue
		}
		p.Sources++
		if len(p.First) < 2 {
			p.First = append(p.First, Source{Name: s.Name, Role: s.Role})
		}
	}
	return p
}

func entryOf(r store.Record) Entry {
	return Entry{
		ID: strconv.FormatInt(r.ID, 10), Guild: r.Guild, Title: r.Title, Publisher: r.Publisher, Published: r.Published,
		URL: r.URL, Kind: string(r.Kind), AddedBy: r.AddedBy, AddedAt: r.AddedAt,
	}
}

func (l *Library) record(id int64) (store.Record, bool) {
	l.mu.Lock()
	defer l.mu.Unlock()
	r, ok := l.byID[id]
	return r, ok
}

// List returns the briefings guildID sees: the operator's, the stored
// global ones, then the guild's own ("" is DMs: the global ones only).
func (l *Library) List(guildID string) []Entry {
	l.mu.Lock()
	defer l.mu.Unlock()
	out := l.operatorEntriesLocked()
	for _, r := range l.records[""] {
		out = append(out, entryOf(r))
	}
	if guildID != "" {
		for _, r := range l.records[guildID] {
			out = append(out, entryOf(r))
		}
	}
	return out
}

// ListAll returns every briefing: the operator's and every stored one.
func (l *Library) ListAll() []Entry {
	l.mu.Lock()
	defer l.mu.Unlock()
	out := l.operatorEntriesLocked()
	for _, id := range slices.Sorted(maps.Keys(l.byID)) {
		out = append(out, entryOf(l.byID[id]))
	}
	return out
}

func (l *Library) operatorEntriesLocked() []Entry {
	out := make([]Entry, 0, len(l.operator))
	for i, b := range l.operator {
		out = append(out, Entry{ID: "f" + strconv.Itoa(i+1), Title: b.Title, Publisher: b.Publisher, Published: b.Published, URL: b.URL, Kind: "file", Operator: true, AddedBy: "operator"})
	}
	return out
}

// Complete returns up to 25 entries guildID sees whose title or ID
// contains prefix (case-insensitive), for autocomplete; ownOnly keeps the
// guild's own (the ones /briefing remove may remove).
func (l *Library) Complete(guildID, prefix string, ownOnly bool) []Entry {
	var pool []Entry
	if ownOnly {
		l.mu.Lock()
		for _, r := range l.records[guildID] {
			pool = append(pool, entryOf(r))
		}
		l.mu.Unlock()
	} else {
		pool = l.List(guildID)
	}
	want := strings.ToLower(strings.TrimSpace(prefix))
	var out []Entry
	for i := len(pool) - 1; i >= 0 && len(out) < 25; i-- { // newest first
		e := pool[i]
		if want == "" || strings.Contains(strings.ToLower(e.Title), want) || e.ID == want {
			out = append(out, e)
		}
	}
	return out
}

// visible returns the entry with id if guildID can see it.
func (l *Library) visible(guildID, id string) (Entry, error) {
	for _, e := range l.List(guildID) {
		if e.ID == id {
			return e, nil
		}
	}
	return Entry{}, notFound(id)
}

// Remove deletes the stored briefing id from guildID's library; a guild can
// remove only its own briefings.
func (l *Library) Remove(ctx context.Context, guildID, id string) (Entry, error) {
	n, err := strconv.ParseInt(id, 10, 64)
	rec, ok := l.record(n)
	if err != nil || !ok || rec.Guild != guildID {
		if _, op := operatorIndex(id); op {
			return Entry{}, userError("That briefing is the operator's; only they can remove it, from its files.", fmt.Errorf("remove briefing %s: operator's", id))
		}
		if ok && rec.Guild == "" {
			return Entry{}, userError("That briefing is global; only the operator can remove it (briefbot briefings remove).", fmt.Errorf("remove briefing %s: global", id))
		}
		return Entry{}, notFound(id)
	}
	return l.RemoveAny(ctx, id)
}

// RemoveAny deletes the stored briefing id, whatever its scope (the
// operator's command).
func (l *Library) RemoveAny(ctx context.Context, id string) (Entry, error) {
	if l.store == nil {
		return Entry{}, notFound(id)
	}
	n, err := strconv.ParseInt(id, 10, 64)
	if err != nil {
		if _, op := operatorIndex(id); op {
			return Entry{}, userError("That briefing comes from the operator's files (--briefing or BRIEFINGS); remove the file instead.", fmt.Errorf("remove briefing %s: operator's", id))
		}
		return Entry{}, notFound(id)
	}
	rec, err := l.store.Remove(ctx, n)
	if errors.Is(err, store.ErrNotFound) {
		return Entry{}, notFound(id)
	}
	if err != nil {
		return Entry{}, err
	}
	if err := l.refresh(ctx, false); err != nil {
		l.log.Error("refresh after remove", "err", err)
	}
	return entryOf(rec), nil
}

// RecordVote stores a reader's vote on an answer (see store.Vote).
func (l *Library) RecordVote(ctx context.Context, v store.Vote) error {
	if l.store == nil {
		return nil
	}
	return l.store.RecordVote(ctx, v)
}

// RecordDeclined stores a question the briefings did not answer.
func (l *Library) RecordDeclined(ctx context.Context, d store.Declined) error {
	if l.store == nil {
		return nil
	}
	return l.store.RecordDeclined(ctx, d)
}

// Gaps returns what readers asked that the briefings did not give them;
// the caller passes the grouping key (qa.ContentKey).
func (l *Library) Gaps(ctx context.Context, q store.GapsQuery) (store.Gaps, error) {
	if l.store == nil {
		return store.Gaps{}, nil
	}
	return l.store.Gaps(ctx, q)
}
