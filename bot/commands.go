package bot

import (
	"fmt"

	"github.com/bwmarrin/discordgo"
)

// Command and option names, as users type them.
const (
	cmdAsk      = "ask"
	cmdTimeline = "timeline"
	cmdSources  = "sources"
	cmdQuote    = "quote"
	cmdAbout    = "about"
	cmdHelp     = "help"
	cmdBriefing = "briefing"

	subAdd    = "add"
	subList   = "list"
	subRemove = "remove"
	subGaps   = "gaps"

	optQuestion = "question"
	optPrivate  = "private"
	optTopic    = "topic"
	optFrom     = "from"
	optTo       = "to"
	optName     = "name"
	optSpeaker  = "speaker"
	optBriefing = "briefing"
	optFile     = "file"
	optURL      = "url"
)

const (
	maxQuestion = 300 // characters of /ask question:
	maxTopic    = 60  // characters of /timeline topic: (it rides in page buttons' custom IDs)
	maxName     = 100 // characters of /sources name: and /quote speaker:, as long as a choice value
	maxBriefing = 100 // characters of briefing: (an ID from autocomplete, or a title typed), as long as a choice value
	maxURL      = 2000
)

// manageServer is the permission /briefing needs: Discord shows the
// command only to members who have it (default_member_permissions), and
// the handler checks the member's permissions too. Administrators have
// every permission.
const manageServer = discordgo.PermissionManageGuild

// commands returns the slash commands briefbot registers, freshly built so
// callers may not share or mutate them by accident. They are usable in
// servers and in DMs with the bot, except /briefing (servers only). With a
// library, /ask takes briefing: and /briefing manages the server's
// briefings; without one, neither is offered.
func commands(withLibrary bool) []*discordgo.ApplicationCommand {
	cmds := baseCommands()
	for _, c := range cmds {
		c.Contexts = &[]discordgo.InteractionContextType{
			discordgo.InteractionContextGuild, discordgo.InteractionContextBotDM,
		}
	}
	if withLibrary {
		one := 1
		cmds[0].Options = append(cmds[0].Options, &discordgo.ApplicationCommandOption{
			Type: discordgo.ApplicationCommandOptionString, Name: optBriefing, Autocomplete: true,
			Description: "Ask one briefing only",
			MinLength:   &one, MaxLength: maxBriefing,
		})
		b := briefingCommand()
		b.Type = discordgo.ChatApplicationCommand
		b.Contexts = &[]discordgo.InteractionContextType{discordgo.InteractionContextGuild}
		cmds = append(cmds, b)
	}
	for _, c := range cmds {
		c.IntegrationTypes = &[]discordgo.ApplicationIntegrationType{discordgo.ApplicationIntegrationGuildInstall}
	}
	return cmds
}

// briefingCommand is /briefing and its subcommands, for members with
// Manage Server.
func briefingCommand() *discordgo.ApplicationCommand {
	one := 1
	perms := int64(manageServer)
	sub := func(name, desc string, opts ...*discordgo.ApplicationCommandOption) *discordgo.ApplicationCommandOption {
		return &discordgo.ApplicationCommandOption{Type: discordgo.ApplicationCommandOptionSubCommand, Name: name, Description: desc, Options: opts}
	}
	return &discordgo.ApplicationCommand{
		Name:                     cmdBriefing,
		Description:              "Manage this server's briefings (Manage Server)",
		DefaultMemberPermissions: &perms,
		Options: []*discordgo.ApplicationCommandOption{
			sub(subAdd, "Add a briefing for this server: attach a file or give a link",
				&discordgo.ApplicationCommandOption{
					Type: discordgo.ApplicationCommandOptionAttachment, Name: optFile,
					Description: "The briefing as a .txt, .md or .html file",
				},
				&discordgo.ApplicationCommandOption{
					Type: discordgo.ApplicationCommandOptionString, Name: optURL,
					Description: "A link to a public web page with the article",
					MinLength:   &one, MaxLength: maxURL,
				},
			),
			sub(subList, "The briefings questions here are answered from"),
			sub(subRemove, "Remove one of this server's briefings",
				&discordgo.ApplicationCommandOption{
					Type: discordgo.ApplicationCommandOptionString, Name: optBriefing, Required: true, Autocomplete: true,
					Description: "The briefing to remove",
					MinLength:   &one, MaxLength: maxBriefing,
				},
			),
			sub(subGaps, "What readers asked that the briefings did not answer"),
		},
	}
}

