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
// embeds beyond ten and fields beyond 25 are dropped, the longest texts
// shrink until all embeds fit in 6000 characters, and buttons with an
// over-long or repeated custom ID are dropped (never sent broken). Builders
// budget their own texts; clamp is the safety net.
func clamp(r reply) reply {
	r.content = truncate(r.content, maxContent)
	if len(r.embeds) > maxEmbeds {
		r.embeds = r.embeds[:maxEmbeds]
	}
	for _, e := range r.embeds {
		clampEmbed(e)
	}
	for over := embedsLength(r.embeds) - maxEmbedTotal; over > 0; over = embedsLength(r.embeds) - maxEmbedTotal {
		switch last := len(r.embeds) - 1; {
		case shrinkLongest(r.embeds, over):
		case last > 0:
			r.embeds = r.embeds[:last]
		case len(r.embeds[0].Fields) > 0:
			r.embeds[0].Fields = r.embeds[0].Fields[:len(r.embeds[0].Fields)-1]
		default:
			return r // unreachable: one embed without fields is within 6000
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

// shrinkLongest cuts the longest text of the embeds by up to over
// characters, but never by more than half, so that repeated calls shorten
// long texts evenly; false when every text is down to two characters.
func shrinkLongest(embeds []*discordgo.MessageEmbed, over int) bool {
	var longest *string
	for _, e := range embeds {
		texts := []*string{&e.Title, &e.Description}
		if e.Author != nil {
			texts = append(texts, &e.Author.Name)
		}
		if e.Footer != nil {
			texts = append(texts, &e.Footer.Text)
		}
		for _, f := range e.Fields {
			texts = append(texts, &f.Name, &f.Value)
		}
		for _, t := range texts {
			if longest == nil || length(*t) > length(*longest) {
				longest = t
			}
		}
	}
	n := 0
	if longest != nil {
		n = length(*longest)
	}
	if n <= 2 {
		return false
	}
	*longest = truncate(*longest, max(2, n-min(over, n/2+1)))
	return true
}

// clampComponents keeps at most five rows of five buttons, each with a
// label within 80 characters and a custom ID of 1 to 100 characters.
func clampComponents(rows []discordgo.MessageComponent) []discordgo.MessageComponent {
	out := make([]discordgo.MessageComponent, 0, len(rows))
	seen := map[string]bool{} // custom IDs must be unique in a message
	for _, c := range rows {
		row, ok := c.(discordgo.ActionsRow)
		if !ok {
			continue
		}
		var kept []discordgo.MessageComponent
		for _, c := range row.Components {
			b, ok := c.(discordgo.Button)
			if !ok || (b.URL == "" && (b.CustomID == "" || length(b.CustomID) > maxCustomID || seen[b.CustomID])) {
				continue
			}
			seen[b.CustomID] = true
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
