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

// askCommand answers /ask question: [private:]; declined is the question
// when the engine declined it.
func askCommand(a Answerer, o options) (r reply, declined string, err error) {
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
	r = answerReply(q, ans, "")
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
// an /ask answer has; declined is the question when the engine declined it.
func messageReply(a Answerer, q string) (r reply, declined string) {
	switch {
	case a == nil:
		return reply{content: msgNoEngine}, ""
	case q == "":
		return reply{content: "Hi! Ask me a question about the briefing, e.g. `@briefbot who is quoted?`, or type / to see my commands."}, ""
	}
	q = cutRunes(q, maxQuestion)
	ans := a.Ask(q)
	if !ans.Answered {
		declined = q
	}
	return answerReply(q, ans, ""), declined
}

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
