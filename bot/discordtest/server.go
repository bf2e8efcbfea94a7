package discordtest

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"
)

// IDs the fake uses unless a test says otherwise. They are valid snowflakes.
const (
	// ApplicationID is the bot's application ID, and also its user ID (as on
	// real Discord for bots).
	ApplicationID = "1180000000000000001"
	// BotUserID is the bot user's ID.
	BotUserID = ApplicationID
	// BotUsername is the bot user's name.
	BotUsername = "briefbot"
	// GuildID is the guild interactions and messages come from by default.
	GuildID = "1190000000000000000"
	// ChannelID is the guild text channel interactions and messages come from.
	ChannelID = "1190000000000000100"
	// UserID is the human who asks, by default.
	UserID = "1190000000000000200"
	// Username is that human's name.
	Username = "alice"
	// DMChannelID is the DM channel between UserID and the bot.
	DMChannelID = "1190000000000000300"
	// OtherBotID is another bot's user ID, for "ignore other bots" tests.
	OtherBotID = "1190000000000000400"
)

// APIPrefix is the path every REST route lives under.
const APIPrefix = "/api/v9"

// Intents Discord treats as privileged: requesting one that the application
// has not enabled in the developer portal closes the gateway with 4014.
const PrivilegedIntents = discordgo.IntentGuildMembers | discordgo.IntentGuildPresences | discordgo.IntentMessageContent

// Close codes the fake uses (Discord's gateway close event codes).
const (
	CloseAuthenticationFailed = 4004
	CloseAlreadyAuthenticated = 4005
	CloseInvalidShard         = 4010
	CloseDisallowedIntents    = 4014
)

// ErrNoSession is returned by Dispatch when no identified gateway session
// serves the target shard.
var ErrNoSession = errors.New("discordtest: no gateway session for that shard")

// ErrClosed is returned after Close.
var ErrClosed = errors.New("discordtest: server closed")

// An Option configures a Server.
type Option func(*config)

type config struct {
	heartbeat        time.Duration
	shards           int
	token            string // "" accepts any token
	rejectToken      bool
	refuse           discordgo.Intent
	callbackDeadline time.Duration
	expectProblems   bool
	guilds           []string
	maxConcurrency   int
	noGatewayBot     bool
}

// HeartbeatInterval sets the interval HELLO announces (default 41.25 s, as
// Discord). Shorten it only in reconnect tests: discordgo reconnects when no
// ACK came for five intervals.
func HeartbeatInterval(d time.Duration) Option { return func(c *config) { c.heartbeat = d } }

// Shards sets the shard count GET /gateway/bot recommends (default 1).
func Shards(n int) Option { return func(c *config) { c.shards = n } }

// Token makes t (without the "Bot " prefix) the only valid bot token: another
// token gets 401 on REST and close 4004 after IDENTIFY. Without it any token
// is accepted.
func Token(t string) Option { return func(c *config) { c.token = t } }

// RejectToken makes every IDENTIFY fail with close 4004 "Authentication
// failed." REST stays open, so the gateway path can be tested on its own.
func RejectToken() Option { return func(c *config) { c.rejectToken = true } }

// RefuseIntents closes the gateway with 4014 "Disallowed intent(s)." when an
// IDENTIFY requests any intent in mask. The default mask is
// PrivilegedIntents; RefuseIntents(0) allows everything.
func RefuseIntents(mask discordgo.Intent) Option { return func(c *config) { c.refuse = mask } }

// CallbackDeadline sets how long after dispatch an interaction can still be
// acknowledged (default 3 s, as Discord; 0 disables): a later callback gets
// 404 {"code":10062}.
func CallbackDeadline(d time.Duration) Option { return func(c *config) { c.callbackDeadline = d } }

// MaxConcurrency sets session_start_limit.max_concurrency in GET
// /gateway/bot (default 1): how many shards may IDENTIFY per 5 s.
func MaxConcurrency(n int) Option { return func(c *config) { c.maxConcurrency = n } }

// NoGatewayBot makes GET /gateway/bot answer 404, as a REST proxy or a
// minimal test server may: the bot must still start, on one shard.
func NoGatewayBot() Option { return func(c *config) { c.noGatewayBot = true } }

// Guilds sets the guilds the bot is in (default GuildID). READY lists those
// on the identifying shard, and a GUILD_CREATE follows for each.
func Guilds(ids ...string) Option { return func(c *config) { c.guilds = ids } }

