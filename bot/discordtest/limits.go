package discordtest

import (
	"encoding/json"
	"fmt"
	"regexp"
	"strings"
	"unicode/utf8"
)

// Discord's limits on what a bot sends (notes/discord.md section 3).
const (
	MaxContent          = 2000
	MaxEmbeds           = 10
	MaxEmbedTitle       = 256
	MaxEmbedDescription = 4096
	MaxEmbedFields      = 25
	MaxFieldName        = 256
	MaxFieldValue       = 1024
	MaxFooterText       = 2048
	MaxAuthorName       = 256
	MaxEmbedTotal       = 6000
	MaxChoices          = 25
	MaxChoiceName       = 100
	MaxChoiceValue      = 100
	MaxCustomID         = 100
	MaxButtonLabel      = 80
	MaxURL              = 512
	MaxRows             = 5
	MaxRowButtons       = 5
	MaxSelectOptions    = 25
	MaxCommands         = 100
	MaxCommandOptions   = 25
	MaxCommandSize      = 8000
	MaxDescription      = 100
)

// payload is the part of a message (or callback data) the fake checks.
type payload struct {
	Content         *string           `json:"content"`
	Embeds          []embed           `json:"embeds"`
	Components      []component       `json:"components"`
	AllowedMentions *allowedMentions  `json:"allowed_mentions"`
	Flags           *int              `json:"flags"`
	Choices         []choice          `json:"choices"`
	Attachments     []json.RawMessage `json:"attachments"`
	Poll            json.RawMessage   `json:"poll"`

	raw    json.RawMessage            // the payload as sent
	fields map[string]json.RawMessage // its message fields (messageFields)

	MessageReference *struct {
		MessageID       string `json:"message_id"`
		ChannelID       string `json:"channel_id"`
		GuildID         string `json:"guild_id"`
		FailIfNotExists *bool  `json:"fail_if_not_exists"`
	} `json:"message_reference"`
}

// UnmarshalJSON decodes a payload in one pass over its keys, keeping the raw
// message fields for storage alongside the decoded ones for the checks.
func (p *payload) UnmarshalJSON(b []byte) error {
	var all map[string]json.RawMessage
	if err := json.Unmarshal(b, &all); err != nil {
		return err
	}
	type plain payload // without this method
	var q plain
	dst := map[string]any{
		"content": &q.Content, "embeds": &q.Embeds, "components": &q.Components,
		"allowed_mentions": &q.AllowedMentions, "flags": &q.Flags, "choices": &q.Choices,
		"attachments": &q.Attachments, "poll": &q.Poll, "message_reference": &q.MessageReference,
	}
	for k, v := range all {
		if d, ok := dst[k]; ok {
			if err := json.Unmarshal(v, d); err != nil {
				return fmt.Errorf("%s: %w", k, err)
			}
		}
	}
	*p = payload(q)
	p.raw = b
	p.fields = make(map[string]json.RawMessage, len(messageFields))
	for _, k := range messageFields {
		if v, ok := all[k]; ok {
			p.fields[k] = v
		}
	}
	return nil
}

type embed struct {
	Title       string `json:"title"`
	Description string `json:"description"`
	URL         string `json:"url"`
	Footer      *struct {
		Text string `json:"text"`
	} `json:"footer"`
	Author *struct {
		Name string `json:"name"`
	} `json:"author"`
	Fields []struct {
		Name  string `json:"name"`
		Value string `json:"value"`
	} `json:"fields"`
}

type component struct {
	Type       int             `json:"type"`
	CustomID   *string         `json:"custom_id"`
	Label      string          `json:"label"`
	Style      int             `json:"style"`
	URL        string          `json:"url"`
	Emoji      json.RawMessage `json:"emoji"`
	Components []component     `json:"components"`
	Options    []struct {
		Label string `json:"label"`
		Value string `json:"value"`
	} `json:"options"`
}

type allowedMentions struct {
	Parse []string `json:"parse"`
	Users []string `json:"users"`
	Roles []string `json:"roles"`
}

type choice struct {
	Name  string `json:"name"`
	Value any    `json:"value"`
}

func runes(s string) int { return utf8.RuneCountInString(s) }

// empty reports whether a message would show nothing.
func (p *payload) empty() bool {
	return (p.Content == nil || *p.Content == "") && len(p.Embeds) == 0 && len(p.Components) == 0 &&
		len(p.Attachments) == 0 && (len(p.Poll) == 0 || string(p.Poll) == "null")
}

