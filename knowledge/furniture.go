package knowledge

import (
	"github.com/briefbot/briefbot/knowledge/english"
	"regexp"
	"strings"
	"unicode"
)

// Page furniture: the lines a web page wraps around an article (share
// buttons, bylines, timestamps, related links, footers). It is dropped.

// furnitureLines are whole lines, lower-cased and without trailing
// punctuation, that are never content.
var furnitureLines = map[string]bool{
	"source link": true, "source": true, "leave a reply": true, "leave a comment": true,
	"leave a reply cancel reply": true, "cancel reply": true, "back to top": true,
	"back to top of page": true, "top of page": true, "advertisement": true,
	"advertisements": true, "ad": true, "ads": true, "sponsored": true,
	"sponsored content": true, "paid content": true, "share": true, "share this": true,
	"share this article": true, "share this story": true, "share this post": true,
	"share on facebook": true, "share on twitter": true, "share on x": true,
	"share via email": true, "share article": true, "share story": true, "tweet": true,
	"email": true, "e-mail": true, "print": true, "copy link": true, "link copied": true,
	"copied": true, "comments": true, "comment": true, "view comments": true,
	"show comments": true, "join the conversation": true, "enlarge image": true,
	"enlarge this image": true, "expand image": true, "toggle caption": true,
	"hide caption": true, "show caption": true, "skip to content": true,
	"skip to main content": true, "skip advertisement": true, "continue reading": true,
	"continue reading below": true, "story continues below": true,
	"story continues below advertisement": true, "article continues below": true,
	"article continues below advertisement": true,
	"article continues after advertisement": true,
	"continue reading the main story":       true, "listen to this article": true,
	"play video": true, "watch video": true, "read more": true, "read full article": true,
	"read the full story": true, "recommended": true, "most read": true,
	"most popular": true, "trending": true, "trending now": true,
	"you may also like": true, "related": true, "related stories": true,
	"related articles": true, "related coverage": true, "related content": true,
	"more from": true, "more stories": true, "also read": true, "see also": true,
	"further reading": true, "follow us": true, "subscribe": true, "subscribe now": true,
	"newsletter": true, "sign up": true, "sign in": true, "log in": true, "register": true,
	"open in app": true, "close": true, "menu": true, "search": true, "home": true,
	"loading": true, "reply": true, "report": true, "report an error": true,
	"report a typo": true, "next article": true, "previous article": true,
	"facebook": true, "twitter": true, "x": true, "whatsapp": true, "linkedin": true,
	"reddit": true, "telegram": true, "pinterest": true, "flipboard": true,
	"messenger": true, "bluesky": true, "threads": true, "sms": true,
	"opens in new window": true, "open image in gallery": true, "view gallery": true,
	"photo gallery": true, "launch gallery": true, "full screen": true,
	"fullscreen": true, "show transcript": true, "hide transcript": true,
	"all rights reserved": true, "filed under": true, "more on": true, "tags": true,
	"topics": true, "top stories": true, "latest news": true, "latest stories": true,
	"in case you missed it": true, "editor's picks": true, "editor’s picks": true,
	"recommended stories": true, "recommended for you": true, "more coverage": true,
	"watch more": true, "share full article": true, "gift this article": true,
	"save": true, "save article": true, "listen": true, "social sharing": true,
	"corrections and clarifications": true, "submit a news tip": true, "report error": true,
	"explore more on these topics": true, "reuse this content": true, "most viewed": true,
	"supported by": true, "send any friend a story": true, "related topics": true,
	"more on this story": true, "image": true, "photo": true,
	"view image in fullscreen": true, "open in new window": true,
}

// listHeaders open a list of links or tags: the header and the rest of its
// block go, and so do list blocks right after it.
var listHeader = regexp.MustCompile(`^(?i:related|related (?:stories|articles|coverage|content|links|reading|news|topics)|read more|read also|more on|more from .{1,40}|filed under|tags|topics|see also|also read|further reading|you may also like|recommended(?: stories| reading| for you)?|most (?:read|popular|viewed)|trending(?: now)?|more stories|more coverage|latest (?:news|stories)|top stories|in case you missed it|share this(?: article| story| post)?|editor[’']s picks)\s*:?$`)

