package bot

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/bwmarrin/discordgo"
	"github.com/gorilla/websocket"
)

// Options configure Run.
type Options struct {
	Token      string       // bot token, without "Bot "
	GuildID    string       // register commands on this guild (instant); "" = global
	APIBase    string       // where REST goes; default "https://discord.com"; the gateway URL is what its /api/v9/gateway returns
	ShardID    int          // with ShardCount > 0: the shard this process runs
	ShardCount int          // 0 (with ShardID 0): Discord's recommended count, all shards in this process
	Log        *slog.Logger // default: discard

	// Engines returns the engine that answers a guild ("" for DMs) now. It
	// is called once per interaction or message, with its context, so a
	// library can serve each guild its own briefings (building a guild's
	// engine on its first question) and swap them while the bot runs.
	Engines func(ctx context.Context, guildID string) Engine

	// Library, when set, is the briefing library behind /briefing (for
	// members with Manage Server) and /ask briefing:; nil registers
	// neither.
	Library Library
	// Feedback keeps votes and declined questions; nil keeps nothing.
	Feedback Feedback
	// Metrics counts interactions and watches the shards; nil counts nothing.
	Metrics *Metrics
}

// Errors Run returns when Discord refuses to let the bot connect; the
// returned error wraps them, so use errors.Is.
var (
	ErrTokenRejected  = errors.New("bot: Discord rejected the bot token: reset it on the Bot page of the Discord developer portal and set the new one as DISCORD_TOKEN")
	ErrIntentsRefused = errors.New("bot: Discord refused the gateway intents: briefbot asks only for Guilds, Guild Messages and Direct Messages, none privileged; check the bot's settings on the Bot page of the Discord developer portal")
)

// intents are all briefbot needs: no privileged intent. Messages that
// mention the bot and DMs carry their content without Message Content, and
// interactions need no intent at all.
const intents = discordgo.IntentsGuilds | discordgo.IntentsGuildMessages | discordgo.IntentsDirectMessages

// Shutdown budget: in-flight work gets drainWithin, then the sessions close
// (discordgo's Close always sleeps 1 s), all within 5 s.
const (
	drainWithin = 2500 * time.Millisecond
	closeWithin = 2 * time.Second
)

// maxBackoff is the longest wait between two attempts to reconnect a shard.
const maxBackoff = time.Minute

// Run connects to the Discord gateway, registers the slash commands (a bulk
// overwrite, on Options.GuildID when set, else globally; they are never
// deleted on exit), and answers interactions, @mentions and DMs until ctx is
// done. Then it stops taking new work, lets work in flight finish, and closes
// the connections, returning nil within 5 s.
//
// A shard whose connection drops is reconnected (resumed when Discord
// allows), backing off up to a minute between attempts. If Discord refuses
// the token (close 4004, or HTTP 401) or the intents (4013, 4014), at start
// or on a reconnect, Run shuts down the same way and returns an error
// wrapping ErrTokenRejected or ErrIntentsRefused: discordgo alone would
// retry a revoked token forever.
//
// Sharding: with ShardCount > 0 Run runs shard ShardID of ShardCount; with
// ShardCount 0 it asks Discord for the recommended count and runs every
// shard. Every shard gets the same handlers. Discord sends DMs (and any event
// without a guild) only to shard 0, so the process running shard 0 is the
// one that answers DMs.
func Run(ctx context.Context, o Options) error {
	if err := o.check(); err != nil {
		return err
	}
	log := o.Log
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	bridgeDiscordgoLog(log)
	client, err := restClient(o.APIBase)
	if err != nil {
		return err
	}
	g := &gateway{
		opts:   o,
		log:    log,
		client: client,
		h:      newHandler(o.Engines, log, nil),
	}
	g.h.feedback, g.h.metrics, g.h.library = o.Feedback, o.Metrics, o.Library
	o.Metrics.starting()
	// Work runs on a context that outlives ctx by the drain budget, so that
	// answers in flight at shutdown are still delivered.
	work, stopWork := context.WithCancel(context.WithoutCancel(ctx))
	defer stopWork()
	g.work = work
	stop, stopReconnects := context.WithCancel(ctx)
	defer stopReconnects()
	g.stop, g.fatal = stop, make(chan error, 1)

	if err := g.connect(ctx); err != nil {
		stopReconnects()
		g.close()
		if ctx.Err() != nil {
			return nil
		}
		return err
	}
	if err := g.register(ctx); err != nil {
		stopReconnects()
		g.close()
		if ctx.Err() != nil {
			return nil
		}
		return err
	}
	log.Info("connected to discord", "shards", len(g.sessions), "guild", o.GuildID)
	select {
	case <-ctx.Done():
		log.Info("shutting down")
		err = nil
	case err = <-g.fatal:
		log.Error("discord refused the bot; shutting down", errAttr(err))
	}
	stopReconnects()
	g.drain(drainWithin)
	stopWork()
	g.close()
	log.Info("shut down")
	return err
}