// ExpectProblems stops New's cleanup from failing the test when the bot made
// requests to unknown routes or broke a Discord limit; use it in tests that
// provoke those on purpose and assert on Unexpected and Violations.
func ExpectProblems() Option { return func(c *config) { c.expectProblems = true } }

// A Server is a fake Discord: REST under /api/v9 and a gateway at /ws, on
// loopback. It is safe for concurrent use.
type Server struct {
	cfg  config
	http *httptest.Server
	ws   string // gateway URL

	ids     atomic.Int64
	revoked atomic.Bool // RevokeToken was called
	refuse  atomic.Bool // RefuseConnections(true)

	mu           sync.Mutex
	closed       bool
	changed      chan struct{} // closed and replaced on every recorded change
	reqs         []Request
	forgotten    int // requests dropped by Forget
	identifies   []Identify
	resumes      int
	heartbeats   int
	clientCloses []int
	conns        map[*conn]struct{}
	sessions     []*session
	interactions map[string]*tracked // by token
	commands     map[string]json.RawMessage
	messages     map[string]*stored // messages the bot sent, by ID
	seen         map[string]string  // dispatched MESSAGE_CREATE IDs -> channel
	limit429     int
	accepted     int // requests whose problems the test accepted
	retryAfter   time.Duration
	uploads      map[string]*upload // files the CDN serves, by attachment ID
	cdnKey       []byte             // signs attachment URLs
}

// New starts a fake Discord. When tb is not nil the server closes in
// tb.Cleanup, which also fails the test if the bot called an unknown route or
// broke a limit (see ExpectProblems).
func New(tb testing.TB, opts ...Option) *Server {
	if tb != nil {
		tb.Helper()
	}
	s := &Server{
		cfg: config{
			heartbeat:        41250 * time.Millisecond,
			shards:           1,
			refuse:           PrivilegedIntents,
			callbackDeadline: 3 * time.Second,
			guilds:           []string{GuildID},
			maxConcurrency:   1,
		},
		changed:      make(chan struct{}),
		conns:        make(map[*conn]struct{}),
		interactions: make(map[string]*tracked),
		commands:     make(map[string]json.RawMessage),
		messages:     make(map[string]*stored),
		seen:         make(map[string]string),
		uploads:      make(map[string]*upload),
		cdnKey:       newKey(),
	}
	for _, o := range opts {
		o(&s.cfg)
	}
	s.ids.Store(1200000000000000000)
	mux := http.NewServeMux()
	mux.HandleFunc("/ws", s.serveGateway)
	mux.HandleFunc("/ws/", s.serveGateway)
	mux.HandleFunc("GET /attachments/{channel}/{id}/{filename}", s.serveAttachment)
	s.routes(mux)
	s.http = httptest.NewServer(mux)
	s.ws = "ws" + strings.TrimPrefix(s.http.URL, "http") + "/ws"
	if tb != nil {
		tb.Cleanup(func() {
			s.Close()
			if s.cfg.expectProblems {
				return
			}
			s.mu.Lock()
			reqs := s.reqs[s.accepted:]
			s.mu.Unlock()
			for _, r := range reqs {
				if r.Route == "" {
					tb.Errorf("discordtest: unexpected request %s %s", r.Method, redact(r.Path))
				}
				for _, v := range r.Violations {
					tb.Errorf("discordtest: %s %s: %s", r.Method, redact(r.Path), v)
				}
			}
		})
	}
	return s
}

// URL is the API base to give the bot in place of https://discord.com, e.g.
// http://127.0.0.1:PORT.
func (s *Server) URL() string { return s.http.URL }

// GatewayURL is what GET /api/v9/gateway returns: ws://127.0.0.1:PORT/ws.
func (s *Server) GatewayURL() string { return s.ws }

// Client returns an HTTP client that sends requests meant for
// https://discord.com to the fake instead; give it to a discordgo.Session as
// its Client.
func (s *Server) Client() *http.Client {
	return &http.Client{Transport: s.Transport(), Timeout: 20 * time.Second}
}

// Transport rewrites the scheme and host of every request to the fake's.
func (s *Server) Transport() http.RoundTripper {
	u, _ := url.Parse(s.http.URL)
	base := s.http.Client().Transport
	return roundTripper(func(r *http.Request) (*http.Response, error) {
		r = r.Clone(r.Context())
		r.URL.Scheme, r.URL.Host, r.Host = u.Scheme, u.Host, u.Host
		return base.RoundTrip(r)
	})
}

type roundTripper func(*http.Request) (*http.Response, error)