// furniturePatterns match whole lines of furniture with variable parts.
var furniturePatterns = []*regexp.Regexp{
	regexp.MustCompile(`^(?i:related|read more|read also|also read|see also|more on|more|watch more|recommended|filed under|tags|topics|editor[’']s picks?)\s*:\s*\S.{0,200}$`),
	regexp.MustCompile(`^(?i:filed under)\b.{0,200}$`),
	regexp.MustCompile(`^\d+\s+(?i:comments?|replies|shares)$`),
	regexp.MustCompile(`^(?i:\d+\s+min(?:ute)?s?\s+read|(?:estimated )?reading time\b.{0,30})$`),
	regexp.MustCompile(`^(?:©|\(c\)\s|(?i:copyright\b)).{0,200}$`),
	regexp.MustCompile(`^(?i:sign up (?:for|to)|subscribe (?:to|for|now)|(?:follow|like) us\b|click here|tap here|download (?:the|our)\b|get the latest\b|get (?:our|the) .{0,40}newsletter)\b.{0,160}$`),
	regexp.MustCompile(`^(?i:follow) .{1,60} (?i:on (?:twitter|x|facebook|instagram|threads|bluesky|linkedin|tiktok))\b.{0,40}$`),
	regexp.MustCompile(`^(?i:(?:image|photo|video|slide|picture)\s+)?\d+\s*(?:of|/)\s*\d+$`),
	regexp.MustCompile(`^\(?\d{1,2}:\d{2}(?::\d{2})?\)?$`),
	regexp.MustCompile(`^(?i:reporting|writing|editing|additional reporting|compiled|contributed reporting|with reporting|produced|graphics|research) by\b.{0,200}$`),
	regexp.MustCompile(`^(?i:this (?:story|article) (?:is|was) (?:available|free))\b.{0,100}$`),
	regexp.MustCompile(`^(?i:this (?:story|article|report) (?:was|has been) (?:amended|updated|corrected|edited)\b).{0,200}$`),
	regexp.MustCompile(`^(?i:share (?:this|on|via))\b.{0,60}$`),
	regexp.MustCompile(`^(?i:with files from)\b.{0,200}$`),
	regexp.MustCompile(`^(?i:(?:image|photo|video) source),.{0,120}$`),
	regexp.MustCompile(`^(?i:credit)(?:\.\.\.|…|:).{0,120}$`),
}

// embedLine matches the lines a social-media embed leaves in scraped text:
// its signature ("— Jane Doe (@janedoe) March 3, 2024"), an image link in
// its text, and the "A post shared by" line.
var embedLine = regexp.MustCompile(`^[—–-]\s*[^()]{1,80}\(@\w{1,30}\)\s+\p{L}+\.?\s+\d{1,2},\s+\d{4}$|pic\.twitter\.com/\w+|^(?i:a post shared by\b.{0,80}|view this post on instagram)$`)

// mayBeEmbed reports whether s could be an embed line, before the
// regular expression is tried.
func mayBeEmbed(s string) bool {
	return strings.Contains(s, "(@") || strings.Contains(s, "pic.twitter.com") || strings.HasPrefix(s, "A post") || strings.HasPrefix(s, "View this")
}

// separatorLine is a line of rule characters: "___", "* * *", "-----".
var separatorLine = regexp.MustCompile(`^[_\-=*~·•#+ ]{3,}$`)

// writersContributed ends a wire story: "AP writer Jane Doe in Kyiv contributed."
var writersContributed = regexp.MustCompile(`(?i)\b(?:writers?|reporters?|correspondents?|staff)\b.{0,120}\bcontributed\.?$`)

// contributed matches a closing line crediting other reporters.
var contributed = regexp.MustCompile(`(?i:contributed (?:to )?this (?:report|story|article))\.?$`)

// furnitureStarts are the first words of the lines furniturePatterns
// match; other lines skip the patterns.
var furnitureStarts = map[string]bool{
	"related": true, "read": true, "also": true, "see": true, "more": true, "watch": true,
	"recommended": true, "filed": true, "tags": true, "topics": true, "editor’s": true,
	"editor's": true, "estimated": true, "reading": true, "copyright": true, "(c)": true,
	"sign": true, "subscribe": true, "follow": true, "like": true, "click": true, "tap": true,
	"download": true, "get": true, "image": true, "photo": true, "video": true, "slide": true,
	"picture": true, "reporting": true, "writing": true, "editing": true, "additional": true,
	"compiled": true, "contributed": true, "with": true, "produced": true, "graphics": true,
	"research": true, "this": true, "share": true, "credit": true, "credit...": true,
	"credit…": true,
}

