package bot

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/briefbot/briefbot/bot/library"
	"github.com/briefbot/briefbot/qa"
)

// A Library is the briefing library behind /briefing and /ask briefing::
// the briefings a server's moderators add, each server's kept to that
// server. *library.Library is one. Its refusals meant for the user are
// errors with a UserMessage() string method; any other error is the
// store's, for the log.
type Library interface {
	Add(ctx context.Context, r library.AddRequest) (library.Preview, error)
	List(guildID string) []library.Entry
	Remove(ctx context.Context, guildID, id string) (library.Entry, error)
	Complete(guildID, prefix string, ownOnly bool) []library.Entry
	BriefingEngine(ctx context.Context, guildID, id string) (*qa.Engine, error)
	GapReport(ctx context.Context, q library.GapQuery) (library.GapReport, error)
}

var _ Library = (*library.Library)(nil)

// Limits of /briefing.
const (
	maxAttachment = 5 << 20 // bytes of an attached file, as much as a fetched page
	gapDays       = 30      // how far back /briefing gaps looks
	gapGroups     = 10      // groups per list in /briefing gaps
)

// What /briefing says when it refuses; each says what to do.
const (
	msgBriefingInDM   = "/briefing works in a server: each server keeps its own briefings. Use it in the server whose briefings you want to change."
	msgNeedManage     = "/briefing needs the Manage Server permission in this server. Ask someone who has it to add or remove briefings."
	msgAddWhat        = "Attach the briefing with `file:` (a .txt, .md or .html file) or give a link to it with `url:`."
	msgAddBoth        = "Give me a file or a link, not both: run /briefing add again with one of them."
	msgLibraryFailed  = "I couldn't reach the briefing library just now. Please try again in a moment; if it keeps happening, tell whoever runs briefbot."
	msgUnknownSub     = "I don't know that /briefing command: it may be from an older version of briefbot. Try /briefing add, list, remove or gaps."
	msgNoSuchBriefing = "I can't find a briefing called “%s” here. Pick one from the list `briefing:` offers as you type."
)

// libraryWork answers what needs the library: /briefing, autocomplete of
// briefing: options and the pages of /briefing list; ok is false for
// anything else, and always without a library.
func (h *handler) libraryWork(ctx context.Context, i *discordgo.Interaction) (resp *discordgo.InteractionResponse, result string, ok bool) {
	if h.library == nil {
		return nil, "", false
	}
	switch i.Type {
	case discordgo.InteractionApplicationCommand:
		d, _ := i.Data.(discordgo.ApplicationCommandInteractionData)
		if d.Name != cmdBriefing {
			return nil, "", false
		}
		r, result := h.briefing(ctx, i, d)
		return message(r), result, true
	case discordgo.InteractionApplicationCommandAutocomplete:
		d, _ := i.Data.(discordgo.ApplicationCommandInteractionData)
		o := optionsOf(d)
		ownOnly := false
		if d.Name == cmdBriefing {
			_, o = subcommand(d)
			ownOnly = true
		}
		name, typed, focused := o.focused()
		if !focused || name != optBriefing || (d.Name != cmdAsk && d.Name != cmdBriefing) {
			return nil, "", false
		}
		if ownOnly && !canManage(i) {
			return autocompleteResponse(nil), resultDeclined, true
		}
		return autocompleteResponse(briefingChoices(h.library.Complete(i.GuildID, typed, ownOnly))), resultAnswered, true
	case discordgo.InteractionMessageComponent:
		b, isButton := buttonOf(i)
		if !isButton || b.action != actLibrary {
			return nil, "", false
		}
		if r, refused := refuseBriefing(i); refused {
			return message(r), resultDeclined, true
		}
		return update(libraryReply(h.library.List(i.GuildID), b.page, h.now())), resultAnswered, true
	}
	return nil, "", false
}