func (f roundTripper) RoundTrip(r *http.Request) (*http.Response, error) { return f(r) }

// Close drops every gateway connection and stops the server. It is safe to
// call more than once.
func (s *Server) Close() {
	s.mu.Lock()
	if s.closed {
		s.mu.Unlock()
		return
	}
	s.closed = true
	conns := make([]*conn, 0, len(s.conns))
	for c := range s.conns {
		conns = append(conns, c)
	}
	s.notifyLocked()
	s.mu.Unlock()
	for _, c := range conns {
		c.ws.Close()
	}
	s.http.Close()
}

// AcceptProblems tells New's cleanup that the unexpected routes and
// violations recorded so far were provoked on purpose.
func (s *Server) AcceptProblems() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.accepted = len(s.reqs)
}

// RevokeToken revokes the bot token while the bot runs, as resetting it in
// the developer portal does: every open gateway connection closes with
// 4004, and from then on every IDENTIFY and RESUME gets 4004 and every REST
// call made with the token gets 401. It returns how many connections it
// closed.
func (s *Server) RevokeToken() int {
	s.revoked.Store(true)
	return s.CloseWith(-1, CloseAuthenticationFailed, "Authentication failed.")
}

// RefuseConnections makes the gateway refuse new connections (HTTP 503
// instead of the websocket upgrade), as during an outage, until it is
// called with false. Connections already open stay open.
func (s *Server) RefuseConnections(refuse bool) { s.refuse.Store(refuse) }

// RateLimitCallbacks makes the next n interaction callbacks answer 429 with
// retry_after set to after (as Discord, in seconds).
func (s *Server) RateLimitCallbacks(n int, after time.Duration) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.limit429, s.retryAfter = n, after
}

// newID returns a fresh snowflake.
func (s *Server) newID() string { return strconv.FormatInt(s.ids.Add(1), 10) }

// NewID returns a fresh snowflake, e.g. a user ID per interaction so that
// per-user rate limits do not get in a test's way.
func (s *Server) NewID() string { return s.newID() }

// notifyLocked wakes every waiter. s.mu must be held.
func (s *Server) notifyLocked() {
	close(s.changed)
	s.changed = make(chan struct{})
}

// waitUntil calls cond under s.mu after every change until it returns true,
// ctx ends or the server closes.
func (s *Server) waitUntil(ctx context.Context, cond func() bool) error {
	for {
		s.mu.Lock()
		if cond() {
			s.mu.Unlock()
			return nil
		}
		if s.closed {
			s.mu.Unlock()
			return ErrClosed
		}
		ch := s.changed
		s.mu.Unlock()
		select {
		case <-ch:
		case <-ctx.Done():
			return fmt.Errorf("discordtest: waiting: %w", context.Cause(ctx))
		}
	}
}

// An Identify is one IDENTIFY the fake received.
type Identify struct {
	Token   string // as sent, with the "Bot " prefix
	Intents discordgo.Intent
	Shard   [2]int // [0, 1] when the client did not shard
	Time    time.Time
}

// Identifies counts IDENTIFY payloads received.
func (s *Server) Identifies() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.identifies)
}

// IdentifyPayloads returns every IDENTIFY received, in order.
func (s *Server) IdentifyPayloads() []Identify {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Identify(nil), s.identifies...)
}

// Resumes counts successful RESUMEs.
func (s *Server) Resumes() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.resumes
}

// Heartbeats counts heartbeats (op 1) received.
func (s *Server) Heartbeats() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.heartbeats
}

// ClientCloseCodes returns the close codes clients sent, in order.
func (s *Server) ClientCloseCodes() []int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]int(nil), s.clientCloses...)
}

// Connections counts open gateway connections.
func (s *Server) Connections() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.conns)
}

// Ready reports how many gateway sessions are connected and past READY or
// RESUMED.
func (s *Server) Ready() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.readyLocked()
}

func (s *Server) readyLocked() int {
	n := 0
	for _, ss := range s.sessions {
		if ss.live() {
			n++
		}
	}
	return n
}

// WaitReady waits until n gateway sessions are connected and ready.
func (s *Server) WaitReady(ctx context.Context, n int) error {
	return s.waitUntil(ctx, func() bool { return s.readyLocked() >= n })
}

// WaitResumes waits until at least n RESUMEs succeeded and the sessions are
// live again.
func (s *Server) WaitResumes(ctx context.Context, n int) error {
	return s.waitUntil(ctx, func() bool { return s.resumes >= n })
}
