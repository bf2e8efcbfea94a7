package knowledge

import (
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/briefbot/briefbot/knowledge/english"
)

// A line is one normalised line of a briefing's body.
type line struct {
	text    string
	bullet  bool // it had a list marker
	heading bool // a Markdown heading
	image   bool // a Markdown image on its own line: its alt text
	soft    bool // inside a Markdown paragraph: a newline after it is a space
}

// A block is a run of non-blank lines.
type block []line

// Markdown block syntax.
var (
	mdATX       = regexp.MustCompile(`^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$`)
	mdSetext    = regexp.MustCompile(`^ {0,3}(=+|-+)[ \t]*$`)
	mdRule      = regexp.MustCompile(`^ {0,3}([-*_])(?:[ \t]*[-*_]){2,}[ \t]*$`)
	mdFence     = regexp.MustCompile("^ {0,3}(```|~~~)")
	mdRefDef    = regexp.MustCompile(`^ {0,3}\[[^\]]+\]:\s*\S+`)
	mdQuote     = regexp.MustCompile(`^ {0,3}>[ \t]?`)
	mdTableSep  = regexp.MustCompile(`^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$`)
	mdImageLine = regexp.MustCompile(`^!\[([^\]]*)\]\([^)]*\)$`)
	listMarker  = regexp.MustCompile(`^(?:[-*+•▪◦·]|\d{1,3}[.)])\s+`)
)

// splitBlocks normalises the body's lines and splits them into blocks at
// blank lines. In Markdown, headings are blocks of their own, rules and fences
// are dropped and inline markup is removed.
func splitBlocks(raw []string, markdown bool) []block {
	var blocks []block
	var cur block
	flush := func() {
		if len(cur) > 0 {
			blocks = append(blocks, cur)
			cur = nil
		}
	}
	inFence := false
	for _, r := range raw {
		s := normaliseLine(r)
		if markdown {
			if mdFence.MatchString(s) {
				inFence = !inFence
				continue
			}
			if !inFence {
				if s == "" {
					flush()
					continue
				}
				if m := mdSetext.FindStringSubmatch(s); m != nil && len(cur) == 1 && !cur[0].bullet && (m[1][0] == '=' || len(m[1]) >= 2) {
					h := cur[0]
					h.heading, h.soft = true, false
					cur = nil
					blocks = append(blocks, block{h})
					continue
				}
				if mdRule.MatchString(s) || mdRefDef.MatchString(s) || mdTableSep.MatchString(s) {
					flush()
					continue
				}
				if m := mdATX.FindStringSubmatch(s); m != nil {
					flush()
					if t := strings.TrimSpace(stripInlineMarkdown(m[2])); t != "" {
						blocks = append(blocks, block{{text: t, heading: true}})
					}
					continue
				}
				for mdQuote.MatchString(s) {
					s = mdQuote.ReplaceAllString(s, "")
				}
				if m := mdImageLine.FindStringSubmatch(strings.TrimSpace(s)); m != nil {
					if alt := normaliseLine(stripInlineMarkdown(m[1])); alt != "" {
						cur = append(cur, line{text: alt, image: true})
					}
					continue
				}
				s = strings.TrimSpace(stripInlineMarkdown(s))
				if strings.HasPrefix(s, "|") && strings.HasSuffix(s, "|") {
					s = strings.TrimSpace(strings.ReplaceAll(strings.Trim(s, "|"), "|", " "))
				}
				s = normaliseLine(s)
			}
		}
		if s == "" {
			flush()
			continue
		}
		l := line{text: s, soft: markdown && !inFence}
		if m := listMarker.FindString(s); m != "" && len(s) > len(m) {
			l.text, l.bullet, l.soft = s[len(m):], true, false
		}
		cur = append(cur, l)
	}
	flush()
	return blocks
}

// itemKind says what a classified piece of the body is.
type itemKind int

const (
	itemPara itemKind = iota
	itemHeading
	itemCaption
	itemMedia
)

// An item is a classified piece of the body: a paragraph, a section
// heading, a photo caption or a video block.
type item struct {
	kind   itemKind
	lines  []line
	credit string // a caption's media credit
	deck   bool   // a short line before the lede: body, but not the lede
	listed bool   // an item of a list a paragraph ending in a colon leads into
}