// firstWord returns the first space-separated word of s.
func firstWord(s string) string {
	if i := strings.IndexByte(s, ' '); i >= 0 {
		return s[:i]
	}
	return s
}

// dropFurniture removes page furniture from the blocks, keeping the rest in
// order. Blocks left empty are removed.
func dropFurniture(blocks []block) []block {
	var out []block
	skipLists := false
	for _, bl := range blocks {
		if skipLists && (allBullets(bl) || len(bl) == 1 && isLinkHeadline(bl[0].text)) {
			continue
		}
		skipLists = false
		var kept block
		byline := false
		for _, l := range bl {
			if listHeader.MatchString(strings.TrimSpace(l.text)) {
				skipLists = true
				break // the header and the rest of its block
			}
			if isFurniture(l.text) {
				byline = byline || isByline(l.text)
				continue
			}
			if byline && headingLike(l.text) && wordCount(l.text) <= 5 {
				continue // the agency or job line under a byline
			}
			byline = false
			kept = append(kept, l)
		}
		if len(kept) > 0 {
			out = append(out, kept)
		}
	}
	return out
}

// isLinkHeadline reports whether a line under a list header ("More from
// UK", "Related") reads as the headline of a linked story: a few words
// with no end punctuation. Such lines go with their header.
func isLinkHeadline(s string) bool {
	if n := wordCount(s); n < 2 || n > 30 {
		return false
	}
	switch lastRune(s) {
	case '.', '!', ':', ';', '”', '"', '’', '\'', '…', ')', ',':
		return false
	}
	return true
}

// allBullets reports whether every line of a block is a list item or a bare
// link.
func allBullets(bl block) bool {
	for _, l := range bl {
		if !l.bullet && !strings.HasPrefix(l.text, "http") {
			return false
		}
	}
	return true
}

// isFurniture reports whether one line is page furniture.
func isFurniture(s string) bool {
	trimmed := strings.TrimRight(s, " :|.»›>")
	if trimmed == "" {
		return true
	}
	if len(trimmed) <= 60 && furnitureLines[strings.ToLower(trimmed)] {
		return true
	}
	if len(trimmed) > 4 && (strings.EqualFold(trimmed[:4], "http") || strings.EqualFold(trimmed[:4], "www.")) {
		low := strings.ToLower(trimmed)
		if strings.HasPrefix(low, "http://") || strings.HasPrefix(low, "https://") || strings.HasPrefix(low, "www.") {
			return !strings.Contains(low, " ") // a bare link
		}
	}
	if len(s) > 300 {
		return false // furniture is short
	}
	bare := strings.TrimSpace(strings.Trim(s, "()[]"))
	if separatorLine.MatchString(s) || mayBeEmbed(s) && embedLine.MatchString(s) {
		return true
	}
	if strings.Contains(s, "ontributed") && (contributed.MatchString(s) || wordCount(s) <= 25 && writersContributed.MatchString(s)) {
		return true
	}
	first := strings.ToLower(strings.Trim(firstWord(bare), ":,."))
	if furnitureStarts[first] || furnitureStarts[strings.ToLower(firstWord(s))] || isDigitWord(first) || strings.HasPrefix(first, "©") || strings.HasPrefix(first, "credit") {
		for _, re := range furniturePatterns {
			if re.MatchString(s) || re.MatchString(bare) {
				return true
			}
		}
	}
	return isByline(s) || isTimestamp(s) || isCreditOnly(s)
}