func (o Options) check() error {
	switch {
	case strings.TrimSpace(o.Token) == "":
		return errors.New("bot: no bot token: set DISCORD_TOKEN to the token from the Bot page of the Discord developer portal")
	case o.Engines == nil:
		return errors.New("bot: Options.Engines is nil")
	case o.ShardCount < 0 || o.ShardID < 0:
		return fmt.Errorf("bot: shard %d of %d: negative", o.ShardID, o.ShardCount)
	case o.ShardCount == 0 && o.ShardID != 0:
		return fmt.Errorf("bot: shard ID %d without a shard count", o.ShardID)
	case o.ShardCount > 0 && o.ShardID >= o.ShardCount:
		return fmt.Errorf("bot: shard ID %d must be less than the shard count %d", o.ShardID, o.ShardCount)
	}
	return nil
}

// A gateway is Run's state: the sessions (one per shard) and the work in
// flight on them.
type gateway struct {
	opts     Options
	log      *slog.Logger
	client   *http.Client
	h        *handler
	work     context.Context // outlives Run's ctx by the drain budget
	stop     context.Context // done when Run begins to leave: reconnects give up
	fatal    chan error      // a refusal after start, which ends Run
	sessions []*discordgo.Session

	mu       sync.Mutex
	closing  bool
	inflight sync.WaitGroup
}

// connect opens every shard this process runs.
func (g *gateway) connect(ctx context.Context) error {
	ids, count, concurrency := []int{g.opts.ShardID}, g.opts.ShardCount, 1
	if count == 0 {
		probe := g.session(0, 1)
		gb, err := probe.GatewayBot(discordgo.WithContext(ctx))
		switch {
		case err == nil:
			count, ids = max(gb.Shards, 1), nil
			for id := range count {
				ids = append(ids, id)
			}
			concurrency = max(gb.SessionStartLimit.MaxConcurrency, 1)
		case unauthorized(err) || ctx.Err() != nil:
			return connectError("ask for the recommended shard count", err)
		default:
			// A REST proxy or test server may not offer /gateway/bot: one
			// shard serves everything a small bot needs.
			g.log.Warn("ask for the recommended shard count; running one shard", "err", redact(err.Error()))
			count = 1
		}
	}
	for n, id := range ids {
		// Discord allows max_concurrency identifies per 5 s.
		if n > 0 && n%concurrency == 0 {
			select {
			case <-time.After(5 * time.Second):
			case <-ctx.Done():
				return ctx.Err()
			}
		}
		s := g.session(id, count)
		if err := open(ctx, s); err != nil {
			return connectError(fmt.Sprintf("open gateway (shard %d of %d)", id, count), err)
		}
		g.sessions = append(g.sessions, s)
		g.log.Info("gateway open", "shard", id, "shards", count)
	}
	return nil
}

// session makes the session of one shard, with REST through g.client and
// the bot's handlers.
func (g *gateway) session(shard, count int) *discordgo.Session {
	s, _ := discordgo.New("Bot " + strings.TrimPrefix(strings.TrimSpace(g.opts.Token), "Bot ")) // New never fails
	s.Client = g.client
	s.Dialer = &websocket.Dialer{Proxy: http.ProxyFromEnvironment, HandshakeTimeout: 10 * time.Second}
	s.Identify.Intents = intents
	s.ShardID, s.ShardCount = shard, max(count, 1)
	s.StateEnabled = false           // the bot reads only its own user and application, which READY always stores
	s.ShouldReconnectOnError = false // g.reconnect does, and stops on a refused token
	s.LogLevel = discordgo.LogError
	if g.log.Enabled(context.Background(), slog.LevelDebug) {
		s.LogLevel = discordgo.LogDebug
	}
	s.AddHandler(func(s *discordgo.Session, ic *discordgo.InteractionCreate) { g.onInteraction(s, ic) })
	s.AddHandler(func(s *discordgo.Session, m *discordgo.MessageCreate) { g.onMessage(s, m) })
	s.AddHandler(func(*discordgo.Session, *discordgo.Connect) {
		g.log.Debug("gateway connected", "shard", shard)
		g.opts.Metrics.shardUp(shard)
	})
	var reconnecting atomic.Bool // one reconnect loop at a time
	s.AddHandler(func(s *discordgo.Session, _ *discordgo.Disconnect) {
		g.log.Debug("gateway disconnected", "shard", shard)
		g.opts.Metrics.shardDown(shard)
		if reconnecting.CompareAndSwap(false, true) {
			defer reconnecting.Store(false)
			g.reconnect(s)
		}
	})
	s.AddHandler(func(_ *discordgo.Session, rl *discordgo.RateLimit) {
		g.log.Warn("rate limited", "url", redact(rl.URL), "retry_after", rl.RetryAfter)
	})
	return s
}

