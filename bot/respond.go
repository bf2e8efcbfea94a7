package bot

import (
	"errors"
	"fmt"
	"math"
	"regexp"
	"strings"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/briefbot/briefbot/qa"
)

// respond computes the response to one interaction. It does no I/O and
// keeps no state, so the gateway and the HTTP endpoint both send what it
// returns, and tests call it directly. The response always tells the user
// something useful; err, when not nil, is detail for the log (a malformed
// or unknown interaction), and the caller logs it once.
func respond(e Engine, i *discordgo.Interaction) (*discordgo.InteractionResponse, error) {
	if i.Type == discordgo.InteractionPing {
		return &discordgo.InteractionResponse{Type: discordgo.InteractionResponsePong}, nil
	}
	if e == nil {
		if i.Type == discordgo.InteractionApplicationCommandAutocomplete {
			return autocompleteResponse(nil), errNoEngine
		}
		return message(notice(msgNoEngine)), errNoEngine
	}
	switch i.Type {
	case discordgo.InteractionApplicationCommand:
		d, ok := i.Data.(discordgo.ApplicationCommandInteractionData)
		if !ok {
			return message(notice(msgUnreadable)), fmt.Errorf("command interaction without command data (%T)", i.Data)
		}
		r, err := command(e, d)
		return message(r), err
	case discordgo.InteractionApplicationCommandAutocomplete:
		d, ok := i.Data.(discordgo.ApplicationCommandInteractionData)
		if !ok {
			return autocompleteResponse(nil), fmt.Errorf("autocomplete interaction without command data (%T)", i.Data)
		}
		return autocomplete(e, d)
	case discordgo.InteractionMessageComponent:
		d, ok := i.Data.(discordgo.MessageComponentInteractionData)
		if !ok {
			return message(notice(msgUnreadable)), fmt.Errorf("component interaction without component data (%T)", i.Data)
		}
		return component(e, d, i.Message)
	}
	return message(notice(msgUnreadable)), fmt.Errorf("unsupported interaction type %d", i.Type)
}

var errNoEngine = errors.New("no engine: no briefings loaded")

// message is a response that posts r as a new message.
func message(r reply) *discordgo.InteractionResponse {
	return &discordgo.InteractionResponse{Type: discordgo.InteractionResponseChannelMessageWithSource, Data: r.data()}
}

// update is a response that replaces the message a button is on with r.
func update(r reply) *discordgo.InteractionResponse {
	return &discordgo.InteractionResponse{Type: discordgo.InteractionResponseUpdateMessage, Data: r.data()}
}

func autocompleteResponse(c []*discordgo.ApplicationCommandOptionChoice) *discordgo.InteractionResponse {
	return &discordgo.InteractionResponse{
		Type: discordgo.InteractionApplicationCommandAutocompleteResult,
		Data: &discordgo.InteractionResponseData{Choices: c},
	}
}

// command answers a slash command.
func command(e Engine, d discordgo.ApplicationCommandInteractionData) (reply, error) {
	o := optionsOf(d)
	switch d.Name {
	case cmdAsk:
		q, err1 := o.string(optQuestion)
		private, err2 := o.bool(optPrivate)
		if err := errors.Join(err1, err2); err != nil {
			return notice(msgUnreadable), fmt.Errorf("/ask: %w", err)
		}
		q = cutRunes(strings.TrimSpace(q), maxQuestion)
		if q == "" {
			return notice(msgEmptyAsk), nil
		}
		r := answerReply(q, e.Ask(q))
		r.ephemeral = private
		return r, nil
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
		return timelineReply(e.Timeline(f), f, 0), nil
	case cmdSources:
		name, err := o.string(optName)
		if err != nil {
			return notice(msgUnreadable), fmt.Errorf("/sources: %w", err)
		}
		if name = strings.TrimSpace(name); name == "" {
			return sourcesReply(e.Sources(), 0), nil
		}
		return said(e, name, false, 0), nil
	case cmdQuote:
		name, err := o.string(optSpeaker)
		if err != nil {
			return notice(msgUnreadable), fmt.Errorf("/quote: %w", err)
		}
		if name = strings.TrimSpace(name); name == "" {
			return notice("Tell me whose quotes you want: `/quote speaker:` offers the names as you type."), nil
		}
		return said(e, name, true, 0), nil
	case cmdAbout:
		return aboutReply(e.Briefings()), nil
	case cmdHelp:
		return helpReply(), nil
	}
	return notice(msgUnknownCmd), fmt.Errorf("unknown command %q", d.Name)
}

