package discordtest

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"time"

	"github.com/bwmarrin/discordgo"
)

// An Interaction is an INTERACTION_CREATE payload under construction. Build
// one with Server.Command, Server.Autocomplete or Server.Button, adjust it
// with the chainable methods or the fields, and send it with
// Server.DispatchInteraction.
type Interaction struct {
	ID            string
	ApplicationID string
	Token         string
	Type          discordgo.InteractionType
	GuildID       string // "" for a DM
	ChannelID     string
	UserID        string
	Username      string
	UserBot       bool
	Locale        string
	Data          any // the "data" object; anything json.Marshal accepts
	Message       any // the "message" a component is on, for type 3

	// Permissions is the member's permissions in the channel, as the
	// interaction's member.permissions carries them (guilds only); "" is a
	// plain member's (DefaultPermissions). WithPermissions sets it.
	Permissions string

	// Raw, when set, is sent verbatim instead of the fields above (for
	// malformed payloads). ID and Token must still match it for replies
	// to be tracked.
	Raw json.RawMessage

	// Sent is when DispatchInteraction wrote it to the gateway.
	Sent time.Time
}

// An Opt is one option of a slash command or autocomplete interaction.
type Opt struct {
	Name    string
	Type    discordgo.ApplicationCommandOptionType
	Value   any
	Focused bool
	Options []Opt // for sub-commands

	// attachment is the file a File option names; the interaction's
	// resolved data carries it.
	attachment *Attachment
}

// Sub is a subcommand (or, with sub-commands among opts, a group) with its
// options: /briefing add url:... is Command("briefing", Sub("add", Str("url", ...))).
func Sub(name string, opts ...Opt) Opt {
	t := discordgo.ApplicationCommandOptionSubCommand
	for _, o := range opts {
		if o.Type == discordgo.ApplicationCommandOptionSubCommand {
			t = discordgo.ApplicationCommandOptionSubCommandGroup
		}
	}
	return Opt{Name: name, Type: t, Options: opts}
}

// File is an attachment option: its value is the attachment's ID, and the
// interaction carries the attachment itself in data.resolved.attachments,
// as Discord sends an uploaded file. Make a with Server.Upload.
func File(name string, a Attachment) Opt {
	return Opt{Name: name, Type: discordgo.ApplicationCommandOptionAttachment, Value: a.ID, attachment: &a}
}

// Str is a string option.
func Str(name, value string) Opt {
	return Opt{Name: name, Type: discordgo.ApplicationCommandOptionString, Value: value}
}

// Int is an integer option.
func Int(name string, value int) Opt {
	return Opt{Name: name, Type: discordgo.ApplicationCommandOptionInteger, Value: value}
}

// Bool is a boolean option.
func Bool(name string, value bool) Opt {
	return Opt{Name: name, Type: discordgo.ApplicationCommandOptionBoolean, Value: value}
}

// Focused marks o as the option being typed, for autocomplete.
func Focused(o Opt) Opt { o.Focused = true; return o }

// MarshalJSON renders the option as Discord sends it.
func (o Opt) MarshalJSON() ([]byte, error) { return json.Marshal(o.wire()) }

type wireOpt struct {
	Name    string                                 `json:"name"`
	Type    discordgo.ApplicationCommandOptionType `json:"type"`
	Value   any                                    `json:"value,omitempty"`
	Focused bool                                   `json:"focused,omitempty"`
	Options []wireOpt                              `json:"options,omitempty"`
}

func (o Opt) wire() wireOpt {
	w := wireOpt{Name: o.Name, Type: o.Type, Value: o.Value, Focused: o.Focused}
	for _, sub := range o.Options {
		w.Options = append(w.Options, sub.wire())
	}
	return w
}

func (s *Server) interaction(t discordgo.InteractionType) *Interaction {
	id := s.newID()
	return &Interaction{
		ID:            id,
		ApplicationID: ApplicationID,
		Token:         "itok-" + id + "-aW50ZXJhY3Rpb24tdG9rZW4",
		Type:          t,
		GuildID:       GuildID,
		ChannelID:     ChannelID,
		UserID:        UserID,
		Username:      Username,
		Locale:        "en-US",
	}
}