// isByline reports whether s is a byline: "By Jane Doe", "By Jane Doe and
// John Roe, The Associated Press", "Jane Doe · Reporter · Posted: ...".
func isByline(s string) bool {
	if isMediaStart(s) || len(s) > 400 {
		return false
	}
	if !strings.Contains(s, " · ") && !strings.Contains(s, " | ") && !strings.Contains(s, " • ") && !(len(s) > 3 && strings.EqualFold(s[:3], "by ")) {
		return false // neither separated parts nor "By …"
	}
	head, parts := s, []string{s}
	for _, sep := range []string{" · ", " | ", " • "} {
		if strings.Contains(s, sep) {
			parts = strings.Split(s, sep)
			head = strings.TrimSpace(parts[0])
			break
		}
	}
	if len(parts) > 1 {
		for _, p := range parts {
			if p = strings.TrimSpace(p); wordCount(p) > 8 || strings.HasSuffix(p, ".") {
				return false
			}
		}
	}
	words := strings.Fields(head)
	if len(words) >= 2 && len(words) <= 14 && strings.EqualFold(words[0], "by") {
		if strings.ContainsAny(lastString(words), ".!?") && !strings.HasSuffix(lastString(words), "Jr.") && !strings.HasSuffix(lastString(words), "Sr.") && len(words) > 4 {
			return false
		}
		capital, lower := 0, 0
		for _, w := range words[1:] {
			w = strings.Trim(w, ",;:()")
			lw := strings.ToLower(w)
			switch {
			case !hasLetter(w) || lw == "and" || lw == "&" || lw == "of" || lw == "the" || lw == "in" || lw == "for" || lw == "with":
			case isUpperStart(w):
				capital++
			default:
				lower++
			}
		}
		return capital >= 1 && lower == 0
	}
	return len(parts) > 1 && (looksLikeName(head) || isTimestamp(parts[len(parts)-1]))
}

func lastString(ss []string) string { return ss[len(ss)-1] }

var (
	timeToken = regexp.MustCompile(`^(?:\d{1,4}(?:st|nd|rd|th)?|\d{1,2}[:.]\d{2}(?:[ap]\.?m\.?)?|[ap]\.?m\.?|[A-Z]{2,5})$`)
	timeWords = map[string]bool{
		"posted": true, "updated": true, "published": true, "last": true, "first": true,
		"on": true, "at": true, "modified": true, "edited": true, "created": true,
		"am": true, "pm": true, "a.m.": true, "p.m.": true, "ago": true, "hours": true,
		"hour": true, "minutes": true, "minute": true, "days": true, "day": true,
		"|": true, "·": true, "-": true, "—": true, "–": true, "•": true, "and": true,
		"today": true, "yesterday": true,
		"et": true, "edt": true, "est": true, "pt": true, "gmt": true, "utc": true, "bst": true,
	}
)

// isTimestamp reports whether s is only a date or time, perhaps with a
// label: "Posted: Mar 23, 2024 4:01 PM EDT", "Updated 2 hours ago".
func isTimestamp(s string) bool {
	if len(s) > 160 || !strings.ContainsAny(s, "0123456789") {
		return false
	}
	words := strings.Fields(s)
	if len(words) > 16 {
		return false
	}
	for _, w := range words {
		w = strings.Trim(w, ",:;()[]")
		if w == "" || timeWords[strings.ToLower(strings.TrimSuffix(w, "."))] || timeWords[strings.ToLower(w)] || english.IsCalendarWord(w) {
			continue
		}
		if timeToken.MatchString(w) {
			continue
		}
		if d := strings.IndexAny(w, "-/"); d > 0 && isDateish(w) {
			continue
		}
		return false
	}
	return true
}

// isDateish reports whether w is a numeric date such as 2024-03-23 or 3/23/2024.
func isDateish(w string) bool {
	for _, r := range w {
		if !unicode.IsDigit(r) && r != '-' && r != '/' && r != 'T' && r != ':' && r != 'Z' && r != '.' {
			return false
		}
	}
	return true
}

var (
	creditLabel = `(?:Photo(?:graph)?s?|Image|Illustration|Credit|Picture|Photo credit|Video)`
	// "… text. (Jane Doe/Reuters)"
	parenCredit = regexp.MustCompile(`^(.*?)\s*\(([^()]{2,120})\)$`)
	// "… text. Photograph: Jane Doe/Reuters"
	labelCredit = regexp.MustCompile(`^(.*[.!?”’"])\s+` + creditLabel + `:\s*(\S.{0,120})$`)
	// "Photo: Jane Doe/Reuters" on a line of its own
	creditOnly = regexp.MustCompile(`^\(?` + creditLabel + `:\s*(\S.{0,120}?)\)?$`)
	// "… text.Credit...Jane Doe for The Times"
	nytCredit = regexp.MustCompile(`^(.*[.!?”’"])\s*Credit(?:\.\.\.|…)\s*(\S.{0,120})$`)
	// a label in front of a credit
	creditPrefix = regexp.MustCompile(`^` + creditLabel + `:\s*`)
	// words that mark a parenthesised credit
	creditWords = regexp.MustCompile(`(?i)\b(?:photo|photos|photograph|getty|images|press|reuters|afp|ap|epa|file|handout|shutterstock|via|courtesy|submitted|supplied|pool|credit|xinhua|tass|anadolu|bloomberg|upi|alamy|wire|sipa|efe|dpa)\b`)
)

