package discordtest

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/bwmarrin/discordgo"
	"github.com/gorilla/websocket"
)

// historySize is how many dispatches a session keeps for RESUME replay.
const historySize = 1024

// writeTimeout bounds every gateway write, so a client that stopped reading
// cannot wedge the fake.
const writeTimeout = 5 * time.Second

// A conn is one gateway websocket. gorilla/websocket allows one writer at a
// time, so every write goes through wmu.
type conn struct {
	ws      *websocket.Conn
	wmu     sync.Mutex
	session atomic.Pointer[session]
}

func (c *conn) write(b []byte) error {
	c.wmu.Lock()
	defer c.wmu.Unlock()
	if err := c.ws.SetWriteDeadline(time.Now().Add(writeTimeout)); err != nil {
		return fmt.Errorf("discordtest: gateway write: %w", err)
	}
	if err := c.ws.WriteMessage(websocket.TextMessage, b); err != nil {
		return fmt.Errorf("discordtest: gateway write: %w", err)
	}
	return nil
}

func (c *conn) op(op int, d any) error {
	b, err := json.Marshal(map[string]any{"op": op, "d": d, "s": nil, "t": nil})
	if err != nil {
		return fmt.Errorf("discordtest: encoding op %d: %w", op, err)
	}
	return c.write(b)
}

// closeWith sends a close frame with code and reason, then closes the socket.
func (c *conn) closeWith(code int, reason string) {
	c.wmu.Lock()
	_ = c.ws.WriteControl(websocket.CloseMessage, websocket.FormatCloseMessage(code, reason), time.Now().Add(time.Second))
	c.wmu.Unlock()
	c.ws.Close()
}

// A session is one identified gateway session. It outlives its connection so
// that a RESUME can pick it up and replay what the client missed.
type session struct {
	id      string
	token   string
	shard   [2]int
	intents discordgo.Intent

	conn    atomic.Pointer[conn] // nil while disconnected
	invalid atomic.Bool

	mu      sync.Mutex // orders dispatches: seq, history and the write
	seq     int64
	history []frame
}

type frame struct {
	seq  int64
	data []byte
}

func (ss *session) live() bool { return ss.conn.Load() != nil && !ss.invalid.Load() }

// dispatch sends an op 0 event, or keeps it for replay when disconnected.
func (ss *session) dispatch(event string, d json.RawMessage) error {
	ss.mu.Lock()
	defer ss.mu.Unlock()
	f, err := ss.frameLocked(event, d)
	if err != nil {
		return err
	}
	if c := ss.conn.Load(); c != nil {
		// A failed write is not an error for the caller: the client
		// reconnects, RESUMEs and gets the event replayed.
		_ = c.write(f.data)
	}
	return nil
}

func (ss *session) frameLocked(event string, d json.RawMessage) (frame, error) {
	ss.seq++
	t, _ := json.Marshal(event)
	b := make([]byte, 0, len(d)+len(t)+40)
	b = append(b, `{"op":0,"s":`...)
	b = strconv.AppendInt(b, ss.seq, 10)
	b = append(b, `,"t":`...)
	b = append(b, t...)
	b = append(b, `,"d":`...)
	b = append(b, d...)
	b = append(b, '}')
	f := frame{seq: ss.seq, data: b}
	ss.history = append(ss.history, f)
	if len(ss.history) > historySize {
		ss.history = append(ss.history[:0:0], ss.history[len(ss.history)-historySize:]...)
	}
	return f, nil
}

