package bot

import (
	"fmt"
	"strings"

	"github.com/bwmarrin/discordgo"

	"github.com/briefbot/briefbot/qa"
)

// A reply is what the bot says, before it is shaped for one way of sending
// it: an interaction response, a message in a channel, or an edit of a
// deferred response. Every shape passes through clamp and carries noPings.
type reply struct {
	content    string
	embeds     []*discordgo.MessageEmbed
	components []discordgo.MessageComponent
	ephemeral  bool // only the person who asked sees it (interactions only)
}

// data shapes r as an interaction response's data.
func (r reply) data() *discordgo.InteractionResponseData {
	r = clamp(r)
	d := &discordgo.InteractionResponseData{
		Content:         r.content,
		Embeds:          nonNil(r.embeds),
		Components:      nonNil(r.components),
		AllowedMentions: noPings(),
	}
	if r.ephemeral {
		d.Flags = discordgo.MessageFlagsEphemeral
	}
	return d
}

// message shapes r as a channel message replying to ref.
func (r reply) message(ref *discordgo.MessageReference) *discordgo.MessageSend {
	r = clamp(r)
	return &discordgo.MessageSend{
		Content:         r.content,
		Embeds:          nonNil(r.embeds),
		Components:      nonNil(r.components),
		AllowedMentions: noPings(),
		Reference:       ref,
	}
}

// edit shapes r as the edit of a deferred response. It replaces content,
// embeds and components alike; whether the message is ephemeral was fixed
// when it was deferred.
func (r reply) edit() *discordgo.WebhookEdit {
	r = clamp(r)
	content, embeds, components := r.content, nonNil(r.embeds), nonNil(r.components)
	return &discordgo.WebhookEdit{
		Content:         &content,
		Embeds:          &embeds,
		Components:      &components,
		AllowedMentions: noPings(),
	}
}

// editOf turns a response's data into the edit that delivers it after a
// deferral.
func editOf(d *discordgo.InteractionResponseData) *discordgo.WebhookEdit {
	if d == nil {
		return reply{content: msgError}.edit()
	}
	return reply{content: d.Content, embeds: d.Embeds, components: d.Components}.edit()
}

func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

// notice is a short ephemeral message: an error, a refusal or a hint.
func notice(text string) reply { return reply{content: text, ephemeral: true} }

// What the bot says when something goes wrong; each says what to do.
const (
	msgError       = "Something went wrong on my side while answering that. Please try again in a moment; if it keeps happening, tell whoever runs briefbot."
	msgNoEngine    = "No briefings are loaded right now, so I can't answer. Whoever runs briefbot should check its briefing files and logs."
	msgUnreadable  = "I couldn't read that request. Please run the command again from the / menu; if it keeps happening, tell whoever runs briefbot."
	msgUnknownCmd  = "I don't know that command: it may be from an older version of briefbot. Type / to see my commands, or use /help."
	msgStaleButton = "That button is from an older version of briefbot and no longer works. Please run the command again."
	msgEmptyAsk    = "Ask me a question about the briefing, e.g. `/ask question: who is quoted?` or mention me with your question."
	msgNoQuestion  = "I couldn't find the question this button belongs to. Please ask again with /ask."
	msgNoMore      = "That was the only passage in the briefing that answers this question."
	msgVoteFailed  = "I couldn't record your vote just now. Please try again in a moment."
	msgNoParagraph = "That paragraph isn't in the loaded briefings any more (they may have been updated). Please ask again with /ask."
)

// Embed colours.
const (
	colourAnswer   = 0x2b6cb0
	colourNoAnswer = 0x718096
	colourList     = 0x2f855a
)

// speakerLine is the author line of an answer: "Name, role", or
// "narration" when the briefing speaks for itself (as DESIGN.md words it).
func speakerLine(s *qa.Speaker) string {
	switch {
	case s == nil || strings.TrimSpace(s.Name) == "":
		return "narration"
	case strings.TrimSpace(s.Role) == "":
		return s.Name
	}
	return s.Name + ", " + s.Role
}

