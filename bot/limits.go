package bot

import (
	"strings"
	"unicode/utf8"

	"github.com/bwmarrin/discordgo"
)

// Discord's limits on what a message may hold, in characters (code points).
// See discord-api-docs: resources/message.mdx "Embed Limits",
// interactions/receiving-and-responding.mdx and components/reference.mdx.
const (
	maxContent          = 2000
	maxEmbeds           = 10
	maxEmbedTitle       = 256
	maxEmbedDescription = 4096
	maxEmbedFields      = 25
	maxFieldName        = 256
	maxFieldValue       = 1024
	maxFooter           = 2048
	maxAuthor           = 256
	maxEmbedTotal       = 6000 // across every embed of a message
	maxChoices          = 25
	maxChoiceName       = 100
	maxChoiceValue      = 100
	maxCustomID         = 100
	maxButtonLabel      = 80
	maxButtonsPerRow    = 5
	maxRows             = 5
)

// truncate cuts s to at most n characters on a rune boundary, ending it with
// "…" when anything was cut.
func truncate(s string, n int) string {
	if n <= 0 {
		return ""
	}
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	cut, count := 0, 0
	for i := range s {
		if count == n-1 {
			cut = i
			break
		}
		count++
	}
	return strings.TrimRight(s[:cut], " \t\n") + "…"
}

// cutRunes cuts s to at most n characters on a rune boundary, adding nothing.
func cutRunes(s string, n int) string {
	count := 0
	for i := range s {
		if count == n {
			return s[:i]
		}
		count++
	}
	return s
}

// length counts characters the way Discord does: code points.
func length(s string) int { return utf8.RuneCountInString(s) }

// noPings is the allowed-mentions object of every message the bot sends: it
// parses nothing, so no text can ping @everyone, a role or a user, and a reply
// does not ping the author it replies to. Parse is empty, not nil, so the JSON
// says "parse":[] as Discord documents.
func noPings() *discordgo.MessageAllowedMentions {
	return &discordgo.MessageAllowedMentions{Parse: []discordgo.AllowedMentionType{}}
}

// clamp brings a reply within Discord's limits, whatever its builder did:
// every text is cut to its limit, empty field texts get a placeholder,
// embeds beyond ten and fields beyond 25 are dropped, descriptions shrink
// until all embeds fit in 6000 characters, and buttons with an over-long
// custom ID are dropped (never sent broken).
func clamp(r reply) reply {
	r.content = truncate(r.content, maxContent)
	if len(r.embeds) > maxEmbeds {
		r.embeds = r.embeds[:maxEmbeds]
	}
	for _, e := range r.embeds {
		clampEmbed(e)
	}
	for over := embedsLength(r.embeds) - maxEmbedTotal; over > 0; over = embedsLength(r.embeds) - maxEmbedTotal {
		if !shrinkLongest(r.embeds, over) {
			break
		}
	}
	r.components = clampComponents(r.components)
	return r
}

func clampEmbed(e *discordgo.MessageEmbed) {
	e.Title = truncate(e.Title, maxEmbedTitle)
	e.Description = truncate(e.Description, maxEmbedDescription)
	if e.Author != nil {
		e.Author.Name = truncate(e.Author.Name, maxAuthor)
	}
	if e.Footer != nil {
		e.Footer.Text = truncate(e.Footer.Text, maxFooter)
	}
	if len(e.Fields) > maxEmbedFields {
		e.Fields = e.Fields[:maxEmbedFields]
	}
	for _, f := range e.Fields {
		f.Name = truncate(orDash(f.Name), maxFieldName)
		f.Value = truncate(orDash(f.Value), maxFieldValue)
	}
}

func orDash(s string) string {
	if strings.TrimSpace(s) == "" {
		return "—"
	}
	return s
}

// embedsLength is the total Discord counts against the 6000 limit.
func embedsLength(embeds []*discordgo.MessageEmbed) int {
	n := 0
	for _, e := range embeds {
		n += length(e.Title) + length(e.Description)
		if e.Author != nil {
			n += length(e.Author.Name)
		}
		if e.Footer != nil {
			n += length(e.Footer.Text)
		}
		for _, f := range e.Fields {
			n += length(f.Name) + length(f.Value)
		}
	}
	return n
}

// shrinkLongest cuts the longest description or field value by over
// characters (at least down to one character plus "…"); false when nothing
// is left to cut.
func shrinkLongest(embeds []*discordgo.MessageEmbed, over int) bool {
	var longest *string
	for _, e := range embeds {
		if longest == nil || length(e.Description) > length(*longest) {
			longest = &e.Description
		}
		for _, f := range e.Fields {
			if length(f.Value) > length(*longest) {
				longest = &f.Value
			}
		}
	}
	if longest == nil || length(*longest) <= 2 {
		return false
	}
	*longest = truncate(*longest, max(2, length(*longest)-over))
	return true
}

// clampComponents keeps at most five rows of five buttons, each with a
// label within 80 characters and a custom ID of 1 to 100 characters.
func clampComponents(rows []discordgo.MessageComponent) []discordgo.MessageComponent {
	out := make([]discordgo.MessageComponent, 0, len(rows))
	for _, c := range rows {
		row, ok := c.(discordgo.ActionsRow)
		if !ok {
			continue
		}
		var kept []discordgo.MessageComponent
		for _, c := range row.Components {
			b, ok := c.(discordgo.Button)
			if !ok || (b.URL == "" && (b.CustomID == "" || length(b.CustomID) > maxCustomID)) {
				continue
			}
			b.Label = truncate(b.Label, maxButtonLabel)
			if len(kept) < maxButtonsPerRow {
				kept = append(kept, b)
			}
		}
		if len(kept) > 0 && len(out) < maxRows {
			out = append(out, discordgo.ActionsRow{Components: kept})
		}
	}
	return out
}