func (s *Server) serveGateway(w http.ResponseWriter, r *http.Request) {
	if s.refuse.Load() {
		http.Error(w, "gateway unavailable", http.StatusServiceUnavailable)
		return
	}
	up := websocket.Upgrader{CheckOrigin: func(*http.Request) bool { return true }}
	ws, err := up.Upgrade(w, r, nil)
	if err != nil {
		return // Upgrade has answered the client
	}
	c := &conn{ws: ws}
	s.mu.Lock()
	if s.closed {
		s.mu.Unlock()
		ws.Close()
		return
	}
	s.conns[c] = struct{}{}
	s.notifyLocked()
	s.mu.Unlock()
	defer func() {
		ws.Close()
		s.mu.Lock()
		delete(s.conns, c)
		if ss := c.session.Load(); ss != nil {
			ss.conn.CompareAndSwap(c, nil)
		}
		s.notifyLocked()
		s.mu.Unlock()
	}()

	if err := c.op(10, map[string]any{"heartbeat_interval": s.cfg.heartbeat.Milliseconds()}); err != nil {
		return
	}
	for {
		_, data, err := ws.ReadMessage()
		if err != nil {
			var ce *websocket.CloseError
			if errors.As(err, &ce) {
				s.mu.Lock()
				s.clientCloses = append(s.clientCloses, ce.Code)
				s.notifyLocked()
				s.mu.Unlock()
				// Discord invalidates the session when the client closes
				// with 1000 or 1001; any other code keeps it resumable.
				if ss := c.session.Load(); ss != nil && (ce.Code == websocket.CloseNormalClosure || ce.Code == websocket.CloseGoingAway) {
					ss.invalid.Store(true)
				}
			}
			return
		}
		var in struct {
			Op int             `json:"op"`
			D  json.RawMessage `json:"d"`
		}
		if err := json.Unmarshal(data, &in); err != nil {
			c.closeWith(4002, "Error while decoding payload.")
			return
		}
		switch in.Op {
		case 1:
			s.mu.Lock()
			s.heartbeats++
			s.mu.Unlock()
			if err := c.op(11, nil); err != nil {
				return
			}
		case 2:
			if !s.identify(c, in.D) {
				return
			}
		case 6:
			if !s.resume(c, in.D) {
				return
			}
		default:
			// Presence updates, member requests and the like: accepted, ignored.
		}
	}
}

// identify handles op 2; false means the connection was closed.
func (s *Server) identify(c *conn, raw json.RawMessage) bool {
	var d struct {
		Token   string           `json:"token"`
		Intents discordgo.Intent `json:"intents"`
		Shard   *[2]int          `json:"shard"`
	}
	if err := json.Unmarshal(raw, &d); err != nil {
		c.closeWith(4002, "Error while decoding payload.")
		return false
	}
	id := Identify{Token: d.Token, Intents: d.Intents, Shard: [2]int{0, 1}, Time: time.Now()}
	if d.Shard != nil {
		id.Shard = *d.Shard
	}
	s.mu.Lock()
	s.identifies = append(s.identifies, id)
	s.notifyLocked()
	s.mu.Unlock()

	switch {
	case s.cfg.rejectToken || s.revoked.Load() || (s.cfg.token != "" && d.Token != "Bot "+s.cfg.token):
		c.closeWith(CloseAuthenticationFailed, "Authentication failed.")
		return false
	case d.Intents&s.cfg.refuse != 0:
		c.closeWith(CloseDisallowedIntents, "Disallowed intent(s).")
		return false
	case id.Shard[1] < 1 || id.Shard[0] < 0 || id.Shard[0] >= id.Shard[1]:
		c.closeWith(CloseInvalidShard, "Invalid shard.")
		return false
	}
	if old := c.session.Load(); old != nil {
		// A second IDENTIFY on the same socket (after op 9) starts over.
		old.invalid.Store(true)
	}

	ss := &session{id: "sess-" + s.newID(), token: d.Token, shard: id.Shard, intents: d.Intents}
	var guilds []map[string]any
	for _, g := range s.cfg.guilds {
		if shardOf(g, id.Shard[1]) == id.Shard[0] {
			guilds = append(guilds, map[string]any{"id": g, "unavailable": true})
		}
	}
	ready := map[string]any{
		"v":                  9,
		"session_id":         ss.id,
		"resume_gateway_url": s.ws,
		"user":               botUser(),
		"application":        map[string]any{"id": ApplicationID, "flags": 0},
		"guilds":             guilds,
		"private_channels":   []any{},
	}
	if d.Shard != nil {
		ready["shard"] = id.Shard
	}
	b, err := json.Marshal(ready)
	if err != nil {
		return false
	}
	// The session is registered before READY goes out, so that a test
	// dispatching as soon as the client has READY finds it; holding ss.mu
	// keeps any such dispatch behind READY on the wire.
	ss.mu.Lock()
	c.session.Store(ss)
	ss.conn.Store(c)
	s.mu.Lock()
	s.sessions = append(s.sessions, ss)
	s.notifyLocked()
	s.mu.Unlock()
	f, err := ss.frameLocked("READY", b)
	if err == nil {
		err = c.write(f.data)
	}
	ss.mu.Unlock()
	if err != nil {
		return false
	}

	if d.Intents&discordgo.IntentGuilds != 0 {
		for _, g := range guilds {
			gid := g["id"].(string)
			gc, _ := json.Marshal(guildCreate(gid))
			if err := ss.dispatch("GUILD_CREATE", gc); err != nil {
				return false
			}
		}
	}
	return true
}