// place is "briefing · section", or whichever of them is known.
func place(briefing, section string) string {
	parts := make([]string, 0, 2)
	for _, p := range []string{briefing, section} {
		if p = strings.TrimSpace(p); p != "" {
			parts = append(parts, p)
		}
	}
	return strings.Join(parts, " · ")
}

func footer(text string) *discordgo.MessageEmbedFooter {
	if text == "" {
		return nil
	}
	return &discordgo.MessageEmbedFooter{Text: text}
}

func row(buttons ...discordgo.Button) discordgo.ActionsRow {
	r := discordgo.ActionsRow{}
	for _, b := range buttons {
		r.Components = append(r.Components, b)
	}
	return r
}

// answerReply renders an answer. The embed's title is the question, which
// is where "More answers" reads it back from; the passage is the
// description, verbatim; the author line names the speaker; the footer names
// the briefing and section. Below it are "More answers" (the more button:
// for a follow-up, it carries the ref of the answer it followed up; for
// /ask briefing:, the briefing's ID), "Full paragraph",
// and 👍 and 👎, whose custom IDs carry the answer's ref: a reply to the
// message reads the ref back from them (refOf).
func answerReply(question string, a qa.Answer, more button) reply {
	switch {
	case !a.Answered && len(a.Closest) > 0:
		return closestReply(question, a.Closest, a.Suggestions)
	case !a.Answered:
		return noAnswerReply(question, a.Suggestions)
	}
	passage := a.Passage
	if strings.TrimSpace(passage) == "" {
		passage = a.Context
	}
	e := &discordgo.MessageEmbed{
		Title:       question,
		Description: passage,
		Color:       colourAnswer,
		Author:      &discordgo.MessageEmbedAuthor{Name: speakerLine(a.Speaker)},
		Footer:      footer(place(a.Briefing, a.Section)),
	}
	if len(more.prefix())+len(more.arg) > maxCustomID {
		more = button{action: actMore}
	}
	buttons := []discordgo.Button{{
		Label: "More answers", Style: discordgo.SecondaryButton, CustomID: more.id(),
	}}
	if id, ok := paragraphID(a.Ref); ok {
		buttons = append(buttons, discordgo.Button{
			Label: "Full paragraph", Style: discordgo.SecondaryButton, CustomID: id,
		})
		buttons = append(buttons,
			discordgo.Button{Label: "👍", Style: discordgo.SecondaryButton, CustomID: button{action: actUp, arg: a.Ref}.id()},
			discordgo.Button{Label: "👎", Style: discordgo.SecondaryButton, CustomID: button{action: actDown, arg: a.Ref}.id()},
		)
	}
	return reply{embeds: []*discordgo.MessageEmbed{e}, components: []discordgo.MessageComponent{row(buttons...)}}
}

// paragraphID is the custom ID of a "Full paragraph" button; ok is false
// when ref is empty or too long to fit whole.
func paragraphID(ref string) (string, bool) {
	b := button{action: actPara, arg: ref}
	if ref == "" || len(b.prefix())+len(ref) > maxCustomID {
		return "", false
	}
	return b.id(), true
}

// noAnswerReply says honestly that the briefing does not answer, and offers
// the engine's suggestions.
func noAnswerReply(question string, suggestions []string) reply {
	var b strings.Builder
	b.WriteString("The loaded briefings don't answer that, and I won't guess.")
	if len(suggestions) > 0 {
		b.WriteString("\n\n**You could ask:**")
		for _, s := range suggestions[:min(len(suggestions), 10)] {
			b.WriteString("\n• " + truncate(s, 300))
		}
	}
	b.WriteString("\n\nOr browse with /sources and /timeline.")
	return reply{embeds: []*discordgo.MessageEmbed{{
		Title: question, Description: b.String(), Color: colourNoAnswer,
	}}}
}

// msgClosest opens a reply that offers the closest passages instead of an
// answer.
const msgClosest = "Not answered directly. Closest passages in the briefing:"

