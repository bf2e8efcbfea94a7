package discordtest

import (
	"encoding/json"
	"fmt"
	"io"
	"mime"
	"mime/multipart"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/bwmarrin/discordgo"
)

// Routes the fake serves, as Request.Route reports them (method and path
// pattern under /api/v9).
const (
	RouteGateway          = "GET /gateway"
	RouteGatewayBot       = "GET /gateway/bot"
	RouteGlobalCommands   = "PUT /applications/{app}/commands"
	RouteGuildCommands    = "PUT /applications/{app}/guilds/{guild}/commands"
	RouteCallback         = "POST /interactions/{id}/{token}/callback"
	RouteOriginalGet      = "GET /webhooks/{app}/{token}/messages/@original"
	RouteOriginalEdit     = "PATCH /webhooks/{app}/{token}/messages/@original"
	RouteOriginalDelete   = "DELETE /webhooks/{app}/{token}/messages/@original"
	RouteFollowup         = "POST /webhooks/{app}/{token}"
	RouteFollowupGet      = "GET /webhooks/{app}/{token}/messages/{message}"
	RouteFollowupEdit     = "PATCH /webhooks/{app}/{token}/messages/{message}"
	RouteFollowupDelete   = "DELETE /webhooks/{app}/{token}/messages/{message}"
	RouteChannelMessage   = "POST /channels/{channel}/messages"
	RouteMessageGet       = "GET /channels/{channel}/messages/{message}"
	RouteMessageEdit      = "PATCH /channels/{channel}/messages/{message}"
	RouteMessageDelete    = "DELETE /channels/{channel}/messages/{message}"
	RouteTyping           = "POST /channels/{channel}/typing"
	RouteChannel          = "GET /channels/{channel}"
	RouteUserChannels     = "POST /users/@me/channels"
	RouteMe               = "GET /users/@me"
	RouteApplication      = "GET /applications/@me"
	RouteOAuthApplication = "GET /oauth2/applications/@me"
	RouteCommandsGet      = "GET /applications/{app}/commands"
	RouteGuildCommandsGet = "GET /applications/{app}/guilds/{guild}/commands"
	RouteCommandCreate    = "POST /applications/{app}/commands"
	RouteGuildCommandPost = "POST /applications/{app}/guilds/{guild}/commands"
	RouteCommandDelete    = "DELETE /applications/{app}/commands/{command}"
	RouteGuildCommandDel  = "DELETE /applications/{app}/guilds/{guild}/commands/{command}"
)

// Discord JSON error codes the fake answers with.
const (
	CodeUnknownMessage      = 10008
	CodeUnknownWebhook      = 10015
	CodeUnknownInteraction  = 10062
	CodeAlreadyAcknowledged = 40060
	CodeEmptyMessage        = 50006
	CodeInvalidFormBody     = 50035
	CodeInvalidJSON         = 50109
)

// A Request is one REST call the fake answered.
type Request struct {
	Seq    int // 1-based order of arrival
	Time   time.Time
	Method string
	Path   string // without /api/v9 and the query
	Route  string // one of the Route constants; "" for an unknown route
	Params map[string]string
	Query  url.Values
	Header http.Header
	Body   json.RawMessage // the JSON payload (payload_json of a multipart body)
	Files  int             // attached files in a multipart body

	// CallbackType is the response type of an interaction callback.
	CallbackType discordgo.InteractionResponseType

	Status     int      // the status the fake answered
	Code       int      // the Discord error code it answered, 0 on success
	Violations []string // the Discord limits the payload broke
	// Result is the message as stored after this request, for routes that
	// create or edit one (and for callbacks that carry a message).
	Result json.RawMessage
}

// Decode unmarshals the request body into v.
func (r Request) Decode(v any) error {
	if err := json.Unmarshal(r.Body, v); err != nil {
		return fmt.Errorf("discordtest: decoding %s body: %w", r.Route, err)
	}
	return nil
}

// OK reports whether the fake answered with a 2xx status.
func (r Request) OK() bool { return r.Status >= 200 && r.Status < 300 }

// A call is one REST request being answered.
type call struct {
	s   *Server
	w   http.ResponseWriter
	r   *http.Request
	req Request
}

func (c *call) param(name string) string { return c.req.Params[name] }

func (c *call) json(status int, v any) {
	c.req.Status = status
	c.w.Header().Set("Content-Type", "application/json")
	c.w.WriteHeader(status)
	_ = json.NewEncoder(c.w).Encode(v)
}

func (c *call) noContent() {
	c.req.Status = http.StatusNoContent
	c.w.WriteHeader(http.StatusNoContent)
}