// Command builds a slash command interaction (type 2) in the default guild
// channel, from UserID.
func (s *Server) Command(name string, opts ...Opt) *Interaction {
	in := s.interaction(discordgo.InteractionApplicationCommand)
	in.Data = commandData(s.newID(), name, opts)
	return in
}

// Autocomplete builds an autocomplete interaction (type 4); mark the option
// being typed with Focused.
func (s *Server) Autocomplete(name string, opts ...Opt) *Interaction {
	in := s.interaction(discordgo.InteractionApplicationCommandAutocomplete)
	in.Data = commandData(s.newID(), name, opts)
	return in
}

type wireCommand struct {
	ID       string        `json:"id"`
	Name     string        `json:"name"`
	Type     int           `json:"type"`
	Options  []wireOpt     `json:"options"`
	Resolved *wireResolved `json:"resolved,omitempty"`
}

type wireResolved struct {
	Attachments map[string]Attachment `json:"attachments"`
}

func commandData(id, name string, opts []Opt) wireCommand {
	w := wireCommand{ID: id, Name: name, Type: 1, Options: []wireOpt{}}
	for _, o := range opts {
		w.Options = append(w.Options, o.wire())
	}
	var files func([]Opt)
	files = func(opts []Opt) {
		for _, o := range opts {
			if o.attachment != nil {
				if w.Resolved == nil {
					w.Resolved = &wireResolved{Attachments: map[string]Attachment{}}
				}
				w.Resolved.Attachments[o.attachment.ID] = *o.attachment
			}
			files(o.Options)
		}
	}
	files(opts)
	return w
}

// Button builds a button click (type 3) on msg, the message the button is
// on: usually Reply.Message of an earlier interaction, or nil. The click
// comes from the same channel as msg.
func (s *Server) Button(customID string, msg *Message) *Interaction {
	in := s.interaction(discordgo.InteractionMessageComponent)
	in.Data = map[string]any{"custom_id": customID, "component_type": discordgo.ButtonComponent}
	if msg != nil {
		in.Message = msg.Raw
		if msg.ChannelID != "" {
			in.ChannelID = msg.ChannelID
			if msg.ChannelID == DMChannelID {
				in.GuildID = ""
			}
		}
	}
	return in
}

// InDM turns in into a DM interaction: "user" instead of "member", no guild.
func (in *Interaction) InDM() *Interaction {
	in.GuildID, in.ChannelID = "", dmChannelFor(in.UserID)
	return in
}

// InGuild moves in to a guild (and its default channel).
func (in *Interaction) InGuild(guildID string) *Interaction {
	in.GuildID, in.ChannelID = guildID, channelFor(guildID)
	return in
}

// By sets who invoked the interaction.
func (in *Interaction) By(userID, username string) *Interaction {
	in.UserID, in.Username = userID, username
	return in
}

// DefaultPermissions are a plain member's permissions in the fake's
// channels: viewing, sending, embedding, reading history, using commands
// and the like, but neither Manage Server nor Administrator.
const DefaultPermissions = "2248473465835073"

// WithPermissions sets the member's permissions in the channel (a bit set
// of discordgo.Permission* values), as Discord computes them with roles and
// overwrites and sends them in member.permissions.
func (in *Interaction) WithPermissions(p int64) *Interaction {
	in.Permissions = strconv.FormatInt(p, 10)
	return in
}

type wireUser struct {
	ID            string `json:"id"`
	Username      string `json:"username"`
	Discriminator string `json:"discriminator"`
	GlobalName    string `json:"global_name"`
	Bot           bool   `json:"bot,omitempty"`
}

type wireMember struct {
	User        wireUser `json:"user"`
	Roles       []string `json:"roles"`
	Permissions string   `json:"permissions"`
	JoinedAt    string   `json:"joined_at"`
	Deaf        bool     `json:"deaf"`
	Mute        bool     `json:"mute"`
}

type wireInteraction struct {
	ID            string                           `json:"id"`
	ApplicationID string                           `json:"application_id"`
	Type          discordgo.InteractionType        `json:"type"`
	Token         string                           `json:"token"`
	Version       int                              `json:"version"`
	GuildID       string                           `json:"guild_id,omitempty"`
	GuildLocale   string                           `json:"guild_locale,omitempty"`
	ChannelID     string                           `json:"channel_id"`
	Locale        string                           `json:"locale"`
	Context       discordgo.InteractionContextType `json:"context"`
	Member        *wireMember                      `json:"member,omitempty"`
	User          *wireUser                        `json:"user,omitempty"`
	Data          any                              `json:"data"`
	Message       any                              `json:"message,omitempty"`
	Entitlements  []any                            `json:"entitlements"`
}