// closestReply says first that the briefings do not answer, then offers up
// to three of the closest passages, labelled as such: each in a field of its
// own with its speaker, briefing and section, and a button to show it in
// full. They never take the answer's place: the description, where an
// answer's passage goes, says that there is none.
func closestReply(question string, closest []qa.Match, suggestions []string) reply {
	closest = closest[:min(len(closest), 3)]
	e := &discordgo.MessageEmbed{Title: question, Description: msgClosest, Color: colourNoAnswer}
	var buttons []discordgo.Button
	seen := map[string]bool{}
	for i, m := range closest {
		where := truncate(place(m.Briefing, m.Section), 200)
		e.Fields = append(e.Fields, &discordgo.MessageEmbedField{
			Name:  truncate(fmt.Sprintf("%d. %s", i+1, speakerLine(m.Speaker)), maxFieldName),
			Value: truncate(m.Passage, maxFieldValue-length(where)-3) + suffix("\n— ", where),
		})
		if id, ok := paragraphID(m.Ref); ok && !seen[m.Ref] {
			seen[m.Ref] = true
			buttons = append(buttons, discordgo.Button{
				Label: fmt.Sprintf("Show passage %d", i+1), Style: discordgo.SecondaryButton, CustomID: id,
			})
		}
	}
	if len(suggestions) > 0 {
		var b strings.Builder
		for _, s := range suggestions[:min(len(suggestions), 10)] {
			b.WriteString("• " + truncate(s, 90) + "\n")
		}
		e.Fields = append(e.Fields, &discordgo.MessageEmbedField{Name: "You could ask", Value: b.String()})
	}
	e.Footer = footer("These passages are near your question but do not answer it; I won't guess.")
	r := reply{embeds: []*discordgo.MessageEmbed{e}}
	if len(buttons) > 0 {
		r.components = []discordgo.MessageComponent{row(buttons...)}
	}
	return r
}

// moreReply lists the further candidate answers, each with its speaker and
// section, and a "Paragraph N" button for each distinct paragraph (up to
// five). It is ephemeral: only the person who clicked sees it.
func moreReply(question string, a qa.Answer) reply {
	if !a.Answered {
		return notice("The loaded briefings no longer answer that question. Please ask again with /ask.")
	}
	if len(a.More) == 0 {
		return notice(msgNoMore)
	}
	e := &discordgo.MessageEmbed{Title: "More answers: " + question, Color: colourAnswer}
	var buttons []discordgo.Button
	seen := map[string]bool{a.Ref: true}
	more := a.More[:min(len(a.More), 10)]
	// Characters per field, so that the title and every field fit in 6000.
	per := (maxEmbedTotal - maxEmbedTitle - 50) / len(more)
	nameMax := min(100, per/4)
	valueMax := min(maxFieldValue, per-nameMax)
	for i, m := range more {
		where := truncate(place(m.Briefing, m.Section), valueMax/4)
		e.Fields = append(e.Fields, &discordgo.MessageEmbedField{
			Name:  truncate(fmt.Sprintf("%d. %s", i+1, speakerLine(m.Speaker)), nameMax),
			Value: truncate(m.Passage, valueMax-length(where)-3) + suffix("\n— ", where),
		})
		if id, ok := paragraphID(m.Ref); ok && !seen[m.Ref] && len(buttons) < maxButtonsPerRow {
			seen[m.Ref] = true
			buttons = append(buttons, discordgo.Button{
				Label: fmt.Sprintf("Paragraph %d", i+1), Style: discordgo.SecondaryButton, CustomID: id,
			})
		}
	}
	r := reply{embeds: []*discordgo.MessageEmbed{e}, ephemeral: true}
	if len(buttons) > 0 {
		r.components = []discordgo.MessageComponent{row(buttons...)}
	}
	return r
}

// suffix is sep+s, or "" when s is empty.
func suffix(sep, s string) string {
	if s == "" {
		return ""
	}
	return sep + s
}

// paragraphReply shows one paragraph in full, to the person who asked.
func paragraphReply(p qa.Paragraph) reply {
	return reply{embeds: []*discordgo.MessageEmbed{{
		Title:       "Full paragraph",
		Description: p.Text,
		Color:       colourAnswer,
		Footer:      footer(place(p.Briefing, p.Section)),
	}}, ephemeral: true}
}

