package bot

import (
	"context"
	"crypto/ed25519"
	"encoding/hex"
	"encoding/json"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/bwmarrin/discordgo"
)

// InteractionsOptions configure NewInteractionsHandler.
type InteractionsOptions struct {
	PublicKey ed25519.PublicKey                                // the application's public key, from the developer portal
	Engines   func(ctx context.Context, guildID string) Engine // the engine that answers a guild ("" for DMs); called once per interaction
	Library   Library                                          // the briefing library behind /briefing and /ask briefing:; nil: neither
	Feedback  Feedback                                         // keeps votes and declined questions; nil keeps nothing
	Metrics   *Metrics                                         // counts interactions, served at GET /metrics; nil counts nothing
	Log       *slog.Logger                                     // default: discard
	Token     string                                           // optional bot token, for editing deferred responses via REST
	APIBase   string                                           // where REST goes; default "https://discord.com"
	Now       func() time.Time                                 // the clock for the timestamp window; default time.Now
}

// Limits of the HTTP endpoint.
const (
	maxBody         = 64 << 10        // bytes of a request body
	signatureWindow = 5 * time.Minute // how far a signed timestamp may be from now
)

// NewInteractionsHandler returns the handler of Discord's HTTP interactions
// endpoint: POST /interactions takes Discord's signed interactions and
// answers them in the response body with the same commands, autocomplete and
// buttons as the gateway bot (deferring, then editing through the REST API,
// when the work may take too long); GET /healthz answers 200 "ok" for load
// balancers.
//
// Every request to /interactions must carry a valid Ed25519 signature
// (X-Signature-Ed25519 over X-Signature-Timestamp followed by the body) made
// with PublicKey's private key, and a timestamp within 5 minutes of Now.
// Refusals: 405 for anything but POST, 413 for a body over 64 KiB, 401 for a
// missing or bad signature or a stale timestamp, 400 for a body that is not
// an interaction. PING gets {"type":1}. The handler keeps no state between
// requests (and so, unlike the gateway bot, applies no per-user rate limit),
// so instances scale out behind any load balancer.
func NewInteractionsHandler(o InteractionsOptions) http.Handler {
	log := o.Log
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	bridgeDiscordgoLog(log)
	now := o.Now
	if now == nil {
		now = time.Now
	}
	client, err := restClient(o.APIBase)
	if err != nil {
		log.Error("bad API base: deferred answers go to https://discord.com", errAttr(err))
		client, _ = restClient("")
	}
	token := strings.TrimPrefix(strings.TrimSpace(o.Token), "Bot ")
	if token != "" {
		token = "Bot " + token
	}
	rest, _ := discordgo.New(token) // New never fails
	rest.Client = client
	if len(o.PublicKey) != ed25519.PublicKeySize {
		log.Error("public key is not an Ed25519 public key: every interaction will be refused", "bytes", len(o.PublicKey))
	}
	h := newHandler(o.Engines, log, now)
	h.feedback, h.metrics, h.library = o.Feedback, o.Metrics, o.Library
	// No per-user rate limit here: behind a load balancer each instance would
	// see only part of a user's questions, so a limit per process means
	// nothing. Put one in the load balancer if you need it.
	h.limit = nil
	return &interactionsHandler{key: o.PublicKey, now: now, log: log, rest: rest, h: h, metrics: o.Metrics.Handler(0)}
}

type interactionsHandler struct {
	key     ed25519.PublicKey
	now     func() time.Time
	log     *slog.Logger
	rest    *discordgo.Session // for edits after a deferral
	h       *handler
	metrics http.Handler // GET /metrics
}

func (s *interactionsHandler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	switch r.URL.Path {
	case "/interactions":
		s.interactions(w, r)
	case "/metrics":
		s.metrics.ServeHTTP(w, r)
	case "/healthz":
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			w.Header().Set("Allow", "GET, HEAD")
			http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
			return
		}
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		_, _ = io.WriteString(w, "ok")
	default:
		http.NotFound(w, r)
	}
}

