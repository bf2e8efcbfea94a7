package discordtest

import (
	"encoding/json"
	"fmt"
	"math"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/bwmarrin/discordgo"
)

// The message handlers parse and check what the bot sent before taking the
// server's lock, hold it only to read and change state, and answer after
// releasing it, so that concurrent calls do not queue behind each other.

// A stored message is one the bot sent, kept so that edits merge and GETs
// return it. Its fields are guarded by Server.mu; render a clone outside it.
type stored struct {
	id, channelID, guildID string
	kind                   int // 0 default, 19 reply, 20 chat input command
	fields                 map[string]json.RawMessage
	deleted                bool
}

// messageFields are the payload keys a stored message keeps.
var messageFields = []string{"content", "embeds", "components", "flags", "message_reference", "tts", "attachments", "poll"}

// patchOf picks the message fields out of a payload.
func patchOf(body json.RawMessage) map[string]json.RawMessage {
	var in map[string]json.RawMessage
	_ = json.Unmarshal(body, &in)
	out := make(map[string]json.RawMessage, len(messageFields))
	for _, k := range messageFields {
		if v, ok := in[k]; ok {
			out[k] = v
		}
	}
	return out
}

func (m *stored) merge(patch map[string]json.RawMessage) {
	if m.fields == nil {
		m.fields = make(map[string]json.RawMessage, len(patch))
	}
	for k, v := range patch {
		m.fields[k] = v
	}
}

func (m *stored) clone() *stored {
	c := *m
	c.fields = make(map[string]json.RawMessage, len(m.fields))
	for k, v := range m.fields {
		c.fields[k] = v
	}
	return &c
}

// empty reports whether the message has nothing to show.
func (m *stored) empty() bool {
	for _, k := range []string{"content", "embeds", "components", "attachments", "poll"} {
		switch strings.TrimSpace(string(m.fields[k])) {
		case "", "null", `""`, "[]", "{}":
		default:
			return false
		}
	}
	return true
}

func (m *stored) flags() int {
	f, _ := strconv.Atoi(string(m.fields["flags"]))
	return f
}

func (m *stored) setFlags(f int) {
	m.merge(map[string]json.RawMessage{"flags": json.RawMessage(strconv.Itoa(f))})
}

func (m *stored) loading() bool { return m.flags()&int(discordgo.MessageFlagsLoading) != 0 }

// messageDefaults are what a message shows for fields the bot did not set,
// in the order they are rendered.
var messageDefaults = []struct{ key, value string }{
	{"content", `""`}, {"embeds", `[]`}, {"components", `[]`}, {"flags", `0`},
	{"tts", `false`}, {"attachments", `[]`}, {"message_reference", ``}, {"poll", ``},
	{"mentions", `[]`}, {"mention_roles", `[]`}, {"mention_everyone", `false`},
	{"pinned", `false`}, {"edited_timestamp", `null`},
}

var botUserJSON, _ = json.Marshal(botUser())

// json renders the message as Discord returns it. It appends the stored
// raw values as they are (they were checked on the way in) rather than
// re-encoding them.
func (m *stored) json() json.RawMessage {
	n := 400
	for _, v := range m.fields {
		n += len(v)
	}
	b := make([]byte, 0, n)
	str := func(key, v string) {
		b = append(b, ',', '"')
		b = append(b, key...)
		b = append(b, '"', ':')
		b = strconv.AppendQuote(b, v)
	}
	b = append(b, `{"id":`...)
	b = strconv.AppendQuote(b, m.id)
	str("channel_id", m.channelID)
	if m.guildID != "" {
		str("guild_id", m.guildID)
	}
	str("timestamp", snowflakeTime(m.id).Format(time.RFC3339Nano))
	b = append(b, `,"type":`...)
	b = strconv.AppendInt(b, int64(m.kind), 10)
	b = append(b, `,"author":`...)
	b = append(b, botUserJSON...)
	for _, d := range messageDefaults {
		v := d.value
		if raw, ok := m.fields[d.key]; ok && string(raw) != "null" {
			v = string(raw)
		}
		if v == "" {
			continue
		}
		b = append(b, ',', '"')
		b = append(b, d.key...)
		b = append(b, '"', ':')
		b = append(b, v...)
	}
	return append(b, '}')
}