// A list is one paginated embed: title, lines, and a page of them shown.
type list struct {
	title   string
	lines   []string
	perPage int
	lineMax int    // characters per line, so that a full page fits the description
	noun    string // "event", "source", "quote"
	empty   string // what to say when there are no lines
	page    button // the button that shows this list; its page is the one shown
}

// reply renders the list's page, with "Previous" and "Next" buttons when
// there is more than one. Each page holds perPage lines of at most lineMax
// characters, so even 1,000 events stay within an embed.
func (l list) reply() reply {
	if len(l.lines) == 0 {
		return reply{embeds: []*discordgo.MessageEmbed{{Title: l.title, Description: l.empty, Color: colourList}}}
	}
	pages := (len(l.lines) + l.perPage - 1) / l.perPage
	p := min(max(l.page.page, 0), pages-1)
	shown := l.lines[p*l.perPage : min(len(l.lines), (p+1)*l.perPage)]
	cut := make([]string, len(shown))
	for i, s := range shown {
		cut[i] = truncate(s, l.lineMax)
	}
	foot := fmt.Sprintf("%d %s", len(l.lines), plural(len(l.lines), l.noun))
	if pages > 1 {
		foot = fmt.Sprintf("Page %d of %d · %s", p+1, pages, foot)
	}
	r := reply{embeds: []*discordgo.MessageEmbed{{
		Title: l.title, Description: strings.Join(cut, "\n"), Color: colourList, Footer: footer(foot),
	}}}
	if pages > 1 {
		prev, next := l.page, l.page
		prev.page, next.page = max(p-1, 0), min(p+1, pages-1)
		r.components = []discordgo.MessageComponent{row(
			discordgo.Button{Label: "◀ Previous", Style: discordgo.SecondaryButton, CustomID: prev.id(), Disabled: p == 0},
			discordgo.Button{Label: "Next ▶", Style: discordgo.SecondaryButton, CustomID: next.id(), Disabled: p == pages-1},
		)}
	}
	return r
}

func plural(n int, noun string) string {
	if n == 1 {
		return noun
	}
	return noun + "s"
}

// timelineReply renders one page of the timeline.
func timelineReply(events []qa.TimelineEvent, f qa.TimelineFilter, page int) reply {
	title := "Timeline"
	if f.Topic != "" {
		title += ": " + f.Topic
	}
	switch {
	case f.From != 0 && f.To != 0:
		title += fmt.Sprintf(" (%d–%d)", f.From, f.To)
	case f.From != 0:
		title += fmt.Sprintf(" (from %d)", f.From)
	case f.To != 0:
		title += fmt.Sprintf(" (to %d)", f.To)
	}
	lines := make([]string, len(events))
	for i, ev := range events {
		lines[i] = eventLine(ev)
	}
	return list{
		title: title, lines: lines, perPage: 10, lineMax: 400, noun: "event",
		empty: "No dated events match. Try a shorter topic or a wider range of years, or /timeline on its own.",
		page:  button{action: actTimeline, page: page, arg: timelineArg(f)},
	}.reply()
}

// eventLine is "**when** — the sentence", with the briefing's own wording
// of the date when it could not be resolved.
func eventLine(ev qa.TimelineEvent) string {
	when := ev.When
	for _, w := range []string{ev.Date, ev.Expression, "Undated"} {
		if strings.TrimSpace(when) == "" {
			when = w
		}
	}
	return "**" + when + "** — " + ev.Text
}

// sourcesReply renders one page of everyone the briefings quote or cite.
func sourcesReply(sources []qa.SourceSummary, page int) reply {
	lines := make([]string, len(sources))
	for i, s := range sources {
		line := "**" + s.Name + "**"
		if s.Role != "" {
			line += ", " + s.Role
		}
		var counts []string
		if s.Quotes > 0 {
			counts = append(counts, fmt.Sprintf("%d %s", s.Quotes, plural(s.Quotes, "quote")))
		}
		if s.Statements > 0 {
			counts = append(counts, fmt.Sprintf("%d %s", s.Statements, plural(s.Statements, "statement")))
		}
		lines[i] = line + suffix(" · ", strings.Join(counts, ", "))
	}
	return list{
		title: "Sources", lines: lines, perPage: 10, lineMax: 400, noun: "source",
		empty: "The loaded briefings quote or cite no one by name.",
		page:  button{action: actSources, page: page},
	}.reply()
}