// checkMessage returns the limits p breaks, each prefixed with where.
func (p *payload) checkMessage(where string) []string {
	var vs []string
	add := func(format string, args ...any) { vs = append(vs, where+": "+fmt.Sprintf(format, args...)) }
	if p.Content != nil && runes(*p.Content) > MaxContent {
		add("content is %d characters (max %d)", runes(*p.Content), MaxContent)
	}
	if len(p.Embeds) > MaxEmbeds {
		add("%d embeds (max %d)", len(p.Embeds), MaxEmbeds)
	}
	total := 0
	for i, e := range p.Embeds {
		lim := func(what, s string, max int) {
			if n := runes(s); n > max {
				add("embeds[%d].%s is %d characters (max %d)", i, what, n, max)
			}
			total += runes(s)
		}
		lim("title", e.Title, MaxEmbedTitle)
		lim("description", e.Description, MaxEmbedDescription)
		if e.Footer != nil {
			lim("footer.text", e.Footer.Text, MaxFooterText)
		}
		if e.Author != nil {
			lim("author.name", e.Author.Name, MaxAuthorName)
		}
		if len(e.URL) > 2048 {
			add("embeds[%d].url is too long", i)
		}
		if len(e.Fields) > MaxEmbedFields {
			add("embeds[%d] has %d fields (max %d)", i, len(e.Fields), MaxEmbedFields)
		}
		for j, f := range e.Fields {
			if strings.TrimSpace(f.Name) == "" || strings.TrimSpace(f.Value) == "" {
				add("embeds[%d].fields[%d]: name and value must not be empty", i, j)
			}
			lim(fmt.Sprintf("fields[%d].name", j), f.Name, MaxFieldName)
			lim(fmt.Sprintf("fields[%d].value", j), f.Value, MaxFieldValue)
		}
	}
	if total > MaxEmbedTotal {
		add("embeds total %d characters (max %d)", total, MaxEmbedTotal)
	}
	vs = append(vs, checkComponents(where, p.Components)...)
	if (p.Content != nil && *p.Content != "") || len(p.Embeds) > 0 {
		switch am := p.AllowedMentions; {
		case am == nil:
			add("allowed_mentions is missing: text could ping @everyone, roles or users")
		case len(am.Parse) > 0:
			add("allowed_mentions.parse is %v: it must be empty", am.Parse)
		case len(am.Users) > 0 || len(am.Roles) > 0:
			add("allowed_mentions lists users %v and roles %v: it must mention nobody", am.Users, am.Roles)
		}
	}
	return vs
}

func checkComponents(where string, rows []component) []string {
	var vs []string
	add := func(format string, args ...any) { vs = append(vs, where+": "+fmt.Sprintf(format, args...)) }
	if len(rows) > MaxRows {
		add("%d component rows (max %d)", len(rows), MaxRows)
	}
	ids := map[string]bool{}
	for i, row := range rows {
		if row.Type != 1 {
			add("components[%d] has type %d: top-level components must be action rows (type 1)", i, row.Type)
			continue
		}
		if len(row.Components) == 0 {
			add("components[%d] is an empty action row", i)
		}
		buttons, selects := 0, 0
		for j, c := range row.Components {
			at := fmt.Sprintf("components[%d].components[%d]", i, j)
			switch c.Type {
			case 2:
				buttons++
				if c.Label == "" && len(c.Emoji) == 0 {
					add("%s: a button needs a label or an emoji", at)
				}
				if n := runes(c.Label); n > MaxButtonLabel {
					add("%s: label is %d characters (max %d)", at, n, MaxButtonLabel)
				}
				if c.Style == 5 {
					if c.URL == "" || len(c.URL) > MaxURL {
						add("%s: a link button needs a url of 1-%d characters", at, MaxURL)
					}
					if c.CustomID != nil && *c.CustomID != "" {
						add("%s: a link button cannot have a custom_id", at)
					}
					continue
				}
			case 3, 5, 6, 7, 8:
				selects++
				if len(c.Options) > MaxSelectOptions {
					add("%s: %d select options (max %d)", at, len(c.Options), MaxSelectOptions)
				}
			default:
				add("%s: component type %d cannot go in an action row of a message", at, c.Type)
				continue
			}
			switch {
			case c.CustomID == nil || *c.CustomID == "":
				add("%s: custom_id is required", at)
			case runes(*c.CustomID) > MaxCustomID:
				add("%s: custom_id is %d characters (max %d)", at, runes(*c.CustomID), MaxCustomID)
			case ids[*c.CustomID]:
				add("%s: custom_id %q is used twice in one message", at, *c.CustomID)
			default:
				ids[*c.CustomID] = true
			}
		}
		if buttons > MaxRowButtons {
			add("components[%d] has %d buttons (max %d)", i, buttons, MaxRowButtons)
		}
		if selects > 1 || (selects == 1 && buttons > 0) {
			add("components[%d]: a select menu must be alone in its row", i)
		}
	}
	return vs
}