func snowflakeTime(id string) time.Time {
	n, err := strconv.ParseInt(id, 10, 64)
	if err != nil || n < 1<<22 {
		return time.Now().UTC()
	}
	return time.UnixMilli((n >> 22) + 1420070400000).UTC()
}

// A tracked interaction is one the fake dispatched (or first saw in a
// callback): its deadline, whether it was acknowledged, and its messages.
type tracked struct {
	id        string
	itype     discordgo.InteractionType
	sent      time.Time
	deadline  time.Duration // 0: none
	acked     bool
	ackType   discordgo.InteractionResponseType
	channelID string
	guildID   string
	msgID     string // the component's message, for type 3
	original  string // ID of the original response message
	followups map[string]bool
}

func (s *Server) trackLocked(token, id string) *tracked {
	t, ok := s.interactions[token]
	if !ok {
		t = &tracked{id: id, sent: time.Now(), followups: map[string]bool{}}
		s.interactions[token] = t
	}
	return t
}

// takeRateLimit reports whether this callback is one RateLimitCallbacks
// asked to refuse, and for how long.
func (s *Server) takeRateLimit() (bool, time.Duration) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.limit429 <= 0 {
		return false, 0
	}
	s.limit429--
	return true, s.retryAfter
}

func (c *call) tooManyRequests(after time.Duration) {
	secs := after.Seconds()
	c.w.Header().Set("Retry-After", strconv.Itoa(int(math.Ceil(secs))))
	c.w.Header().Set("X-RateLimit-Scope", "user")
	c.w.Header().Set("X-RateLimit-Global", "false")
	c.json(http.StatusTooManyRequests, map[string]any{
		"message": "You are being rate limited.", "retry_after": secs, "global": false,
	})
}

func (s *Server) callback(c *call) {
	if limited, after := s.takeRateLimit(); limited {
		c.tooManyRequests(after)
		return
	}
	var d struct {
		Type discordgo.InteractionResponseType `json:"type"`
		Data *payload                          `json:"data"`
	}
	if err := json.Unmarshal(c.req.Body, &d); err != nil {
		if !json.Valid(c.req.Body) {
			c.finish(invalidJSON)
		} else {
			c.invalid([]string{fmt.Sprintf("callback: %v", err)})
		}
		return
	}
	c.req.CallbackType = d.Type
	p := payload{fields: map[string]json.RawMessage{}}
	if d.Data != nil {
		p = *d.Data
	}
	var vs []string
	var msg *stored                      // the message a type 4 or 5 creates
	var patch map[string]json.RawMessage // what a type 7 changes
	switch d.Type {
	case discordgo.InteractionResponseChannelMessageWithSource:
		vs = p.checkMessage("callback type 4")
		msg = &stored{kind: 20, fields: p.fields}
	case discordgo.InteractionResponseDeferredChannelMessageWithSource:
		flags := 0
		if p.Flags != nil {
			flags = *p.Flags
		}
		if flags&^int(discordgo.MessageFlagsEphemeral) != 0 {
			vs = append(vs, fmt.Sprintf("callback type 5: flags %d: only EPHEMERAL (64) is allowed on a deferred response", flags))
		}
		msg = &stored{kind: 20, fields: map[string]json.RawMessage{}}
		msg.setFlags(flags | int(discordgo.MessageFlagsLoading))
	case discordgo.InteractionResponseUpdateMessage:
		vs = p.checkMessage("callback type 7")
		patch = p.fields
	case discordgo.InteractionApplicationCommandAutocompleteResult:
		vs = checkChoices(p.Choices)
	}

	var result *stored
	s.mu.Lock()
	t := s.trackLocked(c.param("token"), c.param("id"))
	o := outcome{status: http.StatusNoContent}
	switch {
	case t.id != c.param("id"):
		o = unknownInteraction
	case t.acked:
		o = alreadyAcknowledged
	case t.deadline > 0 && time.Since(t.sent) > t.deadline:
		o = unknownInteraction
	default:
		if bad := validFor(d.Type, t.itype); bad != "" {
			vs = append(vs, bad)
		}
		switch {
		case len(vs) > 0:
			o = invalidForm
			c.req.Violations = vs
		case msg != nil && d.Type == discordgo.InteractionResponseChannelMessageWithSource && msg.empty():
			o = emptyMessage
		default:
			t.acked, t.ackType = true, d.Type
			switch d.Type {
			case discordgo.InteractionResponseChannelMessageWithSource,
				discordgo.InteractionResponseDeferredChannelMessageWithSource:
				msg.id, msg.channelID, msg.guildID = s.newID(), t.channelID, t.guildID
				result = msg.clone()
				s.messages[msg.id] = msg
				t.original = msg.id
			case discordgo.InteractionResponseUpdateMessage, discordgo.InteractionResponseDeferredMessageUpdate:
				t.original = t.msgID
				if m := s.messages[t.msgID]; m != nil && patch != nil {
					m.merge(patch)
					result = m.clone()
				}
			case discordgo.InteractionApplicationCommandAutocompleteResult:
				c.req.Result = p.raw
			}
		}
	}
	s.mu.Unlock()
	if result != nil {
		c.req.Result = result.json()
	}
	c.finish(o)
}