func (s *interactionsHandler) interactions(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodPost {
		w.Header().Set("Allow", "POST")
		s.refuse(w, r, http.StatusMethodNotAllowed, "method not allowed")
		return
	}
	if r.ContentLength > maxBody {
		s.refuse(w, r, http.StatusRequestEntityTooLarge, "body over 64 KiB")
		return
	}
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, maxBody))
	if err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			s.refuse(w, r, http.StatusRequestEntityTooLarge, "body over 64 KiB")
			return
		}
		s.refuse(w, r, http.StatusBadRequest, "unreadable body")
		return
	}
	if reason := s.verify(r.Header, body); reason != "" {
		s.refuse(w, r, http.StatusUnauthorized, reason)
		return
	}
	var i discordgo.Interaction
	if err := json.Unmarshal(body, &i); err != nil {
		s.refuse(w, r, http.StatusBadRequest, "not an interaction")
		return
	}
	switch i.Type {
	case discordgo.InteractionPing:
		writeJSON(w, []byte(`{"type":1}`))
		return
	case discordgo.InteractionApplicationCommand, discordgo.InteractionApplicationCommandAutocomplete,
		discordgo.InteractionMessageComponent, discordgo.InteractionModalSubmit:
	default:
		s.refuse(w, r, http.StatusBadRequest, "unknown interaction type")
		return
	}
	out := &httpResponder{w: w, rest: s.rest, i: &i}
	s.h.interaction(context.WithoutCancel(r.Context()), &i, out)
	if !out.written {
		http.Error(w, "no answer in time", http.StatusServiceUnavailable)
	}
}

// verify checks the request's signature and timestamp; it returns why it
// refuses, or "".
func (s *interactionsHandler) verify(h http.Header, body []byte) string {
	if len(s.key) != ed25519.PublicKeySize {
		return "no valid public key configured"
	}
	sig, err := hex.DecodeString(h.Get("X-Signature-Ed25519"))
	if err != nil || len(sig) != ed25519.SignatureSize {
		return "missing or malformed signature"
	}
	ts := h.Get("X-Signature-Timestamp")
	secs, err := strconv.ParseInt(ts, 10, 64)
	if err != nil {
		return "missing or malformed timestamp"
	}
	msg := make([]byte, 0, len(ts)+len(body))
	msg = append(append(msg, ts...), body...)
	if !ed25519.Verify(s.key, msg, sig) {
		return "bad signature"
	}
	if d := s.now().Sub(time.Unix(secs, 0)); d > signatureWindow || d < -signatureWindow {
		return "timestamp more than 5 minutes from now"
	}
	return ""
}

func (s *interactionsHandler) refuse(w http.ResponseWriter, r *http.Request, status int, reason string) {
	s.log.Debug("refuse interaction request", "status", status, "reason", reason, "remote", r.RemoteAddr)
	http.Error(w, reason, status)
}

// writeJSON writes a complete 200 response with its length, so Discord has
// the whole answer even while the handler goes on to edit a deferral.
func writeJSON(w http.ResponseWriter, body []byte) error {
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Content-Length", strconv.Itoa(len(body)))
	w.WriteHeader(http.StatusOK)
	if _, err := w.Write(body); err != nil {
		return err
	}
	if err := http.NewResponseController(w).Flush(); err != nil && !errors.Is(err, http.ErrNotSupported) {
		return err
	}
	return nil
}

// httpResponder answers in the HTTP response body, and edits a deferral
// through the REST API.
type httpResponder struct {
	w       http.ResponseWriter
	rest    *discordgo.Session
	i       *discordgo.Interaction
	written bool
}

func (r *httpResponder) respond(_ context.Context, resp *discordgo.InteractionResponse) error {
	if r.written {
		return errors.New("interaction already answered")
	}
	body, err := json.Marshal(resp)
	if err != nil {
		return err
	}
	r.written = true
	return writeJSON(r.w, body)
}

func (r *httpResponder) edit(ctx context.Context, e *discordgo.WebhookEdit) error {
	return withRetry(ctx, func(opts ...discordgo.RequestOption) error {
		_, err := r.rest.InteractionResponseEdit(r.i, e, opts...)
		return err
	})
}