// classify picks the title, drops page furniture and sorts the blocks into
// items. hdrTitle is the header's title, or "" when there was none.
func classify(blocks []block, hdrTitle string) (string, []item) {
	title := hdrTitle
	blocks = dropFurniture(blocks)
	if len(blocks) > 0 {
		first := blocks[0][0].text
		if title == "" {
			title = first
			blocks[0] = blocks[0][1:]
		} else if sameText(first, title) {
			blocks[0] = blocks[0][1:]
		}
		if len(blocks[0]) == 0 {
			blocks = blocks[1:]
		}
	}

	var items []item
	for i := 0; i < len(blocks); i++ {
		bl := blocks[i]
		if isMediaStart(bl[0].text) {
			media := item{kind: itemMedia, lines: hard(bl)}
			// A video's title (a short line) and blurb follow in blocks of
			// their own.
			if i+1 < len(blocks) && len(blocks[i+1]) == 1 && headingLike(blocks[i+1][0].text) && !blocks[i+1][0].heading {
				media.lines = append(media.lines, hard(blocks[i+1])...)
				i++
				if i+1 < len(blocks) && !blocks[i+1][0].heading && !isMediaStart(blocks[i+1][0].text) && len(blocks[i+1]) <= 2 && !hasCaption(blocks[i+1]) {
					media.lines = append(media.lines, hard(blocks[i+1])...)
					i++
				}
			}
			items = append(items, media)
			continue
		}
		if len(bl) == 1 && bl[0].heading {
			items = append(items, item{kind: itemHeading, lines: bl})
			continue
		}
		if allImages(bl) {
			// An image's alt text goes with the credited caption after it,
			// or stands as a caption of its own.
			if i+1 < len(blocks) && hasCaption(blocks[i+1][:1]) {
				blocks[i+1] = append(append(block{}, bl...), blocks[i+1]...)
				continue
			}
			items = append(items, item{kind: itemCaption, lines: hard(bl)})
			continue
		}
		items = append(items, splitCaptions(bl)...)
	}
	return title, placeHeadings(items)
}

// hard returns the lines with soft wrapping turned off, so each stays a
// sentence of its own.
func hard(ls []line) []line {
	out := make([]line, len(ls))
	for i, l := range ls {
		l.soft = false
		out[i] = l
	}
	return out
}

// splitCaptions splits a block into paragraphs and photo captions. A caption
// is a line ending in a media credit, together with the alt-text line just
// before it in the same block.
func splitCaptions(bl block) []item {
	var items []item
	start := 0
	for i := 0; i < len(bl); i++ {
		if m := captionLabel.FindStringSubmatch(bl[i].text); m != nil {
			// "Image caption, Police at the scene": a caption without a credit.
			if i > start {
				items = append(items, item{kind: itemPara, lines: bl[start:i]})
			}
			l := bl[i]
			l.text, l.soft = m[1], false
			items = append(items, item{kind: itemCaption, lines: []line{l}})
			start = i + 1
			continue
		}
		text, cr, ok := captionCredit(bl[i].text)
		if !ok {
			continue
		}
		capStart := i
		if i > start {
			capStart = i - 1
		}
		if capStart > start {
			items = append(items, item{kind: itemPara, lines: bl[start:capStart]})
		}
		lines := hard(bl[capStart : i+1])
		lines[len(lines)-1].text = text
		items = append(items, item{kind: itemCaption, lines: lines, credit: cr})
		start = i + 1
	}
	if start < len(bl) {
		items = append(items, item{kind: itemPara, lines: bl[start:]})
	}
	return items
}

// allImages reports whether a block holds only Markdown images.
func allImages(bl block) bool {
	for _, l := range bl {
		if !l.image {
			return false
		}
	}
	return true
}

// hasCaption reports whether a block holds a credited caption line.
func hasCaption(bl block) bool {
	for _, l := range bl {
		if _, _, ok := captionCredit(l.text); ok {
			return true
		}
	}
	return false
}

// placeHeadings decides which one-line paragraphs are section headings: a
// short line without terminal punctuation, after the first paragraph and
// before more content. Such a line before the lede is a deck (kept as body)
// unless it looks like a byline; one with no content after it is dropped.
func placeHeadings(items []item) []item {
	lastContent := -1
	for i, it := range items {
		if it.kind != itemHeading && !(it.kind == itemPara && isHeadingItem(it)) {
			lastContent = i
		}
	}
	out := items[:0:0]
	seenBody := false
	listing := 0 // items left in a list led into by a colon
	for i, it := range items {
		if i > lastContent {
			break // headings of nothing, at the end: page furniture
		}
		if it.kind == itemPara && listing > 0 && (len(it.lines) == 1 && listItemLine(it.lines[0].text) || allBullets(it.lines)) {
			// "X also said:" and the points it lists, one to a line.
			it.listed = true
			listing--
			out = append(out, it)
			continue
		}
		listing = 0
		if it.kind == itemPara && !isHeadingItem(it) && leadsIn(it) {
			listing = maxListItems
		}
		switch {
		case it.kind == itemHeading:
			out = append(out, it)
		case it.kind == itemPara && isHeadingItem(it):
			if !seenBody {
				if looksLikeName(it.lines[0].text) {
					continue // a byline without "By"
				}
				it.deck = true
				out = append(out, it)
				continue
			}
			if i+1 < len(items) && insideQuotation(out, items[i+1]) {
				continue // a label inside a statement ("Club statement"), not a new part of the story
			}
			it.kind = itemHeading
			out = append(out, it)
		default:
			if it.kind == itemPara {
				seenBody = true
			}
			out = append(out, it)
		}
	}
	return out
}