// validFor checks that a response type suits an interaction type; "" is fine.
func validFor(rt discordgo.InteractionResponseType, it discordgo.InteractionType) string {
	if it == 0 { // not dispatched by the fake: unknown
		return ""
	}
	ok := false
	switch rt {
	case discordgo.InteractionResponseChannelMessageWithSource,
		discordgo.InteractionResponseDeferredChannelMessageWithSource:
		ok = it == discordgo.InteractionApplicationCommand || it == discordgo.InteractionMessageComponent || it == discordgo.InteractionModalSubmit
	case discordgo.InteractionResponseDeferredMessageUpdate, discordgo.InteractionResponseUpdateMessage:
		ok = it == discordgo.InteractionMessageComponent || it == discordgo.InteractionModalSubmit
	case discordgo.InteractionApplicationCommandAutocompleteResult:
		ok = it == discordgo.InteractionApplicationCommandAutocomplete
	case discordgo.InteractionResponseModal:
		ok = it == discordgo.InteractionApplicationCommand || it == discordgo.InteractionMessageComponent
	}
	if ok {
		return ""
	}
	return fmt.Sprintf("callback type %d is not valid for interaction type %d", rt, it)
}

// editOf parses and checks a PATCH body: the fields it changes, or the
// outcome that refuses it.
func editOf(c *call, where string) (map[string]json.RawMessage, []string, bool) {
	var p payload
	if err := json.Unmarshal(c.req.Body, &p); err != nil {
		c.finish(invalidJSON)
		return nil, nil, false
	}
	return p.fields, p.checkMessage(where), true
}

// edit applies a checked PATCH to m. s.mu must be held.
func (s *Server) editLocked(c *call, m *stored, patch map[string]json.RawMessage, vs []string, endLoading bool) (outcome, *stored) {
	if len(vs) > 0 {
		c.req.Violations = vs
		return invalidForm, nil
	}
	next := m.clone()
	next.merge(patch)
	if next.empty() {
		return emptyMessage, nil
	}
	m.merge(patch)
	if endLoading && m.loading() {
		m.setFlags(m.flags() &^ int(discordgo.MessageFlagsLoading))
	}
	return outcome{status: http.StatusOK}, m.clone()
}

// webhookMessage serves GET, PATCH and DELETE of @original and followups.
func (s *Server) webhookMessage(c *call) {
	s.serveMessage(c, c.req.Route, c.req.Route == RouteOriginalEdit, s.webhookTargetLocked)
}

// serveMessage serves GET, PATCH (an edit checked as route editRoute) and
// DELETE of the stored message target resolves, or target's refusal.
// target is called with s.mu held.
func (s *Server) serveMessage(c *call, editRoute string, original bool, target func(*call) (*stored, outcome)) {
	var patch map[string]json.RawMessage
	var vs []string
	if c.req.Method == http.MethodPatch {
		var ok bool
		if patch, vs, ok = editOf(c, editRoute); !ok {
			return
		}
	}
	var result *stored
	s.mu.Lock()
	m, o := target(c)
	if m != nil {
		switch c.req.Method {
		case http.MethodGet:
			o, result = outcome{status: http.StatusOK}, m.clone()
		case http.MethodDelete:
			m.deleted = true
			o = outcome{status: http.StatusNoContent}
		case http.MethodPatch:
			o, result = s.editLocked(c, m, patch, vs, original)
		}
	}
	s.mu.Unlock()
	if result != nil {
		c.req.Result = result.json()
		o.body = c.req.Result
	}
	c.finish(o)
}

