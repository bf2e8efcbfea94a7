package webpage

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"regexp"
	"strings"
	"time"
	"unicode"

	readability "codeberg.org/readeck/go-readability/v2"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// ErrNotArticle means the page holds no article: too little running text
// (a home page, a login form, a gallery).
var ErrNotArticle = errors.New("the page holds no article")

// An article needs at least this much running text.
const (
	minWords      = 60
	minParagraphs = 2
)

// meta is what a page's metadata says about its article.
type meta struct {
	Title     string
	Publisher string
	Published string // YYYY-MM-DD as the page states it (its own time zone), or ""
	URL       string // the canonical URL, else the page's
}

// Extract turns an HTML page, read from pageURL, into briefing text: a
// key: value header (title, publisher, published, url) taken from the page's
// metadata, then the article's title, paragraphs, subheadings and captions,
// separated by blank lines. A page with no article gives ErrNotArticle.
func Extract(page []byte, pageURL string) (string, error) {
	base, err := url.Parse(pageURL)
	if err != nil || (base.Scheme != "http" && base.Scheme != "https") || base.Host == "" || base.Opaque != "" {
		base = &url.URL{Scheme: "https", Host: "invalid"}
	}
	doc, err := html.Parse(bytes.NewReader(page))
	if err != nil {
		return "", fmt.Errorf("extract article: %w", err)
	}
	m := readMeta(doc, base)
	parser := readability.NewParser()
	if !parser.CheckDocument(doc) {
		return "", ErrNotArticle
	}
	article, err := parser.ParseDocument(doc, base)
	if err != nil || article.Node == nil {
		return "", ErrNotArticle
	}
	fillFromArticle(&m, article)
	blocks := collectBlocks(article.Node)
	if !enoughText(blocks) {
		return "", ErrNotArticle
	}
	return render(m, blocks), nil
}

// fillFromArticle completes meta with what the extractor found where the
// page's own metadata said nothing.
func fillFromArticle(m *meta, a readability.Article) {
	if m.Title == "" {
		m.Title = oneLine(a.Title())
	}
	if m.Publisher == "" {
		m.Publisher = oneLine(a.SiteName())
	}
	if m.Published == "" {
		if t, err := a.PublishedTime(); err == nil && t.Year() > 1900 {
			m.Published = t.Format(time.DateOnly)
		}
	}
}

// render writes the briefing text: header, title, blocks.
func render(m meta, blocks []block) string {
	var b strings.Builder
	fmt.Fprintf(&b, "title: %s\npublisher: %s\npublished: %s\nurl: %s\n---\n", m.Title, m.Publisher, m.Published, m.URL)
	if m.Title != "" {
		b.WriteString(m.Title + "\n\n")
	}
	for i, bl := range blocks {
		if i == 0 && bl.heading && strings.EqualFold(bl.text, m.Title) {
			continue
		}
		b.WriteString(bl.text + "\n\n")
	}
	return strings.TrimRight(b.String(), "\n") + "\n"
}

// A block is one paragraph, subheading or caption of the article.
type block struct {
	text    string
	heading bool
}

// collectBlocks walks the extracted article in reading order.
func collectBlocks(root *html.Node) []block {
	var out []block
	var inline strings.Builder // loose text directly inside a container
	flush := func() {
		if t := oneLine(inline.String()); t != "" {
			out = append(out, block{text: t})
		}
		inline.Reset()
	}
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			switch {
			case c.Type == html.TextNode:
				inline.WriteString(c.Data)
			case c.Type != html.ElementNode:
			case skipped[c.DataAtom]:
			case c.DataAtom == atom.H1 || c.DataAtom == atom.H2 || c.DataAtom == atom.H3 ||
				c.DataAtom == atom.H4 || c.DataAtom == atom.H5 || c.DataAtom == atom.H6:
				flush()
				if t := oneLine(text(c)); t != "" {
					out = append(out, block{text: strings.TrimRight(t, ":"), heading: true})
				}
			case leaf[c.DataAtom] && !hasBlockChild(c):
				flush()
				if t := oneLine(text(c)); t != "" {
					out = append(out, block{text: t})
				}
			case c.DataAtom == atom.Br:
				inline.WriteString(" ")
			case inlineTag[c.DataAtom]:
				inline.WriteString(text(c))
			default:
				flush()
				walk(c)
				flush()
			}
		}
	}
	walk(root)
	flush()
	return out
}