// MarshalJSON renders the INTERACTION_CREATE payload.
func (in *Interaction) MarshalJSON() ([]byte, error) {
	if in.Raw != nil {
		return in.Raw, nil
	}
	user := wireUser{ID: in.UserID, Username: in.Username, Discriminator: "0", GlobalName: in.Username, Bot: in.UserBot}
	w := wireInteraction{
		ID: in.ID, ApplicationID: in.ApplicationID, Type: in.Type, Token: in.Token, Version: 1,
		ChannelID: in.ChannelID, Locale: in.Locale, Data: in.Data, Message: in.Message, Entitlements: []any{},
	}
	if in.GuildID != "" {
		w.GuildID, w.GuildLocale, w.Context = in.GuildID, "en-US", discordgo.InteractionContextGuild
		perms := in.Permissions
		if perms == "" {
			perms = DefaultPermissions
		}
		w.Member = &wireMember{User: user, Roles: []string{}, Permissions: perms, JoinedAt: "2024-01-02T03:04:05.000000+00:00"}
	} else {
		w.Context, w.User = discordgo.InteractionContextBotDM, &user
	}
	return json.Marshal(w)
}

// DispatchInteraction sends in as INTERACTION_CREATE and starts its 3-second
// acknowledgement clock; it sets in.Sent.
func (s *Server) DispatchInteraction(in *Interaction) error {
	raw, err := in.MarshalJSON()
	if err != nil {
		return fmt.Errorf("discordtest: encoding interaction: %w", err)
	}
	if in.Raw != nil {
		in.Sent = time.Now()
		return s.Dispatch("INTERACTION_CREATE", json.RawMessage(raw))
	}
	p := &probe{ID: in.ID, Token: in.Token, Type: in.Type, GuildID: in.GuildID, ChannelID: in.ChannelID}
	if in.Message != nil {
		p.Message = mustJSON(in.Message)
	}
	in.Sent = time.Now()
	return s.dispatch("INTERACTION_CREATE", raw, p)
}

// probe is what the fake reads of every dispatched payload.
type probe struct {
	ID        string                    `json:"id"`
	Token     string                    `json:"token"`
	Type      discordgo.InteractionType `json:"type"`
	GuildID   string                    `json:"guild_id"`
	ChannelID string                    `json:"channel_id"`
	Message   json.RawMessage           `json:"message"`
}

// observe notes what the fake must know about a dispatched event: the
// interactions it has to track and the messages replies may reference.
func (s *Server) observe(event string, raw json.RawMessage, p *probe) {
	switch event {
	case "MESSAGE_CREATE":
		if p.ID != "" {
			s.mu.Lock()
			s.seen[p.ID] = p.ChannelID
			s.mu.Unlock()
		}
	case "INTERACTION_CREATE":
		if p.Token == "" {
			return
		}
		var msg struct {
			ID        string `json:"id"`
			ChannelID string `json:"channel_id"`
		}
		if len(p.Message) > 0 {
			_ = json.Unmarshal(p.Message, &msg)
		}
		s.mu.Lock()
		defer s.mu.Unlock()
		t := &tracked{
			id: p.ID, itype: p.Type, sent: time.Now(), deadline: s.cfg.callbackDeadline,
			channelID: p.ChannelID, guildID: p.GuildID, followups: map[string]bool{}, msgID: msg.ID,
		}
		if msg.ID != "" {
			if _, ok := s.messages[msg.ID]; !ok {
				// A message the fake has not seen: keep it so type 7 can edit it.
				s.messages[msg.ID] = &stored{id: msg.ID, channelID: msg.ChannelID, fields: patchOf(p.Message)}
			}
		}
		s.interactions[p.Token] = t
	}
}

func mustJSON(v any) json.RawMessage {
	b, _ := json.Marshal(v)
	return b
}

