package bot

import (
	"errors"
	"fmt"
	"strings"

	"github.com/bwmarrin/discordgo"

	"github.com/briefbot/briefbot/qa"
)

// A Catalogue is what the bot lists and looks up in the loaded briefings
// besides answers: the timeline, the sources and what they said, names for
// autocomplete, paragraphs by ref, and the briefings themselves. *qa.Engine
// is one. Its lists may be of any length: the bot pages and trims them to
// Discord's limits.
type Catalogue interface {
	Timeline(f qa.TimelineFilter) []qa.TimelineEvent
	Sources() []qa.SourceSummary
	SaidBy(name string) (qa.SourceSummary, []qa.Said, bool)
	Quotes(speaker string) (qa.SourceSummary, []qa.Said, bool)
	Complete(prefix string, quotedOnly bool) []string
	Paragraph(ref string) (qa.Paragraph, bool)
	Briefings() []qa.BriefingInfo
}

// catalogueCommand answers /timeline, /sources, /quote and /about.
func catalogueCommand(c Catalogue, name string, o options) (reply, error) {
	switch name {
	case cmdTimeline:
		topic, err1 := o.string(optTopic)
		from, err2 := o.int(optFrom)
		to, err3 := o.int(optTo)
		if err := errors.Join(err1, err2, err3); err != nil {
			return notice(msgUnreadable), fmt.Errorf("/timeline: %w", err)
		}
		if from != 0 && to != 0 && from > to {
			from, to = to, from
		}
		f := fitTimeline(qa.TimelineFilter{Topic: cutRunes(strings.TrimSpace(topic), maxTopic), From: from, To: to})
		return timelineReply(c.Timeline(f), f, 0), nil
	case cmdSources:
		name, err := o.string(optName)
		if err != nil {
			return notice(msgUnreadable), fmt.Errorf("/sources: %w", err)
		}
		if name = strings.TrimSpace(name); name == "" {
			return sourcesReply(c.Sources(), 0), nil
		}
		return said(c, name, false, 0), nil
	case cmdQuote:
		name, err := o.string(optSpeaker)
		if err != nil {
			return notice(msgUnreadable), fmt.Errorf("/quote: %w", err)
		}
		if name = strings.TrimSpace(name); name == "" {
			return notice("Tell me whose quotes you want: `/quote speaker:` offers the names as you type."), nil
		}
		return said(c, name, true, 0), nil
	case cmdAbout:
		return aboutReply(c.Briefings()), nil
	}
	return notice(msgUnknownCmd), fmt.Errorf("unknown command %q", name)
}

// catalogueButton answers "Full paragraph" and the page buttons of the
// lists.
func catalogueButton(c Catalogue, b button) *discordgo.InteractionResponse {
	switch b.action {
	case actPara:
		p, ok := c.Paragraph(b.arg)
		if !ok {
			return message(notice(msgNoParagraph))
		}
		return message(paragraphReply(p))
	case actTimeline:
		f, _ := parseTimelineArg(b.arg)
		return update(timelineReply(c.Timeline(f), f, b.page))
	case actSources:
		return update(sourcesReply(c.Sources(), b.page))
	case actSaid, actQuotes:
		r := said(c, b.arg, b.action == actQuotes, b.page)
		if r.ephemeral {
			return message(r)
		}
		return update(r)
	}
	return message(notice(msgStaleButton))
}

// said renders what the named source said (all of it, or direct quotes
// only), or an ephemeral "who?" with the closest names.
func said(c Catalogue, name string, quotesOnly bool, page int) reply {
	lookup, action := c.SaidBy, actSaid
	if quotesOnly {
		lookup, action = c.Quotes, actQuotes
	}
	s, items, ok := lookup(name)
	if !ok {
		return unknownSource(name, c.Complete(name, quotesOnly))
	}
	s.Name = fitName(action, s.Name)
	return saidReply(s, items, quotesOnly, page)
}

// unknownSource says the name matches no one, offering the nearest names.
func unknownSource(name string, near []string) reply {
	var b strings.Builder
	fmt.Fprintf(&b, "I can't find anyone called “%s” in the loaded briefings.", truncate(name, maxName))
	if len(near) > 0 {
		b.WriteString(" Did you mean ")
		for i, n := range near[:min(len(near), 5)] {
			if i > 0 {
				b.WriteString(", ")
			}
			b.WriteString("**" + truncate(n, maxName) + "**")
		}
		b.WriteString("?")
	}
	b.WriteString(" /sources lists everyone the briefings quote or cite.")
	return notice(b.String())
}

// fitTimeline cuts the topic so that the filter fits in the custom ID of
// any page's button, the same on every page.
func fitTimeline(f qa.TimelineFilter) qa.TimelineFilter {
	bare := f
	bare.Topic = ""
	f.Topic = fitArg(button{action: actTimeline, page: 999999}.prefix()+timelineArg(bare), f.Topic)
	return f
}

// fitName cuts a source's name to what fits in any page's custom ID.
func fitName(action, name string) string {
	return fitArg(button{action: action, page: 999999}.prefix(), name)
}

// autocomplete offers source names for /sources name: and /quote speaker:.
func autocomplete(c Catalogue, d discordgo.ApplicationCommandInteractionData) (*discordgo.InteractionResponse, error) {
	name, typed, ok := optionsOf(d).focused()
	switch {
	case !ok:
		return autocompleteResponse(nil), fmt.Errorf("autocomplete for /%s without a focused option", d.Name)
	case d.Name == cmdSources && name == optName:
		return autocompleteResponse(choices(typed, c.Complete(typed, false))), nil
	case d.Name == cmdQuote && name == optSpeaker:
		return autocompleteResponse(choices(typed, c.Complete(typed, true))), nil
	}
	return autocompleteResponse(nil), fmt.Errorf("autocomplete for unknown option /%s %s", d.Name, name)
}