// canManage reports whether the member behind i may manage the server's
// briefings: Manage Server, or Administrator, in the permissions Discord
// computed for them in the channel.
func canManage(i *discordgo.Interaction) bool {
	return i.Member != nil && i.Member.Permissions&(manageServer|discordgo.PermissionAdministrator) != 0
}

// refuseBriefing refuses /briefing in DMs and to members without Manage
// Server: Discord hides the command from them (default_member_permissions),
// but a server can change that, and a stale client can still send it.
func refuseBriefing(i *discordgo.Interaction) (reply, bool) {
	switch {
	case i.GuildID == "":
		return notice(msgBriefingInDM), true
	case !canManage(i):
		return notice(msgNeedManage), true
	}
	return reply{}, false
}

// briefing answers /briefing add, list, remove and gaps.
func (h *handler) briefing(ctx context.Context, i *discordgo.Interaction, d discordgo.ApplicationCommandInteractionData) (reply, string) {
	if r, refused := refuseBriefing(i); refused {
		return r, resultDeclined
	}
	sub, o := subcommand(d)
	switch sub {
	case subAdd:
		return h.addBriefing(ctx, i, d, o)
	case subList:
		return libraryReply(h.library.List(i.GuildID), 0, h.now()), resultAnswered
	case subRemove:
		return h.removeBriefing(ctx, i, o)
	case subGaps:
		g, err := h.library.GapReport(ctx, library.GapQuery{Guild: i.GuildID, Since: h.now().AddDate(0, 0, -gapDays), Limit: gapGroups})
		if err != nil {
			return h.libraryFailed(i, "gaps", err)
		}
		return gapsReply(g), resultAnswered
	}
	h.log.Warn("unknown /briefing subcommand", append(attrs(i), "subcommand", sub)...)
	return notice(msgUnknownSub), resultError
}

// addBriefing answers /briefing add file: | url:. The file is read only
// from the attachment URL Discord gave in this interaction's resolved data.
func (h *handler) addBriefing(ctx context.Context, i *discordgo.Interaction, d discordgo.ApplicationCommandInteractionData, o options) (reply, string) {
	fileID, err1 := o.string(optFile)
	link, err2 := o.string(optURL)
	if err := errors.Join(err1, err2); err != nil {
		h.log.Warn("/briefing add", append(attrs(i), errAttr(err))...)
		return notice(msgUnreadable), resultError
	}
	link = strings.TrimSpace(link)
	req := library.AddRequest{Guild: i.GuildID, AddedBy: userOf(i)}
	switch {
	case fileID != "" && link != "":
		return notice(msgAddBoth), resultDeclined
	case fileID != "":
		var att *discordgo.MessageAttachment
		if d.Resolved != nil {
			att = d.Resolved.Attachments[fileID]
		}
		if att == nil || att.URL == "" {
			h.log.Warn("/briefing add: the file is not among the resolved attachments", attrs(i)...)
			return notice(msgUnreadable), resultError
		}
		if att.Size > maxAttachment {
			return notice(fmt.Sprintf("That file is %s; I take files up to 5 MiB. Trim it to the article's text and attach it again.", mebibytes(att.Size))), resultDeclined
		}
		req.Attachment, req.Filename = att.URL, att.Filename
	case link != "":
		req.URL = link
	default:
		return notice(msgAddWhat), resultDeclined
	}
	p, err := h.library.Add(ctx, req)
	if msg, ok := userMessage(err); ok {
		return notice(msg), resultDeclined
	}
	if err != nil {
		return h.libraryFailed(i, "add", err)
	}
	h.log.Info("briefing added", append(attrs(i), "briefing", p.ID, "title", p.Title)...)
	return previewReply(p), resultAnswered
}