// said renders what the named source said (all of it, or direct quotes
// only), or an ephemeral "who?" with the closest names.
func said(e Engine, name string, quotesOnly bool, page int) reply {
	lookup, action := e.SaidBy, actSaid
	if quotesOnly {
		lookup, action = e.Quotes, actQuotes
	}
	s, items, ok := lookup(name)
	if !ok {
		return unknownSource(name, e.Complete(name, quotesOnly))
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
func autocomplete(e Engine, d discordgo.ApplicationCommandInteractionData) (*discordgo.InteractionResponse, error) {
	name, typed, ok := optionsOf(d).focused()
	switch {
	case !ok:
		return autocompleteResponse(nil), fmt.Errorf("autocomplete for /%s without a focused option", d.Name)
	case d.Name == cmdSources && name == optName:
		return autocompleteResponse(choices(typed, e.Complete(typed, false))), nil
	case d.Name == cmdQuote && name == optSpeaker:
		return autocompleteResponse(choices(typed, e.Complete(typed, true))), nil
	}
	return autocompleteResponse(nil), fmt.Errorf("autocomplete for unknown option /%s %s", d.Name, name)
}

// component answers a button click. Stale or foreign custom IDs get a
// friendly ephemeral reply, not an error.
func component(e Engine, d discordgo.MessageComponentInteractionData, m *discordgo.Message) (*discordgo.InteractionResponse, error) {
	b, ok := parseButton(d.CustomID)
	if !ok {
		return message(notice(msgStaleButton)), nil
	}
	switch b.action {
	case actMore:
		q := questionOf(m)
		if q == "" {
			return message(notice(msgNoQuestion)), nil
		}
		return message(moreReply(q, e.Ask(q))), nil
	case actPara:
		p, ok := e.Paragraph(b.arg)
		if !ok {
			return message(notice(msgNoParagraph)), nil
		}
		return message(paragraphReply(p)), nil
	case actTimeline:
		f, _ := parseTimelineArg(b.arg)
		return update(timelineReply(e.Timeline(f), f, b.page)), nil
	case actSources:
		return update(sourcesReply(e.Sources(), b.page)), nil
	case actSaid, actQuotes:
		r := said(e, b.arg, b.action == actQuotes, b.page)
		if r.ephemeral {
			return message(r), nil
		}
		return update(r), nil
	}
	return message(notice(msgStaleButton)), nil
}

// questionOf reads the question back from an answer message: it is the
// title of the message's first embed.
func questionOf(m *discordgo.Message) string {
	if m == nil || len(m.Embeds) == 0 || m.Embeds[0] == nil {
		return ""
	}
	return strings.TrimSpace(m.Embeds[0].Title)
}

// questionIn returns the question a message puts to the bot, botID: the
// whole text of a DM, or the text of a server message that mentions the bot,
// with the mention removed. ok is false for messages the bot must ignore:
// its own, other bots', system messages, and server messages that do not
// mention it.
func questionIn(m *discordgo.Message, botID string) (q string, ok bool) {
	if m == nil || m.Author == nil || m.Author.Bot || m.Author.System || m.Author.ID == botID || botID == "" {
		return "", false
	}
	if m.Type != discordgo.MessageTypeDefault && m.Type != discordgo.MessageTypeReply {
		return "", false
	}
	mentioned := m.GuildID == ""
	for _, u := range m.Mentions {
		if u != nil && u.ID == botID {
			mentioned = true
		}
	}
	if !mentioned {
		return "", false
	}
	return stripMention(m.Content, botID), true
}

var spaces = regexp.MustCompile(`\s+`)

// stripMention removes <@ID> and <@!ID> mentions of the bot and tidies the
// space they leave.
func stripMention(content, botID string) string {
	content = strings.ReplaceAll(content, "<@"+botID+">", " ")
	content = strings.ReplaceAll(content, "<@!"+botID+">", " ")
	return strings.TrimSpace(spaces.ReplaceAllString(content, " "))
}

// messageReply answers a question put in a message, with the same content
// an /ask answer has.
func messageReply(e Engine, q string) reply {
	switch {
	case e == nil:
		return reply{content: msgNoEngine}
	case q == "":
		return reply{content: "Hi! Ask me a question about the briefing, e.g. `@briefbot who is quoted?`, or type / to see my commands."}
	}
	q = cutRunes(q, maxQuestion)
	return answerReply(q, e.Ask(q))
}

// rateLimited is the friendly refusal when someone asks too fast.
func rateLimited(wait time.Duration) reply {
	secs := max(1, int(math.Ceil(wait.Seconds())))
	return notice(fmt.Sprintf("You're asking quickly: I answer up to %d questions every %d seconds per person. "+
		"Please try again in %d %s.", questionsPerWindow, int(questionWindow.Seconds()), secs, plural(secs, "second")))
}