// resume handles op 6; false means the connection was closed.
func (s *Server) resume(c *conn, raw json.RawMessage) bool {
	var d struct {
		Token     string `json:"token"`
		SessionID string `json:"session_id"`
		Seq       int64  `json:"seq"`
	}
	if err := json.Unmarshal(raw, &d); err != nil {
		c.closeWith(4002, "Error while decoding payload.")
		return false
	}
	if s.revoked.Load() {
		c.closeWith(CloseAuthenticationFailed, "Authentication failed.")
		return false
	}
	s.mu.Lock()
	var ss *session
	for _, x := range s.sessions {
		if x.id == d.SessionID {
			ss = x
		}
	}
	s.mu.Unlock()
	if ss == nil || ss.invalid.Load() || ss.token != d.Token {
		// Invalid session, not resumable: the client must IDENTIFY again.
		return c.op(9, false) == nil
	}

	ss.mu.Lock()
	c.session.Store(ss)
	if old := ss.conn.Swap(c); old != nil && old != c {
		old.ws.Close()
	}
	// Replay what the client missed, then RESUMED, as Discord does.
	for _, f := range ss.history {
		if f.seq > d.Seq {
			if err := c.write(f.data); err != nil {
				ss.mu.Unlock()
				return false
			}
		}
	}
	f, _ := ss.frameLocked("RESUMED", json.RawMessage(`{}`))
	err := c.write(f.data)
	ss.mu.Unlock()
	if err != nil {
		return false
	}
	s.mu.Lock()
	s.resumes++
	s.notifyLocked()
	s.mu.Unlock()
	return true
}

// shardOf is Discord's sharding formula: (guild_id >> 22) % count; events
// without a guild go to shard 0.
func shardOf(guildID string, count int) int {
	if guildID == "" || count <= 1 {
		return 0
	}
	id, err := strconv.ParseUint(guildID, 10, 64)
	if err != nil {
		return 0
	}
	return int((id >> 22) % uint64(count))
}

// GuildOnShard returns a guild ID that Discord would route to shard of count.
func GuildOnShard(shard, count int) string {
	for k := uint64(300_000_000_000); ; k++ {
		id := k<<22 | 7
		if count <= 1 || int((id>>22)%uint64(count)) == shard {
			return strconv.FormatUint(id, 10)
		}
	}
}

// sessionFor picks the newest valid session serving the shard guildID maps
// to. A session whose socket dropped still counts: events wait for RESUME.
func (s *Server) sessionFor(guildID string, shard int) (*session, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return nil, ErrClosed
	}
	var valid []*session
	for _, ss := range s.sessions {
		if !ss.invalid.Load() {
			valid = append(valid, ss)
		}
	}
	if len(valid) == 0 {
		return nil, ErrNoSession
	}
	if shard < 0 {
		shard = shardOf(guildID, valid[len(valid)-1].shard[1])
	}
	for i := len(valid) - 1; i >= 0; i-- {
		if valid[i].shard[0] == shard {
			return valid[i], nil
		}
	}
	return nil, fmt.Errorf("%w %d", ErrNoSession, shard)
}

// Dispatch sends a gateway event (op 0, type event, data payload) to the
// session Discord would use: by (guild_id >> 22) % shard count for payloads
// with a guild_id, shard 0 otherwise. payload is a json.RawMessage, []byte,
// or anything json.Marshal accepts. If the session's socket is down the event
// is delivered when the client resumes.
func (s *Server) Dispatch(event string, payload any) error {
	raw, err := rawJSON(payload)
	if err != nil {
		return err
	}
	var p probe
	if err := json.Unmarshal(raw, &p); err != nil && !json.Valid(raw) {
		return fmt.Errorf("discordtest: %s payload is not valid JSON", event)
	}
	return s.dispatch(event, raw, &p)
}