// reconnect reopens s after its connection dropped, waiting 1 s, then 2,
// 4 … up to maxBackoff between attempts, until it is open again or Run
// begins to leave. A token or intents refused on the way end Run.
func (g *gateway) reconnect(s *discordgo.Session) {
	doing := fmt.Sprintf("reconnect gateway (shard %d of %d)", s.ShardID, s.ShardCount)
	for wait := time.Second; ; wait = min(2*wait, maxBackoff) {
		if g.stop.Err() != nil {
			return
		}
		err := open(g.stop, s)
		switch {
		case err == nil:
			g.log.Info("gateway reconnected", "shard", s.ShardID)
			g.opts.Metrics.reconnected()
			return
		case errors.Is(err, discordgo.ErrWSAlreadyOpen) || g.stop.Err() != nil:
			return
		}
		err = connectError(doing, err)
		if errors.Is(err, ErrTokenRejected) || errors.Is(err, ErrIntentsRefused) {
			select {
			case g.fatal <- err:
			default: // another shard got there first
			}
			return
		}
		g.log.Warn("reconnect gateway", "shard", s.ShardID, "retry_in", wait, errAttr(err))
		t := time.NewTimer(wait)
		select {
		case <-t.C:
		case <-g.stop.Done():
			t.Stop()
			return
		}
	}
}

// open is s.Open bound to ctx: discordgo's Open takes no context.
func open(ctx context.Context, s *discordgo.Session) error {
	opened := make(chan error, 1)
	go func() { opened <- s.Open() }()
	select {
	case err := <-opened:
		return err
	case <-ctx.Done():
		go func() {
			if <-opened == nil {
				_ = s.Close()
			}
		}()
		return ctx.Err()
	}
}

// connectError says what went wrong in terms the operator can act on.
func connectError(doing string, err error) error {
	var ce *websocket.CloseError
	if errors.As(err, &ce) {
		switch ce.Code {
		case 4004:
			return fmt.Errorf("%w (%s: gateway closed with 4004 %q)", ErrTokenRejected, doing, ce.Text)
		case 4013, 4014:
			return fmt.Errorf("%w (%s: gateway closed with %d %q)", ErrIntentsRefused, doing, ce.Code, ce.Text)
		}
	}
	if unauthorized(err) {
		return fmt.Errorf("%w (%s: HTTP 401)", ErrTokenRejected, doing)
	}
	if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		return err
	}
	return fmt.Errorf("bot: %s: %s", doing, redact(err.Error()))
}

func unauthorized(err error) bool {
	var re *discordgo.RESTError
	return errors.Is(err, discordgo.ErrUnauthorized) ||
		(errors.As(err, &re) && re.Response != nil && re.Response.StatusCode == http.StatusUnauthorized)
}

// register bulk-overwrites the slash commands. Every process registers:
// the overwrite is idempotent, and unchanged commands cost nothing.
func (g *gateway) register(ctx context.Context) error {
	s := g.sessions[0]
	appID := applicationID(s)
	if appID == "" {
		return errors.New("bot: register commands: READY named no application")
	}
	ctx, cancel := context.WithTimeout(ctx, 15*time.Second)
	defer cancel()
	cmds, err := s.ApplicationCommandBulkOverwrite(appID, g.opts.GuildID, commands(g.opts.Library != nil), discordgo.WithContext(ctx))
	var re *discordgo.RESTError
	switch {
	case err == nil:
	case unauthorized(err):
		return fmt.Errorf("%w (register commands: HTTP 401)", ErrTokenRejected)
	case g.opts.GuildID != "" && errors.As(err, &re) && re.Message != nil && re.Message.Code == discordgo.ErrCodeMissingAccess:
		return fmt.Errorf("bot: register commands on guild %s: missing access: invite the bot to that server with the applications.commands scope, or unset DISCORD_GUILD_ID", g.opts.GuildID)
	default:
		return fmt.Errorf("bot: register commands: %s", redact(err.Error()))
	}
	scope := "global"
	if g.opts.GuildID != "" {
		scope = "guild " + g.opts.GuildID
	}
	g.log.Info("registered commands", "count", len(cmds), "scope", scope)
	return nil
}

// begin admits one unit of work, unless shutdown has begun.
func (g *gateway) begin() bool {
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.closing {
		return false
	}
	g.inflight.Add(1)
	return true
}

// drain stops admitting work and waits up to within for work in flight.
func (g *gateway) drain(within time.Duration) {
	g.mu.Lock()
	g.closing = true
	g.mu.Unlock()
	done := make(chan struct{})
	go func() { g.inflight.Wait(); close(done) }()
	select {
	case <-done:
	case <-time.After(within):
		g.log.Warn("shutdown: work still in flight abandoned")
	}
}