// removeBriefing answers /briefing remove briefing:, which names one of
// the server's own briefings by ID (as autocomplete offers them) or by
// title.
func (h *handler) removeBriefing(ctx context.Context, i *discordgo.Interaction, o options) (reply, string) {
	which, err := o.string(optBriefing)
	if err != nil {
		h.log.Warn("/briefing remove", append(attrs(i), errAttr(err))...)
		return notice(msgUnreadable), resultError
	}
	id, found := resolveBriefing(h.library, i.GuildID, which, true)
	if !found {
		return notice(fmt.Sprintf(msgNoSuchBriefing, truncate(strings.TrimSpace(which), maxBriefing))), resultDeclined
	}
	e, err := h.library.Remove(ctx, i.GuildID, id)
	if msg, ok := userMessage(err); ok {
		return notice(msg), resultDeclined
	}
	if err != nil {
		return h.libraryFailed(i, "remove", err)
	}
	h.log.Info("briefing removed", append(attrs(i), "briefing", e.ID)...)
	return notice(fmt.Sprintf("Removed briefing %s, “%s”. Questions in this server no longer see it.", e.ID, truncate(e.Title, 200))), resultAnswered
}

// libraryFailed logs a failure of the library (not the user's doing),
// counts it as a store error and says so.
func (h *handler) libraryFailed(i *discordgo.Interaction, op string, err error) (reply, string) {
	h.log.Error("briefing library failed", append(attrs(i), "op", op, errAttr(err))...)
	h.metrics.StoreError(op)
	return notice(msgLibraryFailed), resultError
}

// engineFor is the engine that answers i: for /ask briefing: and the "More
// answers" of its answers, the engine of that one briefing; else the
// guild's. When the briefing is not one the guild sees, the reply says so
// instead.
func (h *handler) engineFor(ctx context.Context, i *discordgo.Interaction) (Engine, *reply) {
	which := ""
	switch i.Type {
	case discordgo.InteractionApplicationCommand:
		d, _ := i.Data.(discordgo.ApplicationCommandInteractionData)
		if d.Name == cmdAsk {
			which, _ = optionsOf(d).string(optBriefing)
		}
	case discordgo.InteractionMessageComponent:
		if b, ok := buttonOf(i); ok && b.action == actMoreOne {
			which = b.arg
		}
	}
	if which = strings.TrimSpace(which); which == "" || h.library == nil {
		return h.engine(ctx, i.GuildID), nil
	}
	id, found := resolveBriefing(h.library, i.GuildID, which, false)
	if !found {
		r := notice(fmt.Sprintf(msgNoSuchBriefing, truncate(which, maxBriefing)) + " Or leave it out to ask all of them.")
		return Engine{}, &r
	}
	e, err := h.library.BriefingEngine(ctx, i.GuildID, id)
	if msg, ok := userMessage(err); ok {
		r := notice(msg)
		return Engine{}, &r
	}
	if err != nil {
		h.log.Error("briefing library failed", append(attrs(i), "op", "engine", errAttr(err))...)
		h.metrics.StoreError("engine")
		r := notice(msgLibraryFailed)
		return Engine{}, &r
	}
	one := Both(e)
	one.OneBriefing = id
	return one, nil
}

// resolveBriefing finds the briefing that which names among those guildID
// sees (ownOnly: its own): by ID, as autocomplete gives it, or else by a
// title typed in full or in part that names only one.
func resolveBriefing(lib Library, guildID, which string, ownOnly bool) (string, bool) {
	which = strings.TrimSpace(which)
	if which == "" {
		return "", false
	}
	matches := lib.Complete(guildID, which, ownOnly)
	for _, e := range matches {
		if e.ID == which {
			return e.ID, true
		}
	}
	for _, e := range matches {
		if strings.EqualFold(e.Title, which) {
			return e.ID, true
		}
	}
	if len(matches) == 1 {
		return matches[0].ID, true
	}
	return "", false
}

// userMessage is the message for the user an error carries, if it is a
// refusal meant for them.
func userMessage(err error) (string, bool) {
	var um interface{ UserMessage() string }
	if err != nil && errors.As(err, &um) && um.UserMessage() != "" {
		return um.UserMessage(), true
	}
	return "", false
}