// dispatch routes an event whose probe is known.
func (s *Server) dispatch(event string, raw json.RawMessage, p *probe) error {
	ss, err := s.sessionFor(p.GuildID, -1)
	if err != nil {
		return err
	}
	s.observe(event, raw, p)
	return ss.dispatch(event, raw)
}

// DispatchTo sends a gateway event to the session of one shard.
func (s *Server) DispatchTo(shard int, event string, payload any) error {
	raw, err := rawJSON(payload)
	if err != nil {
		return err
	}
	ss, err := s.sessionFor("", shard)
	if err != nil {
		return err
	}
	var p probe
	if err := json.Unmarshal(raw, &p); err != nil && !json.Valid(raw) {
		return fmt.Errorf("discordtest: %s payload is not valid JSON", event)
	}
	s.observe(event, raw, &p)
	return ss.dispatch(event, raw)
}

func rawJSON(v any) (json.RawMessage, error) {
	switch v := v.(type) {
	case json.RawMessage:
		return v, nil
	case []byte:
		return v, nil
	case string:
		return json.RawMessage(v), nil
	}
	b, err := json.Marshal(v)
	if err != nil {
		return nil, fmt.Errorf("discordtest: encoding payload: %w", err)
	}
	return b, nil
}

// liveConns returns the open connections of shard (-1: all).
func (s *Server) liveConns(shard int) []*conn {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []*conn
	for c := range s.conns {
		ss := c.session.Load()
		if shard < 0 || (ss != nil && ss.shard[0] == shard) {
			out = append(out, c)
		}
	}
	return out
}

// DropConnection closes the TCP connection under every gateway socket of
// shard (-1: all shards) without a close frame, as a network failure would.
// Sessions stay resumable. It returns how many sockets it dropped.
func (s *Server) DropConnection(shard int) int {
	cs := s.liveConns(shard)
	for _, c := range cs {
		c.ws.Close()
	}
	return len(cs)
}

// CloseWith closes the gateway sockets of shard (-1: all) with a close frame
// carrying code and reason, e.g. 4004 or 4014.
func (s *Server) CloseWith(shard, code int, reason string) int {
	cs := s.liveConns(shard)
	for _, c := range cs {
		c.closeWith(code, reason)
	}
	return len(cs)
}

// SendOp sends a raw non-dispatch opcode to the sockets of shard (-1: all),
// e.g. 7 (reconnect), 9 (invalid session) or 1 (heartbeat request). Never
// send 7 or 9 before READY: discordgo v0.29 deadlocks in Open.
func (s *Server) SendOp(shard, op int, d any) error {
	var errs []error
	for _, c := range s.liveConns(shard) {
		errs = append(errs, c.op(op, d))
	}
	return errors.Join(errs...)
}

func botUser() map[string]any {
	return map[string]any{"id": BotUserID, "username": BotUsername, "discriminator": "0", "bot": true}
}

func guildCreate(id string) map[string]any {
	return map[string]any{
		"id":           id,
		"name":         "Briefing Room " + strings.TrimLeft(id[len(id)-4:], "0"),
		"owner_id":     UserID,
		"unavailable":  false,
		"member_count": 2,
		"roles":        []any{},
		"members":      []any{},
		"channels": []any{
			map[string]any{"id": channelFor(id), "type": 0, "name": "general", "guild_id": id},
		},
	}
}

// guildOf returns the guild of a channel: "" for a DM channel, else the
// guild whose default channel it is (GuildID when none is).
func (s *Server) guildOf(channelID string) string {
	if channelID == DMChannelID || strings.HasPrefix(channelID, "dm-") {
		return ""
	}
	for _, g := range s.cfg.guilds {
		if channelFor(g) == channelID {
			return g
		}
	}
	return GuildID
}

// channelFor returns the default text channel of a guild.
func channelFor(guildID string) string {
	if guildID == GuildID {
		return ChannelID
	}
	return guildID[:len(guildID)-3] + "100"
}