// A MessageEvent is a MESSAGE_CREATE payload under construction. Build one
// with Server.Mention or Server.DirectMessage and send it with
// Server.DispatchMessage.
type MessageEvent struct {
	ID         string
	ChannelID  string
	GuildID    string // "" for a DM
	Content    string
	AuthorID   string
	AuthorName string
	AuthorBot  bool
	Mentions   []string // user IDs mentioned
	// ReplyTo is the ID of the message this one replies to; Referenced is
	// that message as Discord sends it along (referenced_message).
	// DispatchMessage fills Referenced from the messages the bot sent.
	ReplyTo    string
	Referenced json.RawMessage
	Raw        json.RawMessage
}

// Mention builds a guild message that @mentions the bot: "<@BOT> text".
func (s *Server) Mention(text string) *MessageEvent {
	return &MessageEvent{
		ID: s.newID(), ChannelID: ChannelID, GuildID: GuildID,
		Content:  "<@" + BotUserID + "> " + text,
		AuthorID: UserID, AuthorName: Username, Mentions: []string{BotUserID},
	}
}

// Plain builds a guild message that does not mention the bot.
func (s *Server) Plain(text string) *MessageEvent {
	return &MessageEvent{
		ID: s.newID(), ChannelID: ChannelID, GuildID: GuildID,
		Content: text, AuthorID: UserID, AuthorName: Username,
	}
}

// DirectMessage builds a DM to the bot.
func (s *Server) DirectMessage(text string) *MessageEvent {
	return &MessageEvent{
		ID: s.newID(), ChannelID: DMChannelID, Content: text,
		AuthorID: UserID, AuthorName: Username,
	}
}

// Reply builds a message replying to to, a message the bot sent (usually
// Reply.Message of an earlier interaction, or what WaitMessageReply
// returned), as Discord sends it: type 19, with a message_reference and the
// replied-to message in referenced_message. Discord's "ping on reply" is on
// by default, so the bot is among the reply's mentions (its text does not
// name the bot); NoPing turns that off.
func (s *Server) Reply(to *Message, text string) *MessageEvent {
	var where struct {
		GuildID string `json:"guild_id"`
	}
	_ = json.Unmarshal(to.Raw, &where)
	return &MessageEvent{
		ID: s.newID(), ChannelID: to.ChannelID, GuildID: where.GuildID, Content: text,
		AuthorID: UserID, AuthorName: Username, Mentions: []string{BotUserID},
		ReplyTo: to.ID, Referenced: to.Raw,
	}
}

// NoPing turns off "ping on reply": the bot is no longer among the
// mentions. Without the Message Content intent, Discord then sends a guild
// reply's event with empty content.
func (m *MessageEvent) NoPing() *MessageEvent {
	var keep []string
	for _, id := range m.Mentions {
		if id != BotUserID {
			keep = append(keep, id)
		}
	}
	m.Mentions = keep
	return m
}

// FromSelf makes the bot itself the author.
func (m *MessageEvent) FromSelf() *MessageEvent {
	m.AuthorID, m.AuthorName, m.AuthorBot = BotUserID, BotUsername, true
	return m
}

// FromBot makes another bot the author.
func (m *MessageEvent) FromBot() *MessageEvent {
	m.AuthorID, m.AuthorName, m.AuthorBot = OtherBotID, "otherbot", true
	return m
}

// MarshalJSON renders the MESSAGE_CREATE payload.
func (m *MessageEvent) MarshalJSON() ([]byte, error) {
	if m.Raw != nil {
		return m.Raw, nil
	}
	author := map[string]any{"id": m.AuthorID, "username": m.AuthorName, "discriminator": "0"}
	if m.AuthorBot {
		author["bot"] = true
	}
	mentions := []any{}
	for _, id := range m.Mentions {
		u := map[string]any{"id": id, "username": "user", "discriminator": "0"}
		if id == BotUserID {
			u = botUser()
		}
		mentions = append(mentions, u)
	}
	out := map[string]any{
		"id": m.ID, "channel_id": m.ChannelID, "content": m.Content, "author": author,
		"type": 0, "tts": false, "mention_everyone": false, "mentions": mentions,
		"mention_roles": []any{}, "attachments": []any{}, "embeds": []any{}, "pinned": false,
		"timestamp": snowflakeTime(m.ID).Format(time.RFC3339Nano),
	}
	if m.GuildID != "" {
		out["guild_id"] = m.GuildID
		out["member"] = map[string]any{"roles": []any{}, "joined_at": "2024-01-02T03:04:05.000000+00:00", "deaf": false, "mute": false}
	}
	if m.ReplyTo != "" {
		ref := map[string]any{"type": 0, "message_id": m.ReplyTo, "channel_id": m.ChannelID}
		if m.GuildID != "" {
			ref["guild_id"] = m.GuildID
		}
		out["type"], out["message_reference"] = 19, ref
		out["referenced_message"] = json.RawMessage("null") // deleted, as Discord says it
		if len(m.Referenced) > 0 {
			out["referenced_message"] = m.Referenced
		}
	}
	return json.Marshal(out)
}