// briefingChoices offers briefings for a briefing: option: the title with
// publisher and date shown, the ID as the value.
func briefingChoices(entries []library.Entry) []*discordgo.ApplicationCommandOptionChoice {
	out := make([]*discordgo.ApplicationCommandOptionChoice, 0, min(len(entries), maxChoices))
	for _, e := range entries {
		if len(out) == maxChoices || e.ID == "" || length(e.ID) > maxChoiceValue {
			continue
		}
		out = append(out, &discordgo.ApplicationCommandOptionChoice{Name: truncate(entryName(e), maxChoiceName), Value: e.ID})
	}
	return out
}

// entryName is "Title — Publisher, date", with whichever parts are known.
func entryName(e library.Entry) string {
	name := strings.TrimSpace(e.Title)
	if name == "" {
		name = "Untitled briefing " + e.ID
	}
	var about []string
	for _, s := range []string{e.Publisher, e.Published} {
		if s = strings.TrimSpace(s); s != "" {
			about = append(about, s)
		}
	}
	if len(about) > 0 {
		name += " — " + strings.Join(about, ", ")
	}
	return name
}

func mebibytes(n int) string { return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20)) }

// previewReply shows what /briefing add understood of the new briefing:
// title, publisher and date (or the warning that relative dates stay
// unresolved), the counts of passages, quotes, sources and dated events,
// and the first two sources.
func previewReply(p library.Preview) reply {
	var about []string
	for _, s := range []string{p.Publisher, p.Published, p.URL} {
		if s = strings.TrimSpace(s); s != "" {
			about = append(about, escapeMarkdown(s))
		}
	}
	desc := strings.Join(about, " · ")
	if p.Warning != "" {
		desc = strings.TrimSpace(desc + "\n⚠️ " + p.Warning)
	}
	count := func(name string, n int) *discordgo.MessageEmbedField {
		return &discordgo.MessageEmbedField{Name: name, Value: fmt.Sprint(n), Inline: true}
	}
	e := &discordgo.MessageEmbed{
		Title:       "Added: " + strings.TrimSpace(p.Title),
		Description: desc,
		Color:       colourList,
		Fields: []*discordgo.MessageEmbedField{
			count("Passages", p.Passages), count("Quotes", p.Quotes), count("Sources", p.Sources), count("Dated events", p.Events),
		},
		Footer: footer(fmt.Sprintf("Briefing %s · everyone here can ask about it now · /ask briefing: asks it alone · /briefing remove takes it out", p.ID)),
	}
	if len(p.First) > 0 {
		var b strings.Builder
		for _, s := range p.First {
			b.WriteString("• " + truncate(s.Name+suffix(", ", s.Role), 300) + "\n")
		}
		e.Fields = append(e.Fields, &discordgo.MessageEmbedField{Name: "First sources", Value: b.String()})
	}
	return reply{embeds: []*discordgo.MessageEmbed{e}, ephemeral: true}
}

// libraryReply is one page of /briefing list: every briefing the server's
// questions are answered from, the global ones first, then its own with
// who added them and when.
func libraryReply(entries []library.Entry, page int, now time.Time) reply {
	lines := make([]string, len(entries))
	for i, e := range entries {
		line := "`" + e.ID + "` **" + escapeMarkdown(entryName(e)) + "**"
		switch {
		case e.Operator:
			line += " · global, the operator's file"
		case e.Guild == "":
			line += " · global"
		default:
			line += " · this server's"
			if isSnowflake(e.AddedBy) {
				line += ", added by <@" + e.AddedBy + ">"
			}
			if !e.AddedAt.IsZero() && !e.AddedAt.After(now) {
				line += fmt.Sprintf(" <t:%d:R>", e.AddedAt.Unix())
			}
		}
		lines[i] = line
	}
	r := list{
		title: "Briefings questions here are answered from", lines: lines, perPage: 10, lineMax: 380, noun: "briefing",
		empty: "No briefings at all. Add one with /briefing add.",
		page:  button{action: actLibrary, page: page},
	}.reply()
	r.ephemeral = true
	return r
}