// fail answers with a Discord-shaped error.
func (c *call) fail(status, code int, msg string) {
	c.req.Code = code
	body := map[string]any{"message": msg, "code": code}
	if len(c.req.Violations) > 0 && code == CodeInvalidFormBody {
		body["errors"] = map[string]any{"_errors": violationErrors(c.req.Violations)}
	}
	c.json(status, body)
}

// An outcome is how a handler answers, decided under the server's lock and
// written after it is released.
type outcome struct {
	status, code int
	msg          string
	body         json.RawMessage
}

func (c *call) finish(o outcome) {
	switch {
	case o.status >= 400:
		c.fail(o.status, o.code, o.msg)
	case o.status == http.StatusNoContent:
		c.noContent()
	default:
		c.json(o.status, o.body)
	}
}

var (
	unknownInteraction  = outcome{status: http.StatusNotFound, code: CodeUnknownInteraction, msg: "Unknown interaction"}
	alreadyAcknowledged = outcome{status: http.StatusBadRequest, code: CodeAlreadyAcknowledged, msg: "Interaction has already been acknowledged."}
	unknownWebhook      = outcome{status: http.StatusNotFound, code: CodeUnknownWebhook, msg: "Unknown Webhook"}
	unknownMessage      = outcome{status: http.StatusNotFound, code: CodeUnknownMessage, msg: "Unknown Message"}
	emptyMessage        = outcome{status: http.StatusBadRequest, code: CodeEmptyMessage, msg: "Cannot send an empty message"}
	invalidForm         = outcome{status: http.StatusBadRequest, code: CodeInvalidFormBody, msg: "Invalid Form Body"}
	invalidJSON         = outcome{status: http.StatusBadRequest, code: CodeInvalidJSON, msg: "The request body contains invalid JSON."}
)

func violationErrors(vs []string) []map[string]string {
	out := make([]map[string]string, len(vs))
	for i, v := range vs {
		out[i] = map[string]string{"code": "BASE_TYPE_INVALID", "message": v}
	}
	return out
}

// invalid records violations and answers 400 50035 when there are any.
func (c *call) invalid(vs []string) bool {
	if len(vs) == 0 {
		return false
	}
	c.req.Violations = append(c.req.Violations, vs...)
	c.fail(http.StatusBadRequest, CodeInvalidFormBody, "Invalid Form Body")
	return true
}

type auth int

const (
	authBot  auth = iota // needs "Authorization: Bot <token>"
	authNone             // interaction and webhook token routes
)

// handle registers route (a Route constant) under /api/v9.
func (s *Server) handle(mux *http.ServeMux, route string, a auth, h func(*call)) {
	method, path, _ := strings.Cut(route, " ")
	names := pathParams(path)
	mux.HandleFunc(method+" "+APIPrefix+path, func(w http.ResponseWriter, r *http.Request) {
		c := s.newCall(w, r, route)
		for _, n := range names {
			c.req.Params[n] = r.PathValue(n)
		}
		defer s.record(c)
		if c.req.Status != 0 { // the body could not be read
			return
		}
		if a == authBot && !s.authorized(r) {
			c.fail(http.StatusUnauthorized, 0, "401: Unauthorized")
			return
		}
		h(c)
	})
}

func pathParams(path string) []string {
	var out []string
	for _, seg := range strings.Split(path, "/") {
		if strings.HasPrefix(seg, "{") && strings.HasSuffix(seg, "}") {
			out = append(out, strings.Trim(seg, "{}"))
		}
	}
	return out
}

func (s *Server) authorized(r *http.Request) bool {
	h := r.Header.Get("Authorization")
	if !strings.HasPrefix(h, "Bot ") || s.revoked.Load() {
		return false
	}
	return s.cfg.token == "" || h == "Bot "+s.cfg.token
}

func (s *Server) newCall(w http.ResponseWriter, r *http.Request, route string) *call {
	c := &call{s: s, w: w, r: r, req: Request{
		Time:   time.Now(),
		Method: r.Method,
		Path:   strings.TrimPrefix(r.URL.Path, APIPrefix),
		Route:  route,
		Params: map[string]string{},
		Query:  r.URL.Query(),
		Header: r.Header.Clone(),
	}}
	body, files, err := readBody(r)
	if err != nil {
		c.fail(http.StatusBadRequest, CodeInvalidJSON, "The request body contains invalid JSON.")
		return c
	}
	c.req.Body, c.req.Files = body, files
	return c
}