// webhookTargetLocked resolves the message a webhook route names, or the
// outcome that refuses the call. s.mu must be held.
func (s *Server) webhookTargetLocked(c *call) (*stored, outcome) {
	if c.param("app") != ApplicationID {
		c.req.Violations = append(c.req.Violations, fmt.Sprintf("%s: application %q is not the bot's (%s)", c.req.Route, c.param("app"), ApplicationID))
		return nil, unknownWebhook
	}
	t, ok := s.interactions[c.param("token")]
	if !ok || !t.acked {
		return nil, unknownWebhook
	}
	id := c.param("message")
	if id == "" {
		id = t.original
	} else if !t.followups[id] && id != t.original {
		return nil, unknownMessage
	}
	m := s.messages[id]
	if m == nil || m.deleted {
		return nil, unknownMessage
	}
	return m, outcome{}
}

func (s *Server) followup(c *call) {
	var p payload
	if err := json.Unmarshal(c.req.Body, &p); err != nil {
		c.finish(invalidJSON)
		return
	}
	vs := p.checkMessage("followup")
	patch := p.fields
	empty := p.empty() && c.req.Files == 0

	var result *stored
	s.mu.Lock()
	t, ok := s.interactions[c.param("token")]
	o := outcome{status: http.StatusOK}
	switch {
	case c.param("app") != ApplicationID:
		vs = append(vs, fmt.Sprintf("%s: application %q is not the bot's (%s)", c.req.Route, c.param("app"), ApplicationID))
		o = unknownWebhook
		c.req.Violations = vs
	case !ok || !t.acked:
		o = unknownWebhook
	case len(vs) > 0:
		o = invalidForm
		c.req.Violations = vs
	case empty:
		o = emptyMessage
	default:
		m := s.messages[t.original]
		if t.ackType == discordgo.InteractionResponseDeferredChannelMessageWithSource && m != nil && m.loading() {
			// The first followup after a defer fills in the loading
			// message (Discord's deprecated compatibility path).
			m.setFlags(m.flags() &^ int(discordgo.MessageFlagsLoading))
		} else {
			m = &stored{id: s.newID(), channelID: t.channelID, guildID: t.guildID, kind: 19, fields: map[string]json.RawMessage{}}
			s.messages[m.id] = m
			t.followups[m.id] = true
		}
		m.merge(patch)
		result = m.clone()
	}
	s.mu.Unlock()
	if result != nil {
		c.req.Result = result.json()
		o.body = c.req.Result
		if c.req.Query.Get("wait") != "true" {
			o.status = http.StatusNoContent
		}
	}
	c.finish(o)
}

func (s *Server) channelMessage(c *call) {
	var p payload
	if err := json.Unmarshal(c.req.Body, &p); err != nil {
		c.finish(invalidJSON)
		return
	}
	vs := p.checkMessage(RouteChannelMessage)
	patch := p.fields
	empty := p.empty() && c.req.Files == 0
	kind := 0
	if p.MessageReference != nil {
		kind = 19
	}

	var result *stored
	s.mu.Lock()
	if ref := p.MessageReference; ref != nil {
		known, ok := s.seen[ref.MessageID]
		switch {
		case ref.MessageID == "":
			vs = append(vs, "message_reference.message_id is required")
		case !ok && (ref.FailIfNotExists == nil || *ref.FailIfNotExists):
			vs = append(vs, fmt.Sprintf("message_reference: unknown message %s", ref.MessageID))
		case ok && known != c.param("channel"):
			vs = append(vs, fmt.Sprintf("message_reference: message %s is in channel %s, not %s", ref.MessageID, known, c.param("channel")))
		}
	}
	o := outcome{status: http.StatusOK}
	switch {
	case len(vs) > 0:
		o = invalidForm
		c.req.Violations = vs
	case empty:
		o = emptyMessage
	default:
		m := &stored{id: s.newID(), channelID: c.param("channel"), guildID: s.guildOf(c.param("channel")), kind: kind, fields: patch}
		result = m.clone()
		s.messages[m.id] = m
	}
	s.mu.Unlock()
	if result != nil {
		c.req.Result = result.json()
		o.body = c.req.Result
	}
	c.finish(o)
}

func (s *Server) channelMessageByID(c *call) {
	s.serveMessage(c, RouteMessageEdit, false, func(c *call) (*stored, outcome) {
		if m := s.messages[c.param("message")]; m != nil && !m.deleted && m.channelID == c.param("channel") {
			return m, outcome{}
		}
		return nil, unknownMessage
	})
}
