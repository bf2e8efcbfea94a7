package knowledge

import (
	"bytes"
	"errors"
	"fmt"
	"path/filepath"
	"regexp"
	"strings"
	"time"
	"unicode/utf8"
)

// MaxSize is the largest briefing file Parse accepts, in bytes.
const MaxSize = 2 << 20

// Errors for input that is not a briefing. They are wrapped with the file
// name (and line) the problem was found in.
var (
	errTooLarge = errors.New("file is larger than 2 MiB")
	errNotText  = errors.New("not UTF-8 text (binary file?)")
	errEmpty    = errors.New("no text")
	errNoBody   = errors.New("no body text after the title")
	errBadDate  = errors.New("invalid published date")
)

// Parse reads one briefing. name is used in errors and as Briefing.Source;
// a name ending in ".md" is read as Markdown.
func Parse(name string, data []byte) (*Briefing, error) {
	if len(data) > MaxSize {
		return nil, fmt.Errorf("parse %s: %w (%d bytes)", name, errTooLarge, len(data))
	}
	if !utf8.Valid(data) || bytes.IndexByte(data, 0) >= 0 {
		return nil, fmt.Errorf("parse %s: %w", name, errNotText)
	}
	data = bytes.TrimPrefix(data, []byte("\ufeff"))
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, fmt.Errorf("parse %s: %w", name, errEmpty)
	}
	text := strings.ReplaceAll(string(data), "\r\n", "\n")
	text = strings.ReplaceAll(text, "\r", "\n")
	lines := strings.Split(text, "\n")

	hdr, body, err := readHeader(lines)
	if err != nil {
		var le *lineError
		if errors.As(err, &le) {
			return nil, fmt.Errorf("parse %s: line %d: %w", name, le.line, le.err)
		}
		return nil, fmt.Errorf("parse %s: %w", name, err)
	}
	md := strings.EqualFold(filepath.Ext(name), ".md") || strings.EqualFold(filepath.Ext(name), ".markdown")
	blocks := splitBlocks(lines[body:], md)
	title, items := classify(blocks, hdr.title)
	if title == "" && len(items) == 0 {
		return nil, fmt.Errorf("parse %s: %w", name, errEmpty)
	}

	b := &Briefing{
		Title:      title,
		Publisher:  hdr.publisher,
		Published:  hdr.published,
		URL:        hdr.url,
		Source:     name,
		Date:       hdr.date,
		Sections:   []string{},
		Passages:   []Passage{},
		Quotes:     []Quote{},
		Statements: []Statement{},
		Sources:    []Source{},
		Events:     []Event{},
		Aliases:    [][]string{},
	}
	credits, lists := buildPassages(b, items)
	if len(b.Passages) == 0 {
		return nil, fmt.Errorf("parse %s: %w", name, errNoBody)
	}
	analyse(b, credits, lists)
	b.Events = buildEvents(b)
	return b, nil
}

// A header is the optional `key: value` block at the top of a briefing.
type header struct {
	title, publisher, published, url string
	date                             time.Time
}

// A lineError is a problem on one line of the input.
type lineError struct {
	line int // 1-based
	err  error
}

func (e *lineError) Error() string { return fmt.Sprintf("line %d: %v", e.line, e.err) }
func (e *lineError) Unwrap() error { return e.err }

var headerLine = regexp.MustCompile(`^([A-Za-z][A-Za-z0-9_ -]{0,30}):(?:\s+(.*)|\s*)$`)

// headerKeys are the keys a header may give; others are ignored.
var headerKeys = map[string]bool{"title": true, "publisher": true, "published": true, "url": true}

// readHeader parses the optional header at the top of lines: `key: value`
// lines ended by a line `---`, or the same between two `---` lines (Markdown
// front matter). It returns the header and the index of the first body line.
// Without a header it returns the zero header and 0.
func readHeader(lines []string) (header, int, error) {
	var h header
	first := 0
	for first < len(lines) && strings.TrimSpace(lines[first]) == "" {
		first++
	}
	if first == len(lines) {
		return h, 0, nil
	}
	start := first
	if strings.TrimSpace(lines[first]) == "---" {
		start = first + 1 // front matter
	}
	end := -1
	known := false
	for i := start; i < len(lines) && i < start+40; i++ {
		l := strings.TrimSpace(lines[i])
		if l == "---" || (l == "..." && start > first) {
			end = i
			break
		}
		if l == "" && start > first {
			continue
		}
		m := headerLine.FindStringSubmatch(l)
		if m == nil {
			return header{}, 0, nil
		}
		known = known || headerKeys[strings.ToLower(strings.TrimSpace(m[1]))]
	}
	if end < 0 || !known || end == start {
		return header{}, 0, nil
	}
	for i := start; i < end; i++ {
		m := headerLine.FindStringSubmatch(strings.TrimSpace(lines[i]))
		if m == nil {
			continue
		}
		key := strings.ToLower(strings.TrimSpace(m[1]))
		val := normaliseLine(strings.TrimSpace(m[2]))
		if len(val) >= 2 && (val[0] == '"' || val[0] == '\'') && val[len(val)-1] == val[0] {
			val = val[1 : len(val)-1]
		}
		switch key {
		case "title":
			h.title = val
		case "publisher":
			h.publisher = val
		case "url":
			h.url = val
		case "published":
			if val == "" {
				h.published, h.date = "", time.Time{}
				continue
			}
			d, err := parseDay(val)
			if err != nil {
				return header{}, 0, &lineError{i + 1, fmt.Errorf("%w %q: want YYYY-MM-DD", errBadDate, val)}
			}
			h.date = d
			h.published = d.Format(time.DateOnly)
		}
	}
	return h, end + 1, nil
}