// readBody returns the JSON payload of r: the body, or the payload_json part
// of a multipart body, and how many files came with it.
func readBody(r *http.Request) (json.RawMessage, int, error) {
	const max = 8 << 20
	mt, params, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if mt != "multipart/form-data" {
		b, err := io.ReadAll(io.LimitReader(r.Body, max))
		if err != nil {
			return nil, 0, fmt.Errorf("reading body: %w", err)
		}
		return b, 0, nil
	}
	mr := multipart.NewReader(r.Body, params["boundary"])
	var payload json.RawMessage
	files := 0
	for {
		p, err := mr.NextPart()
		if err == io.EOF {
			return payload, files, nil
		}
		if err != nil {
			return nil, 0, fmt.Errorf("reading multipart body: %w", err)
		}
		b, err := io.ReadAll(io.LimitReader(p, max))
		if err != nil {
			return nil, 0, fmt.Errorf("reading multipart part: %w", err)
		}
		if p.FormName() == "payload_json" {
			payload = b
		} else {
			files++
		}
	}
}

func (s *Server) record(c *call) {
	s.mu.Lock()
	defer s.mu.Unlock()
	c.req.Seq = s.forgotten + len(s.reqs) + 1
	s.reqs = append(s.reqs, c.req)
	s.notifyLocked()
}

func (s *Server) routes(mux *http.ServeMux) {
	s.handle(mux, RouteGateway, authNone, func(c *call) {
		c.json(http.StatusOK, map[string]any{"url": s.ws})
	})
	s.handle(mux, RouteGatewayBot, authBot, func(c *call) {
		if s.cfg.noGatewayBot {
			c.fail(http.StatusNotFound, 0, "404: Not Found")
			return
		}
		c.json(http.StatusOK, map[string]any{
			"url":    s.ws,
			"shards": s.cfg.shards,
			"session_start_limit": map[string]any{
				"total": 1000, "remaining": 999 - s.Identifies(), "reset_after": 14400000,
				"max_concurrency": s.cfg.maxConcurrency,
			},
		})
	})
	s.handle(mux, RouteMe, authBot, func(c *call) { c.json(http.StatusOK, botUser()) })
	app := func(c *call) {
		c.json(http.StatusOK, map[string]any{
			"id": ApplicationID, "name": BotUsername, "description": "", "bot_public": true,
			"flags": 0, "bot": botUser(), "owner": map[string]any{"id": UserID, "username": Username},
		})
	}
	s.handle(mux, RouteApplication, authBot, app)
	s.handle(mux, RouteOAuthApplication, authBot, app)

	s.handle(mux, RouteGlobalCommands, authBot, s.putCommands)
	s.handle(mux, RouteGuildCommands, authBot, s.putCommands)
	s.handle(mux, RouteCommandsGet, authBot, s.getCommands)
	s.handle(mux, RouteGuildCommandsGet, authBot, s.getCommands)
	s.handle(mux, RouteCommandCreate, authBot, s.postCommand)
	s.handle(mux, RouteGuildCommandPost, authBot, s.postCommand)
	s.handle(mux, RouteCommandDelete, authBot, func(c *call) { c.noContent() })
	s.handle(mux, RouteGuildCommandDel, authBot, func(c *call) { c.noContent() })

	s.handle(mux, RouteCallback, authNone, s.callback)
	s.handle(mux, RouteOriginalGet, authNone, s.webhookMessage)
	s.handle(mux, RouteOriginalEdit, authNone, s.webhookMessage)
	s.handle(mux, RouteOriginalDelete, authNone, s.webhookMessage)
	s.handle(mux, RouteFollowup, authNone, s.followup)
	s.handle(mux, RouteFollowupGet, authNone, s.webhookMessage)
	s.handle(mux, RouteFollowupEdit, authNone, s.webhookMessage)
	s.handle(mux, RouteFollowupDelete, authNone, s.webhookMessage)

	s.handle(mux, RouteChannelMessage, authBot, s.channelMessage)
	s.handle(mux, RouteMessageGet, authBot, s.channelMessageByID)
	s.handle(mux, RouteMessageEdit, authBot, s.channelMessageByID)
	s.handle(mux, RouteMessageDelete, authBot, s.channelMessageByID)
	s.handle(mux, RouteTyping, authBot, func(c *call) { c.noContent() })
	s.handle(mux, RouteChannel, authBot, func(c *call) {
		id := c.param("channel")
		ch := map[string]any{"id": id, "type": 0, "name": "general", "guild_id": GuildID}
		if id == DMChannelID || strings.HasPrefix(id, "dm-") {
			ch = map[string]any{"id": id, "type": 1, "recipients": []any{map[string]any{"id": UserID, "username": Username}}}
		}
		c.json(http.StatusOK, ch)
	})
	s.handle(mux, RouteUserChannels, authBot, func(c *call) {
		var d struct {
			RecipientID string `json:"recipient_id"`
		}
		if json.Unmarshal(c.req.Body, &d) != nil || d.RecipientID == "" {
			c.req.Violations = append(c.req.Violations, "POST /users/@me/channels: recipient_id is required")
			c.fail(http.StatusBadRequest, CodeInvalidFormBody, "Invalid Form Body")
			return
		}
		c.json(http.StatusOK, map[string]any{
			"id": dmChannelFor(d.RecipientID), "type": 1,
			"recipients": []any{map[string]any{"id": d.RecipientID, "username": "user"}},
		})
	})

	// Everything else is a route the fake does not know: 404, recorded as
	// unexpected.
	mux.HandleFunc(APIPrefix+"/", func(w http.ResponseWriter, r *http.Request) {
		c := s.newCall(w, r, "")
		defer s.record(c)
		c.fail(http.StatusNotFound, 0, "404: Not Found")
	})
}

