package bot

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/briefbot/briefbot/qa"
)

// Button custom IDs are stateless: everything a click needs is in the ID
// (at most 100 characters) or in the message the button is on, so any
// instance, including one started after the message was sent, can answer any
// click. The forms, all versioned "v1:":
//
//	v1:more                    more answers to the question in the message's embed title
//	v1:more:<ref>              the same for a follow-up to the answer whose ref is ref
//	v1:mb:<id>                 more answers from the one briefing whose library ID is id (/ask briefing:)
//	v1:para:<ref>              the full paragraph a qa.Answer.Ref or qa.Match.Ref names
//	v1:up:<ref>, v1:down:<ref> a reader's 👍 or 👎 on the answer whose ref is ref
//	v1:tl:<page>:<from>:<to>:<topic>   a page of /timeline
//	v1:src:<page>              a page of /sources
//	v1:said:<page>:<name>      a page of /sources name:
//	v1:q:<page>:<name>         a page of /quote speaker:
//	v1:bl:<page>               a page of /briefing list
//
// An ID the bot cannot parse (an older version's, or a forged one) gets a
// friendly ephemeral reply asking to run the command again.
const idVersion = "v1"

// Actions a button can name.
const (
	actMore     = "more"
	actMoreOne  = "mb"
	actPara     = "para"
	actUp       = "up"
	actDown     = "down"
	actTimeline = "tl"
	actSources  = "src"
	actSaid     = "said"
	actQuotes   = "q"
	actLibrary  = "bl"
)

// A button is what a custom ID says to do.
type button struct {
	action string
	page   int    // for the paginated lists
	arg    string // a ref, the source's name, or the timeline filter
}

// paged reports whether b turns a page of a list, replacing the message it
// is on.
func (b button) paged() bool {
	switch b.action {
	case actTimeline, actSources, actSaid, actQuotes, actLibrary:
		return true
	}
	return false
}

// id encodes b. An arg too long for the 100-character limit is cut on a
// rune boundary; callers that page through a list use fitArg first, so every
// page sees the same arg.
func (b button) id() string {
	prefix := b.prefix()
	if b.action == actSources || b.action == actLibrary || (b.action == actMore && b.arg == "") {
		return strings.TrimSuffix(prefix, ":")
	}
	return prefix + fitArg(prefix, b.arg)
}

// prefix is everything before arg, ending in ":".
func (b button) prefix() string {
	switch b.action {
	case actMore, actMoreOne, actPara, actUp, actDown:
		return idVersion + ":" + b.action + ":"
	}
	return idVersion + ":" + b.action + ":" + strconv.Itoa(b.page) + ":"
}

// fitArg cuts arg so that prefix+arg fits in a custom ID: at most 100
// bytes, which is also at most 100 characters.
func fitArg(prefix, arg string) string {
	room := maxCustomID - len(prefix)
	if room <= 0 {
		return ""
	}
	if len(arg) <= room {
		return arg
	}
	cut := room
	for cut > 0 && !utf8.RuneStart(arg[cut]) {
		cut--
	}
	return arg[:cut]
}

// parseButton decodes a custom ID; ok is false for anything this version
// did not write.
func parseButton(id string) (button, bool) {
	rest, ok := strings.CutPrefix(id, idVersion+":")
	if !ok || len(id) > maxCustomID {
		return button{}, false
	}
	action, rest, _ := strings.Cut(rest, ":")
	switch action {
	case actMore:
		return button{action: actMore, arg: rest}, true
	case actPara, actUp, actDown, actMoreOne:
		return button{action: action, arg: rest}, rest != ""
	case actSources, actTimeline, actSaid, actQuotes, actLibrary:
	default:
		return button{}, false
	}
	num, arg, _ := strings.Cut(rest, ":")
	page, err := strconv.Atoi(num)
	if err != nil || page < 0 || num != strconv.Itoa(page) {
		return button{}, false
	}
	b := button{action: action, page: page, arg: arg}
	switch action {
	case actSources, actLibrary:
		return b, arg == "" && !strings.Contains(rest, ":")
	case actSaid, actQuotes:
		return b, arg != ""
	}
	_, ok = parseTimelineArg(arg)
	return b, ok
}

// timelineArg encodes a timeline filter as "<from>:<to>:<topic>".
func timelineArg(f qa.TimelineFilter) string {
	return strconv.Itoa(f.From) + ":" + strconv.Itoa(f.To) + ":" + f.Topic
}

func parseTimelineArg(arg string) (qa.TimelineFilter, bool) {
	from, rest, ok1 := strings.Cut(arg, ":")
	to, topic, ok2 := strings.Cut(rest, ":")
	f, err1 := strconv.Atoi(from)
	t, err2 := strconv.Atoi(to)
	if !ok1 || !ok2 || err1 != nil || err2 != nil {
		return qa.TimelineFilter{}, false
	}
	return qa.TimelineFilter{Topic: topic, From: f, To: t}, true
}