// baseCommands are the commands that answer from the briefings, /ask
// first.
func baseCommands() []*discordgo.ApplicationCommand {
	one := 1
	minYear, maxYear := 1.0, 9999.0
	year := func(name, desc string) *discordgo.ApplicationCommandOption {
		return &discordgo.ApplicationCommandOption{
			Type: discordgo.ApplicationCommandOptionInteger, Name: name, Description: desc,
			MinValue: &minYear, MaxValue: maxYear,
		}
	}
	cmds := []*discordgo.ApplicationCommand{
		{
			Name:        cmdAsk,
			Description: "Ask a question; the answer quotes the briefing and names who said it",
			Options: []*discordgo.ApplicationCommandOption{
				{
					Type: discordgo.ApplicationCommandOptionString, Name: optQuestion, Required: true,
					Description: "Your question about the briefing",
					MinLength:   &one, MaxLength: maxQuestion,
				},
				{
					Type: discordgo.ApplicationCommandOptionBoolean, Name: optPrivate,
					Description: "Only you see the answer",
				},
			},
		},
		{
			Name:        cmdTimeline,
			Description: "The briefing's dated events in order, relative dates resolved",
			Options: []*discordgo.ApplicationCommandOption{
				{
					Type: discordgo.ApplicationCommandOptionString, Name: optTopic,
					Description: "Only events about these words",
					MinLength:   &one, MaxLength: maxTopic,
				},
				year(optFrom, "From this year (inclusive)"),
				year(optTo, "To this year (inclusive)"),
			},
		},
		{
			Name:        cmdSources,
			Description: "Everyone the briefing quotes or cites, or what one of them said",
			Options: []*discordgo.ApplicationCommandOption{
				{
					Type: discordgo.ApplicationCommandOptionString, Name: optName, Autocomplete: true,
					Description: "A person or organisation: show what they said",
					MinLength:   &one, MaxLength: maxName,
				},
			},
		},
		{
			Name:        cmdQuote,
			Description: "A speaker's direct quotes, word for word",
			Options: []*discordgo.ApplicationCommandOption{
				{
					Type: discordgo.ApplicationCommandOptionString, Name: optSpeaker, Required: true, Autocomplete: true,
					Description: "Who said it",
					MinLength:   &one, MaxLength: maxName,
				},
			},
		},
		{Name: cmdAbout, Description: "Which briefings are loaded: title, publisher and date"},
		{Name: cmdHelp, Description: "How to use briefbot"},
	}
	for _, c := range cmds {
		c.Type = discordgo.ChatApplicationCommand
	}
	return cmds
}

// options reads a command's options by name, checking each value's type:
// discordgo's StringValue and friends panic on a mismatch, and a forged or
// stale interaction can send anything.
type options map[string]*discordgo.ApplicationCommandInteractionDataOption

func optionsOf(d discordgo.ApplicationCommandInteractionData) options {
	o := make(options, len(d.Options))
	for _, opt := range d.Options {
		if opt != nil {
			o[opt.Name] = opt
		}
	}
	return o
}

func (o options) string(name string) (string, error) {
	opt, ok := o[name]
	if !ok {
		return "", nil
	}
	s, ok := opt.Value.(string)
	if !ok {
		return "", fmt.Errorf("option %s: want a string, got %T", name, opt.Value)
	}
	return s, nil
}

func (o options) int(name string) (int, error) {
	opt, ok := o[name]
	if !ok {
		return 0, nil
	}
	f, ok := opt.Value.(float64)
	if !ok || f != float64(int(f)) {
		return 0, fmt.Errorf("option %s: want an integer, got %v", name, opt.Value)
	}
	return int(f), nil
}

func (o options) bool(name string) (bool, error) {
	opt, ok := o[name]
	if !ok {
		return false, nil
	}
	b, ok := opt.Value.(bool)
	if !ok {
		return false, fmt.Errorf("option %s: want a boolean, got %v", name, opt.Value)
	}
	return b, nil
}

// subcommand is the subcommand d invokes and its options; "" when d has
// none (a command without subcommands).
func subcommand(d discordgo.ApplicationCommandInteractionData) (string, options) {
	for _, opt := range d.Options {
		if opt != nil && opt.Type == discordgo.ApplicationCommandOptionSubCommand {
			o := make(options, len(opt.Options))
			for _, sub := range opt.Options {
				if sub != nil {
					o[sub.Name] = sub
				}
			}
			return opt.Name, o
		}
	}
	return "", nil
}

// focused is the option the user is typing in an autocomplete interaction.
func (o options) focused() (name, value string, ok bool) {
	for _, opt := range o {
		if opt.Focused {
			s, _ := opt.Value.(string)
			return opt.Name, s, true
		}
	}
	return "", "", false
}