// dmChannelFor is the DM channel between the bot and a user.
func dmChannelFor(userID string) string {
	if userID == UserID {
		return DMChannelID
	}
	return "dm-" + userID
}

// Commands returns the last command list the bot registered: globally when
// guildID is "", else on that guild. ok is false when it never registered.
func (s *Server) Commands(guildID string) (cmds []*discordgo.ApplicationCommand, ok bool) {
	s.mu.Lock()
	raw, ok := s.commands[guildID]
	s.mu.Unlock()
	if !ok {
		return nil, false
	}
	if err := json.Unmarshal(raw, &cmds); err != nil {
		return nil, false
	}
	return cmds, true
}

func (s *Server) putCommands(c *call) {
	if c.param("app") != ApplicationID {
		c.fail(http.StatusForbidden, 50001, "Missing Access")
		return
	}
	var cmds []map[string]any
	if err := json.Unmarshal(c.req.Body, &cmds); err != nil {
		c.fail(http.StatusBadRequest, CodeInvalidJSON, "The request body contains invalid JSON.")
		return
	}
	if c.invalid(checkCommands(c.req.Body)) {
		return
	}
	for _, cmd := range cmds {
		s.fillCommand(cmd, c.param("guild"))
	}
	out, _ := json.Marshal(cmds)
	s.mu.Lock()
	s.commands[c.param("guild")] = out
	s.mu.Unlock()
	c.json(http.StatusOK, json.RawMessage(out))
}

func (s *Server) fillCommand(cmd map[string]any, guild string) {
	cmd["id"] = s.newID()
	cmd["application_id"] = ApplicationID
	cmd["version"] = s.newID()
	if _, ok := cmd["type"]; !ok {
		cmd["type"] = 1
	}
	if guild != "" {
		cmd["guild_id"] = guild
	}
}

func (s *Server) getCommands(c *call) {
	s.mu.Lock()
	raw, ok := s.commands[c.param("guild")]
	s.mu.Unlock()
	if !ok {
		raw = json.RawMessage(`[]`)
	}
	c.json(http.StatusOK, json.RawMessage(raw))
}

func (s *Server) postCommand(c *call) {
	var cmd map[string]any
	if err := json.Unmarshal(c.req.Body, &cmd); err != nil {
		c.fail(http.StatusBadRequest, CodeInvalidJSON, "The request body contains invalid JSON.")
		return
	}
	if c.invalid(checkCommands([]byte("[" + string(c.req.Body) + "]"))) {
		return
	}
	s.fillCommand(cmd, c.param("guild"))
	c.json(http.StatusCreated, cmd)
}

// Requests returns every REST call answered so far, in order.
func (s *Server) Requests() []Request {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Request(nil), s.reqs...)
}

// RequestCount is how many REST calls the fake has answered; a Request's Seq
// is its position in that count.
func (s *Server) RequestCount() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.forgotten + len(s.reqs)
}

// Forget drops what the fake has recorded so far (requests, interactions,
// the messages the bot sent) so that a long benchmark does not grow without
// bound; Seq numbers carry on. Problems among the dropped requests are no
// longer reported at cleanup, and buttons on forgotten messages act as on
// messages the fake never saw.
func (s *Server) Forget() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.forgotten += len(s.reqs)
	s.reqs = nil
	s.accepted = 0
	s.interactions = make(map[string]*tracked)
	s.messages = make(map[string]*stored)
	s.seen = make(map[string]string)
}

// Unexpected returns the REST calls to routes the fake does not know.
func (s *Server) Unexpected() []Request {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []Request
	for _, r := range s.reqs {
		if r.Route == "" {
			out = append(out, r)
		}
	}
	return out
}

// Violations returns every broken Discord limit, one line each, naming the
// request.
func (s *Server) Violations() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []string
	for _, r := range s.reqs {
		for _, v := range r.Violations {
			out = append(out, fmt.Sprintf("%s %s: %s", r.Method, redact(r.Path), v))
		}
	}
	return out
}

// redact hides interaction tokens in a path.
func redact(path string) string {
	parts := strings.Split(path, "/")
	if len(parts) > 3 && (parts[1] == "interactions" || parts[1] == "webhooks") {
		parts[3] = "<token>"
	}
	return strings.Join(parts, "/")
}
