package discordtest

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"time"

	"github.com/bwmarrin/discordgo"
)

// A Message is what the bot showed: an interaction response, a webhook edit
// or followup, or a channel message, decoded with discordgo's types.
type Message struct {
	ID              string
	ChannelID       string
	Content         string
	Embeds          []*discordgo.MessageEmbed
	Components      []discordgo.MessageComponent
	Flags           discordgo.MessageFlags
	AllowedMentions *discordgo.MessageAllowedMentions
	Reference       *discordgo.MessageReference
	Choices         []*discordgo.ApplicationCommandOptionChoice
	Raw             json.RawMessage
}

// DecodeMessage decodes a message or callback data object.
func DecodeMessage(raw json.RawMessage) (*Message, error) {
	var dm discordgo.Message
	if err := json.Unmarshal(raw, &dm); err != nil {
		return nil, fmt.Errorf("discordtest: decoding message: %w", err)
	}
	var extra struct {
		AllowedMentions *discordgo.MessageAllowedMentions           `json:"allowed_mentions"`
		Choices         []*discordgo.ApplicationCommandOptionChoice `json:"choices"`
	}
	if err := json.Unmarshal(raw, &extra); err != nil {
		return nil, fmt.Errorf("discordtest: decoding message: %w", err)
	}
	return &Message{
		ID: dm.ID, ChannelID: dm.ChannelID, Content: dm.Content, Embeds: dm.Embeds,
		Components: dm.Components, Flags: dm.Flags, AllowedMentions: extra.AllowedMentions,
		Reference: dm.MessageReference, Choices: extra.Choices, Raw: raw,
	}, nil
}

// Ephemeral reports whether only the invoking user sees the message.
func (m *Message) Ephemeral() bool { return m.Flags&discordgo.MessageFlagsEphemeral != 0 }

// Buttons returns every button on the message, row by row.
func (m *Message) Buttons() []discordgo.Button {
	var out []discordgo.Button
	var walk func([]discordgo.MessageComponent)
	walk = func(cs []discordgo.MessageComponent) {
		for _, c := range cs {
			switch c := c.(type) {
			case *discordgo.ActionsRow:
				walk(c.Components)
			case discordgo.ActionsRow:
				walk(c.Components)
			case *discordgo.Button:
				out = append(out, *c)
			case discordgo.Button:
				out = append(out, c)
			}
		}
	}
	walk(m.Components)
	return out
}

// Button returns the first button whose label contains label (any case).
func (m *Message) Button(label string) (discordgo.Button, bool) {
	for _, b := range m.Buttons() {
		if strings.Contains(strings.ToLower(b.Label), strings.ToLower(label)) {
			return b, true
		}
	}
	return discordgo.Button{}, false
}

// Text is everything readable in the message, for substring checks: content,
// then each embed's author, title, description, fields and footer, then the
// autocomplete choices, one per line.
func (m *Message) Text() string {
	var b strings.Builder
	line := func(s string) {
		if s != "" {
			b.WriteString(s)
			b.WriteByte('\n')
		}
	}
	line(m.Content)
	for _, e := range m.Embeds {
		if e.Author != nil {
			line(e.Author.Name)
		}
		line(e.Title)
		line(e.Description)
		for _, f := range e.Fields {
			line(f.Name)
			line(f.Value)
		}
		if e.Footer != nil {
			line(e.Footer.Text)
		}
	}
	for _, c := range m.Choices {
		line(c.Name)
	}
	return b.String()
}

// WaitFor returns the first recorded request, past or future, for which
// match is true.
func (s *Server) WaitFor(ctx context.Context, match func(Request) bool) (Request, error) {
	var found Request
	next := 0 // Seq-1 of the next request to look at
	err := s.waitUntil(ctx, func() bool {
		for i := max(next-s.forgotten, 0); i < len(s.reqs); i++ {
			next = s.forgotten + i + 1
			if match(s.reqs[i]) {
				found = s.reqs[i]
				return true
			}
		}
		return false
	})
	return found, err
}

// ForToken matches the requests about one interaction token on the given
// routes (any route when none given).
func ForToken(token string, routes ...string) func(Request) bool {
	return func(r Request) bool {
		if r.Params["token"] != token {
			return false
		}
		if len(routes) == 0 {
			return true
		}
		for _, rt := range routes {
			if r.Route == rt {
				return true
			}
		}
		return false
	}
}

// ReplyTo matches a successful channel message that replies to messageID.
func ReplyTo(messageID string) func(Request) bool {
	return func(r Request) bool {
		return r.Route == RouteChannelMessage && r.OK() && refersTo(r, messageID)
	}
}

// refersTo reports whether a request's message_reference names messageID.
func refersTo(r Request, messageID string) bool {
	var b struct {
		Ref *struct {
			MessageID string `json:"message_id"`
		} `json:"message_reference"`
	}
	return json.Unmarshal(r.Body, &b) == nil && b.Ref != nil && b.Ref.MessageID == messageID
}

// InChannel matches a successful channel message posted to channelID.
func InChannel(channelID string) func(Request) bool {
	return func(r Request) bool {
		return r.Route == RouteChannelMessage && r.OK() && r.Params["channel"] == channelID
	}
}

// RequestsFor returns the requests recorded so far that match.
func (s *Server) RequestsFor(match func(Request) bool) []Request {
	var out []Request
	for _, r := range s.Requests() {
		if match(r) {
			out = append(out, r)
		}
	}
	return out
}