// DispatchMessage sends m as MESSAGE_CREATE, as Discord would to the bot:
// a reply carries the current state of the message it replies to (one the
// bot sent; replying to an ephemeral message is an error, as in Discord's
// client), and a guild message that neither mentions the bot nor comes from
// it arrives with empty content when the bot's IDENTIFY did not ask for the
// Message Content intent. m itself is left as it is.
func (s *Server) DispatchMessage(m *MessageEvent) error {
	ev := *m
	if ev.Raw == nil {
		if err := s.fillReply(&ev); err != nil {
			return err
		}
		if !s.contentVisible(&ev) {
			ev.Content = ""
		}
	}
	raw, err := ev.MarshalJSON()
	if err != nil {
		return fmt.Errorf("discordtest: encoding message: %w", err)
	}
	return s.Dispatch("MESSAGE_CREATE", json.RawMessage(raw))
}

// fillReply puts the current state of the message m replies to in
// m.Referenced.
func (s *Server) fillReply(m *MessageEvent) error {
	if m.ReplyTo == "" {
		return nil
	}
	s.mu.Lock()
	st, ok := s.messages[m.ReplyTo]
	var raw json.RawMessage
	if ok && !st.deleted {
		if st.flags()&int(discordgo.MessageFlagsEphemeral) != 0 {
			s.mu.Unlock()
			return fmt.Errorf("discordtest: message %s is ephemeral: no one can reply to it", m.ReplyTo)
		}
		raw = st.json()
	}
	s.mu.Unlock()
	if raw != nil {
		m.Referenced = raw
	}
	return nil
}

// contentVisible reports whether Discord would show the bot m's content:
// always in DMs, in its own messages and in messages that mention it, else
// only with the Message Content intent.
func (s *Server) contentVisible(m *MessageEvent) bool {
	if m.GuildID == "" || m.AuthorID == BotUserID {
		return true
	}
	for _, id := range m.Mentions {
		if id == BotUserID {
			return true
		}
	}
	ss, err := s.sessionFor(m.GuildID, -1)
	return err != nil || ss.intents&discordgo.IntentMessageContent != 0
}

// Track starts in's acknowledgement clock without sending it over the
// gateway: for interactions delivered another way (the HTTP endpoint), so
// that the fake still enforces the deadline and the single acknowledgement.
func (s *Server) Track(in *Interaction) {
	raw, err := in.MarshalJSON()
	if err != nil {
		return
	}
	in.Sent = time.Now()
	var p probe
	_ = json.Unmarshal(raw, &p)
	s.observe("INTERACTION_CREATE", raw, &p)
}

// Acknowledge hands the fake an interaction response that reached Discord
// other than through the callback endpoint: the body of the bot's answer to
// an HTTP interaction. The fake treats it exactly as a POST to
// /interactions/{id}/{token}/callback (checks, deadline, state, record), so
// that WaitReply, later edits and followups work as for the gateway. It
// returns the status the callback got.
func (s *Server) Acknowledge(in *Interaction, response []byte) (int, error) {
	u := s.URL() + APIPrefix + "/interactions/" + in.ID + "/" + in.Token + "/callback"
	resp, err := s.http.Client().Post(u, "application/json", bytes.NewReader(response))
	if err != nil {
		return 0, fmt.Errorf("discordtest: acknowledging %s: %w", in.ID, err)
	}
	defer resp.Body.Close()
	_, _ = io.Copy(io.Discard, resp.Body)
	return resp.StatusCode, nil
}