func checkChoices(cs []choice) []string {
	var vs []string
	if len(cs) > MaxChoices {
		vs = append(vs, fmt.Sprintf("autocomplete: %d choices (max %d)", len(cs), MaxChoices))
	}
	for i, c := range cs {
		if n := runes(c.Name); n < 1 || n > MaxChoiceName {
			vs = append(vs, fmt.Sprintf("autocomplete: choices[%d].name is %d characters (1-%d)", i, n, MaxChoiceName))
		}
		if s, ok := c.Value.(string); ok && runes(s) > MaxChoiceValue {
			vs = append(vs, fmt.Sprintf("autocomplete: choices[%d].value is %d characters (max %d)", i, runes(s), MaxChoiceValue))
		}
		if c.Value == nil {
			vs = append(vs, fmt.Sprintf("autocomplete: choices[%d].value is missing", i))
		}
	}
	return vs
}

var commandName = regexp.MustCompile(`^[-_'\p{L}\p{N}\p{Devanagari}\p{Thai}]{1,32}$`)

type commandSpec struct {
	Name        string       `json:"name"`
	Type        int          `json:"type"`
	Description string       `json:"description"`
	Options     []commandOpt `json:"options"`
	// DefaultMemberPermissions is a permission bit set as a decimal string,
	// or null; Discord refuses a JSON number.
	DefaultMemberPermissions json.RawMessage `json:"default_member_permissions"`
	Contexts                 []int           `json:"contexts"`
	IntegrationTypes         []int           `json:"integration_types"`
}

type commandOpt struct {
	Type         int          `json:"type"`
	Name         string       `json:"name"`
	Description  string       `json:"description"`
	Required     bool         `json:"required"`
	Autocomplete bool         `json:"autocomplete"`
	Choices      []choice     `json:"choices"`
	Options      []commandOpt `json:"options"`
	MinLength    *int         `json:"min_length"`
	MaxLength    *int         `json:"max_length"`
	ChannelTypes []int        `json:"channel_types"`
}

// Option types (Discord's application command option types).
const (
	optSubCommand      = 1
	optSubCommandGroup = 2
	optString          = 3
	optAttachment      = 11
)

// checkCommands validates a bulk overwrite payload.
func checkCommands(body []byte) []string {
	var cmds []commandSpec
	if err := json.Unmarshal(body, &cmds); err != nil {
		return []string{fmt.Sprintf("commands: %v", err)}
	}
	var vs []string
	add := func(format string, args ...any) { vs = append(vs, "commands: "+fmt.Sprintf(format, args...)) }
	if len(cmds) > MaxCommands {
		add("%d commands (max %d)", len(cmds), MaxCommands)
	}
	names := map[string]bool{}
	for _, c := range cmds {
		chat := c.Type == 0 || c.Type == 1
		key := fmt.Sprint(c.Type, c.Name)
		if names[key] {
			add("%q is registered twice", c.Name)
		}
		names[key] = true
		if chat {
			checkName(add, c.Name, "command")
			if n := runes(c.Description); n < 1 || n > MaxDescription {
				add("/%s: description is %d characters (1-%d)", c.Name, n, MaxDescription)
			}
		}
		checkCommandFields(add, c)
		size := runes(c.Name) + runes(c.Description) + checkOptions(add, "/"+c.Name, c.Options, 0)
		if size > MaxCommandSize {
			add("/%s is %d characters in all (max %d)", c.Name, size, MaxCommandSize)
		}
	}
	return vs
}

func checkName(add func(string, ...any), name, what string) {
	if !commandName.MatchString(name) || strings.ToLower(name) != name {
		add("%s name %q must be 1-32 lowercase letters, digits, - _ or '", what, name)
	}
}

var permissionBits = regexp.MustCompile(`^[0-9]{1,20}$`)

// checkCommandFields validates a command's fields besides its options:
// default_member_permissions, contexts and integration_types.
func checkCommandFields(add func(string, ...any), c commandSpec) {
	if p := c.DefaultMemberPermissions; len(p) > 0 && string(p) != "null" {
		var bits string
		if json.Unmarshal(p, &bits) != nil || !permissionBits.MatchString(bits) {
			add("/%s: default_member_permissions is %s: want a permission bit set as a decimal string, or null", c.Name, p)
		}
	}
	for _, ctx := range c.Contexts {
		if ctx < 0 || ctx > 2 {
			add("/%s: unknown interaction context %d (0 guild, 1 bot DM, 2 private channel)", c.Name, ctx)
		}
	}
	for _, it := range c.IntegrationTypes {
		if it != 0 && it != 1 {
			add("/%s: unknown integration type %d (0 guild install, 1 user install)", c.Name, it)
		}
	}
}