// Element kinds for collectBlocks.
var (
	// leaf elements are one block each unless they hold block elements.
	leaf = map[atom.Atom]bool{atom.P: true, atom.Li: true, atom.Figcaption: true, atom.Blockquote: true, atom.Pre: true, atom.Dd: true, atom.Dt: true, atom.Td: true, atom.Caption: true}
	// skipped elements hold no article text.
	skipped = map[atom.Atom]bool{atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Template: true, atom.Svg: true, atom.Button: true, atom.Form: true, atom.Iframe: true, atom.Nav: true, atom.Img: true, atom.Picture: true, atom.Video: true, atom.Audio: true}
	// inlineTag elements are part of the text around them.
	inlineTag = map[atom.Atom]bool{atom.A: true, atom.Em: true, atom.Strong: true, atom.B: true, atom.I: true, atom.U: true, atom.Span: true, atom.Small: true, atom.Sub: true, atom.Sup: true, atom.Abbr: true, atom.Cite: true, atom.Q: true, atom.Time: true, atom.Mark: true, atom.Code: true, atom.S: true, atom.Del: true, atom.Ins: true, atom.Font: true}
)

func hasBlockChild(n *html.Node) bool {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && (leaf[c.DataAtom] || c.DataAtom == atom.Div || c.DataAtom == atom.Ul || c.DataAtom == atom.Ol || c.DataAtom == atom.Figure || c.DataAtom == atom.Section) {
			return true
		}
	}
	return false
}

// text is the text inside n, with <br> as a space and skipped elements left out.
func text(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			switch {
			case c.Type == html.TextNode:
				b.WriteString(c.Data)
			case c.Type == html.ElementNode && skipped[c.DataAtom]:
			case c.Type == html.ElementNode && c.DataAtom == atom.Br:
				b.WriteString(" ")
			case c.Type == html.ElementNode:
				if !inlineTag[c.DataAtom] {
					b.WriteString(" ")
				}
				walk(c)
			}
		}
	}
	walk(n)
	return b.String()
}

var spaceRun = regexp.MustCompile(`\s+`)