// parseDay reads YYYY-MM-DD, or an RFC 3339 timestamp whose date it keeps.
func parseDay(s string) (time.Time, error) {
	if d, err := time.Parse(time.DateOnly, s); err == nil {
		return d, nil
	}
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		return time.Time{}, err
	}
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC), nil
}

// buildPassages turns classified items into the briefing's sections and
// passages, split into sentences. It returns the media credits found, in
// order, with the passage each came from, and for each passage that is an
// item of a list, the passage that leads into the list.
func buildPassages(b *Briefing, items []item) ([]credit, map[int]int) {
	var credits []credit
	lists := map[int]int{}
	lead := -1
	section := ""
	lede := false
	for _, it := range items {
		if it.kind == itemHeading {
			section = it.lines[0].text
			continue
		}
		text := joinLines(it.lines, it.kind == itemPara)
		if text == "" {
			continue
		}
		kind := Body
		switch it.kind {
		case itemCaption:
			kind = Caption
		case itemMedia:
			kind = Media
		case itemPara:
			if !lede && !it.deck {
				kind, lede = Lede, true
			}
		}
		if section != "" && (len(b.Sections) == 0 || b.Sections[len(b.Sections)-1] != section) {
			b.Sections = append(b.Sections, section)
		}
		p := Passage{
			ID:        fmt.Sprintf("p%d", len(b.Passages)+1),
			Section:   section,
			Kind:      kind,
			Text:      text,
			Sentences: splitSentences(text),
			Credit:    it.credit,
		}
		b.Passages = append(b.Passages, p)
		if it.credit != "" {
			credits = append(credits, credit{text: it.credit, passage: p.ID})
		}
		if it.listed && lead >= 0 {
			lists[len(b.Passages)-1] = lead
		} else {
			lead = len(b.Passages) - 1
		}
	}
	return credits, lists
}

// A credit is a caption's media credit.
type credit struct {
	text    string
	passage string
}

// joinLines joins a block's lines into a passage text. A line that ends a
// sentence (or a list item) stays on its own line, which splitSentences
// treats as a sentence break; a line that wraps mid-sentence is joined to the
// next with a space, as are all the lines of a paragraph (para) that is
// hard-wrapped at a fixed width.
func joinLines(lines []line, para bool) string {
	var b strings.Builder
	wrapped := para && hardWrapped(lines)
	for i, l := range lines {
		if l.text == "" {
			continue
		}
		if b.Len() > 0 {
			prev := lines[i-1]
			if wrapped || wraps(prev, l) {
				b.WriteByte(' ')
			} else {
				b.WriteByte('\n')
			}
		}
		b.WriteString(l.text)
	}
	return b.String()
}

// hardWrapped reports whether a block's lines are one paragraph wrapped at
// a fixed width: every line but the last is long, and some end mid-sentence.
func hardWrapped(lines []line) bool {
	if len(lines) < 2 {
		return false
	}
	mid := 0
	for _, l := range lines[:len(lines)-1] {
		if l.bullet || l.image || utf8.RuneCountInString(l.text) < 40 {
			return false
		}
		if !strings.ContainsRune(".!?:”\"’)…", lastRune(l.text)) {
			mid++
		}
	}
	return mid > 0
}

// wraps reports whether line next continues the sentence of line prev.
func wraps(prev, next line) bool {
	if prev.bullet || next.bullet {
		return false
	}
	if prev.soft {
		return true // Markdown paragraphs wrap softly
	}
	switch lastRune(prev.text) {
	case '.', '!', '?', ':', '”', '"', '’', ')', '…':
		return false
	}
	return !isUpperStart(next.text)
}