// checkOptions validates options at depth (0: a command's own options, 1:
// a subcommand's or group's, 2: a subcommand's in a group) and returns
// their size in characters. Subcommands and groups may not mix with other
// options, groups hold only subcommands, and nesting stops at a subcommand
// in a group.
func checkOptions(add func(string, ...any), at string, opts []commandOpt, depth int) int {
	if len(opts) > MaxCommandOptions {
		add("%s has %d options (max %d)", at, len(opts), MaxCommandOptions)
	}
	subs := 0
	for _, o := range opts {
		if o.Type == optSubCommand || o.Type == optSubCommandGroup {
			subs++
		}
	}
	if subs > 0 && subs < len(opts) {
		add("%s mixes subcommands with other options", at)
	}
	size := 0
	seen := map[string]bool{}
	optional := false
	for _, o := range opts {
		where := at + " " + o.Name
		if seen[o.Name] {
			add("%s: option name used twice", where)
		}
		seen[o.Name] = true
		if o.Required && optional {
			add("%s: required options must come before optional ones", where)
		}
		if !o.Required {
			optional = true
		}
		size += checkOption(add, where, o, depth)
	}
	return size
}

// checkOption checks one option (and its own options) and returns its size
// in characters.
func checkOption(add func(string, ...any), where string, o commandOpt, depth int) int {
	checkName(add, o.Name, "option")
	if n := runes(o.Description); n < 1 || n > MaxDescription {
		add("%s: description is %d characters (1-%d)", where, n, MaxDescription)
	}
	if o.Type < 1 || o.Type > 11 {
		add("%s: unknown option type %d", where, o.Type)
	}
	if o.Autocomplete && len(o.Choices) > 0 {
		add("%s: autocomplete and choices are mutually exclusive", where)
	}
	if o.Autocomplete && o.Type != 3 && o.Type != 4 && o.Type != 10 {
		add("%s: autocomplete needs a string, integer or number option", where)
	}
	if len(o.Choices) > MaxChoices {
		add("%s: %d choices (max %d)", where, len(o.Choices), MaxChoices)
	}
	if o.MinLength != nil && (*o.MinLength < 0 || *o.MinLength > 6000) {
		add("%s: min_length %d out of 0-6000", where, *o.MinLength)
	}
	if o.MaxLength != nil && (*o.MaxLength < 1 || *o.MaxLength > 6000) {
		add("%s: max_length %d out of 1-6000", where, *o.MaxLength)
	}
	if (o.MinLength != nil || o.MaxLength != nil) && o.Type != optString {
		add("%s: min_length and max_length go with string options only", where)
	}
	checkNesting(add, where, o, depth)
	size := runes(o.Name) + runes(o.Description)
	for _, c := range o.Choices {
		size += runes(c.Name) + runes(fmt.Sprint(c.Value))
		if n := runes(c.Name); n < 1 || n > MaxChoiceName {
			add("%s: choice name %q is %d characters (1-%d)", where, c.Name, n, MaxChoiceName)
		}
	}
	return size + checkOptions(add, where, o.Options, depth+1)
}

// checkNesting checks what an option of o's type may hold: subcommands and
// groups hold options, in the ways Discord allows; the others none.
func checkNesting(add func(string, ...any), where string, o commandOpt, depth int) {
	switch o.Type {
	case optSubCommand, optSubCommandGroup:
		if o.Required {
			add("%s: a subcommand or group cannot be required", where)
		}
		if o.Type == optSubCommandGroup && depth > 0 {
			add("%s: a group can only be a command's own option", where)
		}
		for _, sub := range o.Options {
			switch {
			case o.Type == optSubCommandGroup && sub.Type != optSubCommand:
				add("%s: a group holds subcommands only", where)
			case o.Type == optSubCommand && (sub.Type == optSubCommand || sub.Type == optSubCommandGroup):
				add("%s: a subcommand cannot hold subcommands or groups", where)
			}
		}
	case optAttachment:
		if len(o.Choices) > 0 {
			add("%s: an attachment option takes no choices", where)
		}
	default:
		if len(o.Options) > 0 {
			add("%s: only subcommands and groups have options", where)
		}
	}
}