// captionCredit splits a caption line from its trailing media credit:
// "Damaged cars ... (Jane Doe/The Associated Press)". ok is false when the
// line has no credit.
func captionCredit(s string) (text, credit string, ok bool) {
	if strings.Contains(s, "Credit") {
		if m := nytCredit.FindStringSubmatch(s); m != nil {
			return strings.TrimSpace(m[1]), strings.TrimSpace(m[2]), true
		}
	}
	paren := strings.HasSuffix(s, ")")
	if !paren && !strings.Contains(s, ": ") {
		return "", "", false
	}
	if m := labelCredit.FindStringSubmatch(s); m != nil {
		return strings.TrimSpace(m[1]), strings.TrimSpace(m[2]), true
	}
	if !paren {
		return "", "", false
	}
	m := parenCredit.FindStringSubmatch(s)
	if m == nil {
		return "", "", false
	}
	before, c := strings.TrimSpace(m[1]), strings.TrimSpace(m[2])
	if before == "" || !hasLetter(c) {
		return "", "", false
	}
	c = strings.TrimSpace(creditPrefix.ReplaceAllString(c, ""))
	ended := strings.ContainsRune(".!?”’\"", lastRune(before))
	switch {
	case strings.Contains(c, "/") && creditNames(c):
	case ended && creditWords.MatchString(c) && wordCount(c) <= 8:
	case ended && creditNames(c) && wordCount(c) <= 6:
	default:
		return "", "", false
	}
	return before, c, true
}

// creditNames reports whether every part of a credit ("Jane Doe/AFP/Getty
// Images") is a capitalised name.
func creditNames(c string) bool {
	for _, part := range splitCredit(c) {
		for _, w := range strings.Fields(part) {
			lw := strings.ToLower(w)
			if !isUpperStart(w) && !unicode.IsDigit([]rune(w)[0]) && lw != "of" && lw != "the" && lw != "and" && lw != "for" && lw != "via" && lw != "de" {
				return false
			}
		}
	}
	return true
}

// isCreditOnly reports whether s is a credit line on its own ("Photo:
// Reuters"). Such a line is dropped; its credit has no caption to belong to.
func isCreditOnly(s string) bool {
	return strings.Contains(s, ":") && wordCount(s) <= 10 && creditOnly.MatchString(s)
}

// splitAny splits s at every occurrence of any of seps.
func splitAny(s string, seps ...string) []string {
	parts := []string{s}
	for _, sep := range seps {
		var next []string
		for _, p := range parts {
			next = append(next, strings.Split(p, sep)...)
		}
		parts = next
	}
	return parts
}

// splitCredit splits a media credit into the names it holds: "Jane
// Doe/AFP/Getty Images" gives Jane Doe, AFP and Getty Images. Generic words
// ("File", "Handout") are dropped, as is "Photo" after an agency ("AP Photo").
func splitCredit(c string) []string {
	c = creditPrefix.ReplaceAllString(c, "")
	fields := strings.FieldsFunc(c, func(r rune) bool { return r == '/' || r == ';' || r == '|' })
	var out []string
	for _, f := range fields {
		for _, g := range splitAny(f, " via ", " for ") {
			g = strings.TrimSpace(g)
			for _, suf := range []string{" Photos", " Photo", " photo", " photos"} {
				g = strings.TrimSpace(strings.TrimSuffix(g, suf))
			}
			switch strings.ToLower(g) {
			case "", "file", "file photo", "handout", "submitted", "supplied", "courtesy", "pool", "photo":
				continue
			}
			out = append(out, g)
		}
	}
	return out
}