// close closes every session at once, waiting at most closeWithin. No
// reconnect follows: discordgo's own is off, and g.reconnect stops once
// g.stop is done, which Run sees to first.
func (g *gateway) close() {
	var wg sync.WaitGroup
	for _, s := range g.sessions {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if err := s.Close(); err != nil {
				g.log.Warn("close gateway", "shard", s.ShardID, errAttr(err))
			}
		}()
	}
	done := make(chan struct{})
	go func() { wg.Wait(); close(done) }()
	select {
	case <-done:
	case <-time.After(closeWithin):
		g.log.Warn("shutdown: gateway close timed out")
	}
}

func (g *gateway) onInteraction(s *discordgo.Session, ic *discordgo.InteractionCreate) {
	if ic == nil || ic.Interaction == nil {
		return
	}
	if !g.begin() {
		g.log.Debug("drop interaction during shutdown", attrs(ic.Interaction)...)
		return
	}
	defer g.inflight.Done()
	defer g.recover("interaction")
	g.h.interaction(g.work, ic.Interaction, sessionResponder{s: s, i: ic.Interaction})
}

func (g *gateway) onMessage(s *discordgo.Session, m *discordgo.MessageCreate) {
	if m == nil || m.Message == nil {
		return
	}
	if !g.begin() {
		return
	}
	defer g.inflight.Done()
	defer g.recover("message")
	g.h.message(g.work, s, m.Message, botID(s))
}

// recover logs a panic in an event handler; discordgo would otherwise let
// it crash the process.
func (g *gateway) recover(event string) {
	if p := recover(); p != nil {
		g.log.Error("event handler panicked", "event", event, "panic", redact(fmt.Sprint(p)))
	}
}

// botID is the bot's own user ID, from READY.
func botID(s *discordgo.Session) string {
	s.State.RLock()
	defer s.State.RUnlock()
	if s.State.User == nil {
		return ""
	}
	return s.State.User.ID
}

// applicationID is the bot's application ID, from READY; for bots it
// equals the bot's user ID, the fallback.
func applicationID(s *discordgo.Session) string {
	s.State.RLock()
	defer s.State.RUnlock()
	if s.State.Application != nil && s.State.Application.ID != "" {
		return s.State.Application.ID
	}
	if s.State.User != nil {
		return s.State.User.ID
	}
	return ""
}

// sessionResponder answers an interaction through the REST API.
type sessionResponder struct {
	s *discordgo.Session
	i *discordgo.Interaction
}

func (r sessionResponder) respond(ctx context.Context, resp *discordgo.InteractionResponse) error {
	return withRetry(ctx, func(opts ...discordgo.RequestOption) error {
		return r.s.InteractionRespond(r.i, resp, opts...)
	})
}

func (r sessionResponder) edit(ctx context.Context, e *discordgo.WebhookEdit) error {
	return withRetry(ctx, func(opts ...discordgo.RequestOption) error {
		_, err := r.s.InteractionResponseEdit(r.i, e, opts...)
		return err
	})
}

// restClient is the HTTP client of every session: requests discordgo
// addresses to https://discord.com go to apiBase instead.
func restClient(apiBase string) (*http.Client, error) {
	t := http.DefaultTransport.(*http.Transport).Clone()
	t.MaxIdleConnsPerHost = 256 // a burst of interactions re-dials less
	client := &http.Client{Timeout: 15 * time.Second, Transport: t}
	if apiBase == "" || strings.TrimSuffix(apiBase, "/") == "https://discord.com" {
		return client, nil
	}
	base, err := url.Parse(apiBase)
	if err != nil || (base.Scheme != "http" && base.Scheme != "https") || base.Host == "" {
		return nil, fmt.Errorf("bot: API base %q: want an http or https URL like https://discord.com", apiBase)
	}
	client.Transport = rewrite{base: base, next: t}
	return client, nil
}

// rewrite sends requests for discord.com to base: scheme, host, and a path
// prefix when base has one.
type rewrite struct {
	base *url.URL
	next http.RoundTripper
}

func (rw rewrite) RoundTrip(r *http.Request) (*http.Response, error) {
	if r.URL.Host != "discord.com" {
		return rw.next.RoundTrip(r)
	}
	r = r.Clone(r.Context())
	prefix := strings.TrimSuffix(rw.base.Path, "/")
	r.URL.Scheme, r.URL.Host, r.Host = rw.base.Scheme, rw.base.Host, rw.base.Host
	r.URL.Path = prefix + r.URL.Path
	if r.URL.RawPath != "" {
		r.URL.RawPath = strings.TrimSuffix(rw.base.EscapedPath(), "/") + r.URL.RawPath
	}
	return rw.next.RoundTrip(r)
}