// isSnowflake reports whether s looks like a Discord ID.
func isSnowflake(s string) bool {
	if s == "" || len(s) > 20 {
		return false
	}
	for _, c := range s {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// gapsReply shows /briefing gaps: the most frequent declined questions and
// the most down-voted answers of the last gapDays days, similar wordings
// grouped, each with its count and the closest passage in the briefings.
func gapsReply(g library.GapReport) reply {
	fields := len(g.Declined) + len(g.DownVoted)
	// Characters per group, so that both embeds fit in 6000 together.
	per := (maxEmbedTotal - 600) / max(fields, 1)
	nameMax := min(maxFieldName, per/4)
	valueMax := min(maxFieldValue, per-nameMax)
	declined := gapEmbed(fmt.Sprintf("Declined questions, last %d days", gapDays),
		"What readers here asked that the briefings did not answer, most asked first.",
		"None: every question asked here got an answer.", g.Declined, "", nameMax, valueMax)
	down := gapEmbed(fmt.Sprintf("Down-voted answers, last %d days", gapDays),
		"Answers readers marked 👎, most down-voted first.",
		"None: no answer here got a 👎.", g.DownVoted, "👎 ", nameMax, valueMax)
	return reply{embeds: []*discordgo.MessageEmbed{declined, down}, ephemeral: true}
}

// gapEmbed is one list of /briefing gaps: a field per group, or none when
// there is no group.
func gapEmbed(title, about, none string, groups []library.GapGroup, mark string, nameMax, valueMax int) *discordgo.MessageEmbed {
	e := &discordgo.MessageEmbed{Title: title, Color: colourNoAnswer, Description: about}
	if len(groups) == 0 {
		e.Description = none
	}
	for _, g := range groups {
		e.Fields = append(e.Fields, gapField(g, mark, nameMax, valueMax))
	}
	return e
}

// gapField is one group: "3× “wording”" and, below, the other wordings,
// how many people asked, the answer voted down and the closest passage.
func gapField(g library.GapGroup, mark string, nameMax, valueMax int) *discordgo.MessageEmbedField {
	first := ""
	if len(g.Questions) > 0 {
		first = g.Questions[0]
	}
	var b strings.Builder
	if len(g.Questions) > 1 {
		b.WriteString("also ")
		for i, q := range g.Questions[1:] {
			if i > 0 {
				b.WriteString(", ")
			}
			b.WriteString("“" + escapeMarkdown(truncate(q, 80)) + "”")
		}
		b.WriteString(" · ")
	}
	people := fmt.Sprintf("%d people", g.Users)
	if g.Users == 1 {
		people = "1 person"
	}
	b.WriteString(people + "\n")
	room := max(valueMax-length(b.String()), 40)
	if g.Answer != "" {
		b.WriteString("**Answered:** " + escapeMarkdown(truncate(g.Answer, room/2-16)) + "\n")
	}
	switch c := g.Closest; {
	case c == nil:
		b.WriteString("**Closest:** nothing in the briefings comes near")
	case g.Answer != "" && c.Ref == g.Ref:
		// The closest passage is the answer voted down: shown above.
	default:
		where := place(c.Briefing, c.Section)
		text := escapeMarkdown(c.Passage) + " — " + speakerLine(c.Speaker) + suffix(" · ", where)
		b.WriteString("**Closest:** " + truncate(text, max(valueMax-length(b.String())-14, 20)))
	}
	return &discordgo.MessageEmbedField{
		Name:  truncate(fmt.Sprintf("%d× %s“%s”", g.Count, mark, first), nameMax),
		Value: truncate(b.String(), valueMax),
	}
}