// oneLine collapses whitespace (line breaks included) to single spaces and
// drops control characters.
func oneLine(s string) string {
	s = strings.Map(func(r rune) rune {
		if r == '\u00a0' {
			return ' '
		}
		if unicode.IsControl(r) && !unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
	return strings.TrimSpace(spaceRun.ReplaceAllString(s, " "))
}

// enoughText reports whether blocks read as an article.
func enoughText(blocks []block) bool {
	words, paras := 0, 0
	for _, b := range blocks {
		if b.heading {
			continue
		}
		n := len(strings.Fields(b.text))
		words += n
		if n >= 8 {
			paras++
		}
	}
	return words >= minWords && paras >= minParagraphs
}

// readMeta reads the page's metadata: JSON-LD first, then Open Graph and
// article: meta tags, then <title> and <link rel=canonical>.
func readMeta(doc *html.Node, base *url.URL) meta {
	h := scanHead(doc)
	var m meta
	canonical := h.canonical
	if art := pickArticle(h.ld); art != nil {
		m.Title = oneLine(str(art["headline"]))
		if m.Title == "" {
			m.Title = oneLine(str(art["name"]))
		}
		m.Publisher = oneLine(name(art["publisher"]))
		m.Published = day(str(art["datePublished"]))
		if m.Published == "" {
			m.Published = day(str(art["dateCreated"]))
		}
		if u := str(art["url"]); canonical == "" && u != "" {
			canonical = u
		}
	}
	metas := h.metas
	m.Title = first(m.Title, oneLine(metas["og:title"]), oneLine(metas["twitter:title"]))
	m.Publisher = first(m.Publisher, oneLine(metas["og:site_name"]), oneLine(metas["application-name"]))
	m.Published = first(m.Published, day(metas["article:published_time"]), day(metas["itemprop:datepublished"]),
		day(metas["date"]), day(metas["pubdate"]), day(metas["publish-date"]), day(metas["dc.date.issued"]), day(metas["dc.date"]))
	if m.Title == "" {
		m.Title = oneLine(h.title)
	}
	m.URL = absolute(base, first(canonical, metas["og:url"]))
	if m.URL == "" && base.Host != "invalid" {
		m.URL = base.String()
	}
	return m
}

// head is the metadata a page states, as written.
type head struct {
	metas     map[string]string // <meta> by property, name or "itemprop:" + itemprop (lower case); the first of each
	canonical string            // <link rel=canonical href>
	title     string            // <title>
	ld        []map[string]any  // the JSON-LD objects
}

// scanHead collects the page's metadata elements, wherever they are.
func scanHead(doc *html.Node) head {
	h := head{metas: map[string]string{}}
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			switch n.DataAtom {
			case atom.Meta:
				key := strings.ToLower(attr(n, "property"))
				if key == "" {
					key = strings.ToLower(attr(n, "name"))
				}
				if key == "" {
					key = "itemprop:" + strings.ToLower(attr(n, "itemprop"))
				}
				if _, seen := h.metas[key]; !seen && key != "" {
					h.metas[key] = attr(n, "content")
				}
			case atom.Link:
				if h.canonical == "" && hasToken(attr(n, "rel"), "canonical") {
					h.canonical = attr(n, "href")
				}
			case atom.Title:
				if h.title == "" {
					h.title = text(n)
				}
			case atom.Script:
				if strings.EqualFold(strings.TrimSpace(attr(n, "type")), "application/ld+json") {
					h.ld = append(h.ld, jsonLD(text(n))...)
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	return h
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if strings.EqualFold(a.Key, key) {
			return a.Val
		}
	}
	return ""
}

func hasToken(list, token string) bool {
	for _, f := range strings.Fields(list) {
		if strings.EqualFold(f, token) {
			return true
		}
	}
	return false
}

func first(ss ...string) string {
	for _, s := range ss {
		if s != "" {
			return s
		}
	}
	return ""
}

// absolute resolves ref against base; only http(s) URLs are kept.
func absolute(base *url.URL, ref string) string {
	ref = strings.TrimSpace(ref)
	if ref == "" {
		return ""
	}
	u, err := base.Parse(ref)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || u.Host == "invalid" {
		return ""
	}
	u.Fragment = ""
	return oneLine(u.String())
}

var isoDay = regexp.MustCompile(`^\s*(\d{4})-(\d{2})-(\d{2})`)

// day returns the calendar date a timestamp states, in its own time zone
// (2024-03-22T23:30:00-04:00 is the 22nd), or "" when it is no date.
func day(s string) string {
	if m := isoDay.FindStringSubmatch(s); m != nil {
		d := m[1] + "-" + m[2] + "-" + m[3]
		if _, err := time.Parse(time.DateOnly, d); err == nil {
			return d
		}
		return ""
	}
	for _, layout := range []string{time.RFC1123Z, time.RFC1123, time.RFC850, "January 2, 2006", "Jan 2, 2006", "2 January 2006"} {
		if t, err := time.Parse(layout, strings.TrimSpace(s)); err == nil {
			return t.Format(time.DateOnly)
		}
	}
	return ""
}

// jsonLD decodes a JSON-LD script into its objects, flattening arrays and
// @graph. Malformed JSON gives nothing.
func jsonLD(src string) []map[string]any {
	var v any
	if err := json.Unmarshal([]byte(strings.TrimSpace(src)), &v); err != nil {
		return nil
	}
	var out []map[string]any
	var add func(v any, depth int)
	add = func(v any, depth int) {
		if depth > 4 {
			return
		}
		switch t := v.(type) {
		case []any:
			for _, e := range t {
				add(e, depth+1)
			}
		case map[string]any:
			out = append(out, t)
			if g, ok := t["@graph"]; ok {
				add(g, depth+1)
			}
		}
	}
	add(v, 0)
	return out
}

// pickArticle returns the JSON-LD object describing the article.
func pickArticle(objs []map[string]any) map[string]any {
	for _, o := range objs {
		for _, t := range types(o["@type"]) {
			if strings.HasSuffix(t, "Article") || t == "BlogPosting" || t == "Report" || t == "LiveBlogPosting" {
				return o
			}
		}
	}
	return nil
}

func types(v any) []string {
	switch t := v.(type) {
	case string:
		return []string{t}
	case []any:
		var out []string
		for _, e := range t {
			if s, ok := e.(string); ok {
				out = append(out, s)
			}
		}
		return out
	}
	return nil
}

func str(v any) string {
	switch t := v.(type) {
	case string:
		return t
	case []any:
		if len(t) > 0 {
			return str(t[0])
		}
	}
	return ""
}

// name is a JSON-LD organisation's or person's name, or the string itself.
func name(v any) string {
	switch t := v.(type) {
	case string:
		return t
	case map[string]any:
		return str(t["name"])
	case []any:
		if len(t) > 0 {
			return name(t[0])
		}
	}
	return ""
}