// saidReply renders one page of what a source said: for /sources name: the
// sentences as printed, for /quote the words in quotation marks.
func saidReply(s qa.SourceSummary, said []qa.Said, quotesOnly bool, page int) reply {
	title, action, noun := "What "+s.Name+" said", actSaid, "item"
	if quotesOnly {
		title, action, noun = s.Name+", in their own words", actQuotes, "quote"
	}
	if s.Role != "" {
		title += " (" + s.Role + ")"
	}
	lines := make([]string, 0, len(said))
	for _, x := range said {
		text := x.Text
		if quotesOnly && x.Quote != "" {
			text = "“" + x.Quote + "”"
		}
		line := "• " + truncate(text, 440)
		if x.Section != "" {
			line += " — *" + truncate(x.Section, 50) + "*"
		}
		lines = append(lines, line)
	}
	empty := s.Name + " is cited, but the briefing gives no words of theirs."
	if quotesOnly {
		empty = s.Name + " is never quoted directly. Try /sources name: " + s.Name + " for what the briefing reports they said."
	}
	return list{
		title: title, lines: lines, perPage: 8, lineMax: 500, noun: noun, empty: empty,
		page: button{action: action, page: page, arg: s.Name},
	}.reply()
}

// aboutReply names the loaded briefings.
func aboutReply(infos []qa.BriefingInfo) reply {
	e := &discordgo.MessageEmbed{Title: "Loaded briefings", Color: colourList}
	if len(infos) == 0 {
		e.Description = "No briefings are loaded."
	}
	for i, b := range infos {
		if i == maxEmbedFields-1 && len(infos) > maxEmbedFields {
			e.Fields = append(e.Fields, &discordgo.MessageEmbedField{
				Name: "…", Value: fmt.Sprintf("and %d more", len(infos)-i),
			})
			break
		}
		var facts []string
		for _, f := range []string{b.Publisher, b.Published} {
			if f != "" {
				facts = append(facts, f)
			}
		}
		if b.Published == "" {
			facts = append(facts, "date unknown")
		}
		facts = append(facts, fmt.Sprintf("%d %s", b.Passages, plural(b.Passages, "passage")))
		e.Fields = append(e.Fields, &discordgo.MessageEmbedField{
			Name: b.Title, Value: strings.Join(facts, " · ") + suffix("\n", b.URL),
		})
	}
	e.Footer = footer("briefbot quotes these briefings word for word and says who said what.")
	return reply{embeds: []*discordgo.MessageEmbed{e}}
}

// helpReply explains the commands. It is ephemeral: help is for the asker.
func helpReply() reply {
	return reply{embeds: []*discordgo.MessageEmbed{{
		Title: "How to use briefbot",
		Color: colourList,
		Description: "I answer questions about the loaded news briefings by quoting their exact words " +
			"and naming who said them. When a briefing doesn't answer, I say so.\n\n" +
			"**/ask** `question:` — the passage that answers it, its speaker and section. " +
			"`private: True` shows the answer only to you; `briefing:` asks one briefing only. Buttons show more answers and the full paragraph.\n" +
			"**/timeline** — dated events in order; `topic:`, `from:` and `to:` (years) narrow it.\n" +
			"**/sources** — everyone quoted or cited; `name:` shows what one of them said.\n" +
			"**/quote** `speaker:` — a speaker's direct quotes.\n" +
			"**/about** — which briefings are loaded.\n" +
			"**/briefing** `add` · `list` · `remove` · `gaps` — for members with Manage Server: give this server a briefing " +
			"(a file or a link), list or remove them, and see what readers asked that they did not answer.\n\n" +
			"You can also mention me with a question in a channel, or send me a DM. " +
			"Reply to one of my answers to follow up on it (\"What else did he say?\", \"When was that?\"), " +
			"and tell me with 👍 or 👎 whether it helped.",
	}}, ephemeral: true}
}