// insideQuotation reports whether a line between the items before it (out)
// and next stands inside one quotation: the last paragraph leaves a
// quotation open and next opens with a quotation mark, as a statement's
// paragraphs do.
func insideQuotation(out []item, next item) bool {
	if len(out) == 0 || out[len(out)-1].kind != itemPara || next.kind != itemPara {
		return false
	}
	prev := out[len(out)-1]
	texts := make([]string, len(prev.lines))
	for i, l := range prev.lines {
		texts[i] = l.text
	}
	spans := findQuotes(strings.Join(texts, " "))
	if len(spans) == 0 || spans[len(spans)-1].closed {
		return false
	}
	r, _ := utf8.DecodeRuneInString(next.lines[0].text)
	return r == '“' || r == '"' || r == '‘'
}

// maxListItems bounds the items of a list a lead-in paragraph introduces.
const maxListItems = 12

// leadsIn reports whether a paragraph ends in a colon after words, so that
// the lines after it are the points it lists: "In the interview, Doe also
// said:".
func leadsIn(it item) bool {
	l := it.lines[len(it.lines)-1].text
	return lastRune(l) == ':' && wordCount(l) >= 3 && !isBoxLine(l)
}

// listItemLine reports whether a one-line paragraph reads as a point of a
// list: short, with no end punctuation (a closing quotation mark may end
// it, when the quoted words end without any), and not a link to follow.
func listItemLine(s string) bool {
	if wordCount(s) > 30 || linkLine(s) || isBoxLine(s) {
		return false
	}
	r := lastRune(s)
	if r == '’' || r == '\'' || r == '”' || r == '"' {
		s = strings.TrimRight(s[:len(s)-len(string(r))], " ")
		r = lastRune(s)
	}
	return r != 0 && !strings.ContainsRune(".!?:;,…", r)
}

// linkLine reports whether a one-line item is a link to follow rather than a
// point of a list: "Read the full transcript", "Watch the interview".
func linkLine(s string) bool {
	switch strings.ToLower(firstWord(s)) {
	case "read", "watch", "listen", "see", "click", "follow", "subscribe", "sign", "download":
		return true
	}
	return false
}

// isHeadingItem reports whether a paragraph item is a single heading-like line.
func isHeadingItem(it item) bool {
	return len(it.lines) == 1 && !it.lines[0].bullet && headingLike(it.lines[0].text) && !isBoxLine(it.lines[0].text)
}

// headingLike reports whether s could be a section heading: short, starting
// with a capital or digit, with no terminal punctuation other than "?".
func headingLike(s string) bool {
	if s == "" || len(s) > 120 || wordCount(s) > 14 || !hasLetter(s) {
		return false
	}
	switch lastRune(s) {
	case '.', ',', ';', ':', '!', '…', '"', '”', '’', '\'', '-', '—', '–', '|', '/', '(':
		return false
	}
	if !isUpperStart(s) && !strings.ContainsAny(s[:1], "0123456789‘“\"'") {
		return false
	}
	return true
}

// looksLikeName reports whether s is just a person's name, or a name and a
// job word such as "Reporter" or "Staff Writer": a byline without "By".
func looksLikeName(s string) bool {
	ws := strings.Fields(s)
	if len(ws) < 2 || len(ws) > 5 {
		return false
	}
	for _, w := range ws {
		lw := strings.ToLower(w)
		if !isUpperStart(w) || cutsRun(lw) || notName(lw) || english.IsOrgWord(lw) {
			return false
		}
	}
	return true
}

// captionLabel marks a caption line: "Image caption, Police at the scene".
var captionLabel = regexp.MustCompile(`^(?i:image|photo|video) caption,\s*(\S.*)$`)

var mediaStart = regexp.MustCompile(`^(?i:watch|listen|video|audio)\s*[|:]\s*\S`)

// isMediaStart reports whether s opens a video or audio block ("WATCH | ...").
func isMediaStart(s string) bool {
	return mediaStart.MatchString(s)
}
