package bot

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/bwmarrin/discordgo"
)

// Discord's rules for command definitions (discord-api-docs,
// interactions/application-commands.mdx); a definition that breaks one is
// refused at registration with 50035 Invalid Form Body.
var commandName = regexp.MustCompile(`^[-_'\p{L}\p{N}\p{Devanagari}\p{Thai}]{1,32}$`)

func TestCommandDefinitions(t *testing.T) {
	for _, withLibrary := range []bool{false, true} {
		t.Run(fmt.Sprintf("library %v", withLibrary), func(t *testing.T) {
			checkCommands(t, commands(withLibrary))
		})
	}
	plain, full := commands(false), commands(true)
	if len(full) != len(plain)+1 || full[len(full)-1].Name != cmdBriefing {
		t.Errorf("with a library: %d commands, want /briefing added to the %d", len(full), len(plain))
	}
	for _, c := range plain {
		if c.Name == cmdBriefing {
			t.Error("/briefing is registered without a library")
		}
	}
}

func checkCommands(t *testing.T, cmds []*discordgo.ApplicationCommand) {
	t.Helper()
	if len(cmds) > 100 {
		t.Errorf("%d chat commands, limit 100", len(cmds))
	}
	names := map[string]bool{}
	for _, c := range cmds {
		t.Run(c.Name, func(t *testing.T) {
			checkName(t, c.Name)
			if names[c.Name] {
				t.Errorf("duplicate command %q", c.Name)
			}
			names[c.Name] = true
			checkDescription(t, c.Description)
			if c.Type != discordgo.ChatApplicationCommand {
				t.Errorf("type %d, want chat input", c.Type)
			}
			wantContexts := 2
			if c.Name == cmdBriefing {
				wantContexts = 1 // servers only
				if c.DefaultMemberPermissions == nil || *c.DefaultMemberPermissions != discordgo.PermissionManageGuild {
					t.Errorf("default_member_permissions %v, want Manage Server", c.DefaultMemberPermissions)
				}
			} else if c.DefaultMemberPermissions != nil {
				t.Errorf("default_member_permissions %d on a command for everyone", *c.DefaultMemberPermissions)
			}
			if c.Contexts == nil || len(*c.Contexts) != wantContexts || (*c.Contexts)[0] != discordgo.InteractionContextGuild {
				t.Errorf("contexts %v, want %d starting with guild", c.Contexts, wantContexts)
			}
			if c.DMPermission != nil {
				t.Error("DMPermission is deprecated; use Contexts")
			}
			size := len([]rune(c.Name)) + len([]rune(c.Description)) + checkOptions(t, c.Options, 0)
			if size > 8000 {
				t.Errorf("command size %d characters, limit 8000", size)
			}
		})
	}
	for _, want := range []string{cmdAsk, cmdTimeline, cmdSources, cmdQuote, cmdAbout, cmdHelp} {
		if !names[want] {
			t.Errorf("no /%s command", want)
		}
	}
}

// checkOptions checks options at depth (0: the command's own) against
// Discord's rules and returns their size in characters.
func checkOptions(t *testing.T, opts []*discordgo.ApplicationCommandOption, depth int) int {
	t.Helper()
	if len(opts) > 25 {
		t.Errorf("%d options, limit 25", len(opts))
	}
	size := 0
	optional, seen, subs := false, map[string]bool{}, 0
	for _, o := range opts {
		checkName(t, o.Name)
		checkDescription(t, o.Description)
		if seen[o.Name] {
			t.Errorf("duplicate option %q", o.Name)
		}
		seen[o.Name] = true
		if o.Required && optional {
			t.Errorf("required option %q after an optional one", o.Name)
		}
		optional = optional || !o.Required
		if o.Autocomplete && len(o.Choices) > 0 {
			t.Errorf("option %q has both autocomplete and choices", o.Name)
		}
		if len(o.Choices) > 25 {
			t.Errorf("option %q has %d choices, limit 25", o.Name, len(o.Choices))
		}
		if o.Autocomplete && o.Type != discordgo.ApplicationCommandOptionString &&
			o.Type != discordgo.ApplicationCommandOptionInteger && o.Type != discordgo.ApplicationCommandOptionNumber {
			t.Errorf("option %q: autocomplete on type %v", o.Name, o.Type)
		}
		if o.Type == discordgo.ApplicationCommandOptionString {
			if o.MaxLength < 1 || o.MaxLength > 6000 {
				t.Errorf("option %q: max_length %d, want 1 to 6000", o.Name, o.MaxLength)
			}
			if o.MinLength != nil && (*o.MinLength < 0 || *o.MinLength > o.MaxLength) {
				t.Errorf("option %q: min_length %d", o.Name, *o.MinLength)
			}
		} else if o.MaxLength != 0 || o.MinLength != nil {
			t.Errorf("option %q: length bounds on a non-string option", o.Name)
		}
		if o.MinValue != nil && o.MaxValue != 0 && *o.MinValue > o.MaxValue {
			t.Errorf("option %q: min_value > max_value", o.Name)
		}
		if o.Type == discordgo.ApplicationCommandOptionSubCommand {
			subs++
			if depth > 0 || o.Required {
				t.Errorf("subcommand %q: nested, or required", o.Name)
			}
		} else if len(o.Options) > 0 {
			t.Errorf("option %q has options but is no subcommand", o.Name)
		}
		size += len([]rune(o.Name)) + len([]rune(o.Description)) + checkOptions(t, o.Options, depth+1)
	}
	if subs > 0 && subs != len(opts) {
		t.Errorf("subcommands mixed with other options")
	}
	return size
}

func checkName(t *testing.T, name string) {
	t.Helper()
	if !commandName.MatchString(name) || name != strings.ToLower(name) {
		t.Errorf("name %q: want 1-32 lower-case letters, digits, - _ or '", name)
	}
}

func checkDescription(t *testing.T, d string) {
	t.Helper()
	if n := len([]rune(d)); n < 1 || n > 100 {
		t.Errorf("description %q: %d characters, want 1 to 100", d, n)
	}
}

func TestCommandOptionsMatchTheHandlers(t *testing.T) {
	want := map[string][]string{
		cmdAsk:      {optQuestion, optPrivate, optBriefing},
		cmdTimeline: {optTopic, optFrom, optTo},
		cmdSources:  {optName},
		cmdQuote:    {optSpeaker},
		cmdAbout:    nil,
		cmdHelp:     nil,
		cmdBriefing: {subAdd + "(" + optFile + " " + optURL + ")", subList + "()", subRemove + "(" + optBriefing + ")", subGaps + "()"},
	}
	for _, c := range commands(true) {
		var got []string
		for _, o := range c.Options {
			if o.Type != discordgo.ApplicationCommandOptionSubCommand {
				got = append(got, o.Name)
				continue
			}
			var inner []string
			for _, sub := range o.Options {
				inner = append(inner, sub.Name)
			}
			got = append(got, o.Name+"("+strings.Join(inner, " ")+")")
		}
		if strings.Join(got, ",") != strings.Join(want[c.Name], ",") {
			t.Errorf("/%s options %v, want %v", c.Name, got, want[c.Name])
		}
	}
	if ask := commands(false)[0]; len(ask.Options) != 2 {
		t.Errorf("/ask without a library has %d options, want question and private", len(ask.Options))
	}
	ask := commands(true)[0]
	if q := ask.Options[0]; !q.Required || q.MaxLength != 300 {
		t.Errorf("/ask question: required %v, max_length %d; want required, 300", q.Required, q.MaxLength)
	}
}
