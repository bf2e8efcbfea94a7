package bot

import (
	"errors"
	"fmt"
	"regexp"
	"strings"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/briefbot/briefbot/qa"
)

// An Answerer answers questions: fresh ones, and follow-ups to the earlier
// answer that ref names. *qa.Engine is one.
type Answerer interface {
	Ask(question string) qa.Answer
	FollowUp(ref, question string) qa.Answer
}

// askCommand answers /ask question: [private:] [briefing:] from a, which
// answers from the one briefing whose ID is one when one is set; declined is
// the question when the engine declined it.
func askCommand(a Answerer, o options, one string) (r reply, declined string, err error) {
	q, err1 := o.string(optQuestion)
	private, err2 := o.bool(optPrivate)
	if err := errors.Join(err1, err2); err != nil {
		return notice(msgUnreadable), "", fmt.Errorf("/ask: %w", err)
	}
	q = cutRunes(strings.TrimSpace(q), maxQuestion)
	if q == "" {
		return notice(msgEmptyAsk), "", nil
	}
	ans := a.Ask(q)
	more := button{action: actMore}
	if one != "" {
		more = button{action: actMoreOne, arg: one}
	}
	r = answerReply(q, ans, more)
	r.ephemeral = private
	if !ans.Answered {
		declined = q
	}
	return r, declined, nil
}

// moreAnswers answers "More answers" on the answer message m: the question
// is the title of its embed, and after, when set, the ref of the answer it
// followed up.
func moreAnswers(a Answerer, m *discordgo.Message, after string) reply {
	q := questionOf(m)
	if q == "" {
		return notice(msgNoQuestion)
	}
	if after != "" {
		return moreReply(q, a.FollowUp(after, q))
	}
	return moreReply(q, a.Ask(q))
}

// questionOf reads the question back from an answer message: it is the
// title of the message's first embed.
func questionOf(m *discordgo.Message) string {
	if m == nil || len(m.Embeds) == 0 || m.Embeds[0] == nil {
		return ""
	}
	return strings.TrimSpace(m.Embeds[0].Title)
}

// A request is a question put to the bot in a message.
type request struct {
	text  string // the question, with the bot's mention removed
	kind  string // "dm", "mention" or "followup": commandOf's word for it
	after string // for a follow-up, the ref of the answer it replies to
}

// questionIn returns the question a message puts to the bot, botID: the
// whole text of a DM, or the text of a server message that mentions the bot
// or replies to it, with the mention removed. A reply to one of the bot's
// answers is a follow-up to it: the answer's ref is read from the replied-to
// message itself (refOf), which Discord sends along with the reply, so any
// instance can answer it, even after a restart. ok is false for messages the
// bot must ignore: its own, other bots', system messages, server messages
// that neither mention it nor reply to it, and replies that arrive empty
// (without the Message Content intent, a reply that does not ping the bot
// carries no text).
func questionIn(m *discordgo.Message, botID string) (q request, ok bool) {
	if m == nil || m.Author == nil || m.Author.Bot || m.Author.System || m.Author.ID == botID || botID == "" {
		return request{}, false
	}
	if m.Type != discordgo.MessageTypeDefault && m.Type != discordgo.MessageTypeReply {
		return request{}, false
	}
	dm := m.GuildID == ""
	mentioned := false
	for _, u := range m.Mentions {
		if u != nil && u.ID == botID {
			mentioned = true
		}
	}
	to := m.ReferencedMessage
	replied := to != nil && to.Author != nil && to.Author.ID == botID
	q = request{text: stripMention(m.Content, botID), kind: "mention"}
	switch {
	case !dm && !mentioned && !replied:
		return request{}, false
	case !dm && !mentioned && q.text == "":
		return request{}, false
	case dm:
		q.kind = "dm"
	}
	if ref, ok := refOf(to); replied && ok {
		q.kind, q.after = "followup", ref
	}
	return q, true
}

// refOf reads the ref of the answer m shows from its 👍 button (or its 👎),
// which every answer carries; ok is false when m shows no answer.
func refOf(m *discordgo.Message) (ref string, ok bool) {
	if m == nil {
		return "", false
	}
	for _, b := range buttonsOf(m.Components) {
		if v, ok := parseButton(b.CustomID); ok && (v.action == actUp || v.action == actDown) {
			return v.arg, true
		}
	}
	return "", false
}

// buttonsOf lists the buttons in rows, whichever way discordgo decoded them.
func buttonsOf(rows []discordgo.MessageComponent) []discordgo.Button {
	var out []discordgo.Button
	for _, c := range rows {
		var inner []discordgo.MessageComponent
		switch r := c.(type) {
		case discordgo.ActionsRow:
			inner = r.Components
		case *discordgo.ActionsRow:
			inner = r.Components
		}
		for _, c := range inner {
			switch b := c.(type) {
			case discordgo.Button:
				out = append(out, b)
			case *discordgo.Button:
				out = append(out, *b)
			}
		}
	}
	return out
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
// an /ask answer has; a follow-up also says, above the answer, how the
// engine read it. declined is the question when the engine declined it.
func messageReply(a Answerer, q request) (r reply, declined string) {
	switch {
	case a == nil:
		return reply{content: msgNoEngine}, ""
	case q.text == "":
		return reply{content: "Hi! Ask me a question about the briefing, e.g. `@briefbot who is quoted?`, or type / to see my commands."}, ""
	}
	text := cutRunes(q.text, maxQuestion)
	var ans qa.Answer
	if q.after != "" {
		ans = a.FollowUp(q.after, text)
	} else {
		ans = a.Ask(text)
	}
	if !ans.Answered {
		declined = text
	}
	r = answerReply(text, ans, button{action: actMore, arg: q.after})
	if q.after != "" {
		r.content = followUpNote(ans.Why)
	}
	return r, declined
}

// followUpNote says how the engine read a follow-up: the first clause of
// its why, where it puts that ("taking 'he' as …", or that it answered the
// follow-up as a new question).
func followUpNote(why string) string {
	first, _, _ := strings.Cut(why, "; ")
	if first = strings.TrimSpace(first); first == "" {
		return "*Follow-up to the answer you replied to.*"
	}
	return "*Follow-up: " + escapeMarkdown(truncate(first, 300)) + "*"
}

// markdown are the characters Discord reads as formatting.
var markdown = strings.NewReplacer(`\`, `\\`, "*", `\*`, "_", `\_`, "~", `\~`, "`", "\\`", "|", `\|`, ">", `\>`, "#", `\#`)

// escapeMarkdown makes s show as written in Discord.
func escapeMarkdown(s string) string { return markdown.Replace(s) }

// rateLimited is the friendly refusal when someone asks too fast: when they
// can ask again is now+wait, in Discord's relative timestamp, which each
// reader's client shows as "in 2 seconds" and keeps up to date.
func rateLimited(now time.Time, wait time.Duration) reply {
	again := now.Add(wait)
	unix := again.Unix()
	if again.After(time.Unix(unix, 0)) {
		unix++ // never earlier than the truth
	}
	return notice(fmt.Sprintf("You're asking quickly: I answer up to %d questions every %d seconds per person. "+
		"You can ask again <t:%d:R>.", questionsPerWindow, int(questionWindow.Seconds()), unix))
}