// A Reply is how the bot answered one interaction.
type Reply struct {
	Interaction *Interaction
	// Type is the accepted callback's type: 4 message, 5 deferred then
	// edited, 6 deferred update, 7 update, 8 autocomplete choices, 9 modal.
	Type discordgo.InteractionResponseType
	// Ephemeral is true when only the invoking user sees the reply.
	Ephemeral bool
	// Callback is the accepted interaction callback; Final the request that
	// carried what the user sees (the callback itself, or for a deferred
	// response the first edit of the original or followup).
	Callback, Final Request
	// Attempts counts callback requests, including refused ones (429).
	Attempts int
	// Message is the message as shown after Final (Choices for type 8).
	Message *Message
	// Latency is from dispatch to the accepted callback; Total from
	// dispatch to Final.
	Latency, Total time.Duration
}

// WaitReply waits until the bot has answered in: an accepted callback and,
// for deferred responses, the edit or followup that fills it in.
func (s *Server) WaitReply(ctx context.Context, in *Interaction) (*Reply, error) {
	// The first callback that is not a 429 settles it: accepted, or refused
	// for good (over a limit, too late, ...), which fails at once.
	cb, err := s.WaitFor(ctx, func(r Request) bool {
		return r.Route == RouteCallback && r.Params["token"] == in.Token && r.Status != http.StatusTooManyRequests
	})
	if err != nil {
		return nil, fmt.Errorf("discordtest: no accepted callback for interaction %s: %w", in.ID, err)
	}
	if !cb.OK() {
		return nil, fmt.Errorf("discordtest: interaction %s: %w", in.ID, refused(cb))
	}
	var d struct {
		Type discordgo.InteractionResponseType `json:"type"`
		Data *struct {
			Flags discordgo.MessageFlags `json:"flags"`
		} `json:"data"`
	}
	if err := cb.Decode(&d); err != nil {
		return nil, err
	}
	rep := &Reply{Interaction: in, Type: d.Type, Callback: cb, Final: cb}
	if d.Data != nil {
		rep.Ephemeral = d.Data.Flags&discordgo.MessageFlagsEphemeral != 0
	}
	switch d.Type {
	case discordgo.InteractionResponseDeferredChannelMessageWithSource, discordgo.InteractionResponseDeferredMessageUpdate:
		rep.Final, err = s.WaitFor(ctx, func(r Request) bool {
			return r.Seq > cb.Seq && r.Params["token"] == in.Token && r.Status != http.StatusTooManyRequests &&
				(r.Route == RouteOriginalEdit || r.Route == RouteFollowup)
		})
		if err != nil {
			return nil, fmt.Errorf("discordtest: interaction %s deferred but never edited: %w", in.ID, err)
		}
		if !rep.Final.OK() {
			return nil, fmt.Errorf("discordtest: interaction %s: %w", in.ID, refused(rep.Final))
		}
	}
	rep.Attempts = len(s.RequestsFor(ForToken(in.Token, RouteCallback)))
	raw := rep.Final.Result
	if raw == nil {
		raw = rep.Final.Body
		if rep.Final.Route == RouteCallback {
			var cbd struct {
				Data json.RawMessage `json:"data"`
			}
			_ = json.Unmarshal(raw, &cbd)
			raw = cbd.Data
		}
	}
	if len(raw) == 0 || string(raw) == "null" {
		raw = json.RawMessage(`{}`)
	}
	if rep.Message, err = DecodeMessage(raw); err != nil {
		return nil, err
	}
	if rep.Message.AllowedMentions == nil {
		rep.Message.AllowedMentions = allowedMentionsOf(rep.Final)
	}
	if d.Type == discordgo.InteractionResponseUpdateMessage || d.Type == discordgo.InteractionResponseDeferredMessageUpdate {
		rep.Ephemeral = rep.Message.Ephemeral()
	}
	if !in.Sent.IsZero() {
		rep.Latency = cb.Time.Sub(in.Sent)
		rep.Total = rep.Final.Time.Sub(in.Sent)
	}
	return rep, nil
}

// A RefusedError is a request the fake refused.
type RefusedError struct{ Request Request }

func (e *RefusedError) Error() string {
	r := e.Request
	msg := fmt.Sprintf("%s %s refused: %d (code %d)", r.Method, redact(r.Path), r.Status, r.Code)
	if len(r.Violations) > 0 {
		msg += ": " + strings.Join(r.Violations, "; ")
	}
	return msg
}

func refused(r Request) error { return &RefusedError{Request: r} }

// WaitMessageReply waits for the bot's channel message replying to m and
// returns it.
func (s *Server) WaitMessageReply(ctx context.Context, m *MessageEvent) (*Message, Request, error) {
	r, err := s.WaitFor(ctx, func(r Request) bool {
		return r.Route == RouteChannelMessage && r.Status != http.StatusTooManyRequests && refersTo(r, m.ID)
	})
	if err != nil {
		return nil, r, fmt.Errorf("discordtest: no reply to message %s: %w", m.ID, err)
	}
	if !r.OK() {
		return nil, r, fmt.Errorf("discordtest: reply to message %s: %w", m.ID, refused(r))
	}
	msg, err := DecodeMessage(r.Result)
	if err != nil {
		return nil, r, err
	}
	if msg.AllowedMentions == nil {
		msg.AllowedMentions = allowedMentionsOf(r)
	}
	return msg, r, nil
}

// allowedMentionsOf returns the allowed_mentions a request sent (inside
// "data" for a callback), nil when it sent none.
func allowedMentionsOf(r Request) *discordgo.MessageAllowedMentions {
	body := r.Body
	if r.Route == RouteCallback {
		var cb struct {
			Data json.RawMessage `json:"data"`
		}
		if json.Unmarshal(body, &cb) != nil {
			return nil
		}
		body = cb.Data
	}
	var extra struct {
		AllowedMentions *discordgo.MessageAllowedMentions `json:"allowed_mentions"`
	}
	if json.Unmarshal(body, &extra) != nil {
		return nil
	}
	return extra.AllowedMentions
}
