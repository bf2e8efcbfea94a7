package bot

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"runtime/debug"
	"time"

	"github.com/bwmarrin/discordgo"
)

// Timing of an interaction. Discord drops an interaction that gets no
// response within 3 s of its creation; the token then stays valid for
// edits for 15 minutes.
const (
	ackWithin   = 3 * time.Second         // deadline of the first response
	deferAfter  = 1500 * time.Millisecond // work still running by then is deferred
	editWithin  = 30 * time.Second        // deadline of the edit after a deferral
	replyWithin = 10 * time.Second        // deadline of a reply to a message
)

// A handler answers interactions and messages for both transports, the
// gateway and the HTTP endpoint. It picks the engine of the guild asking, applies the
// rate limit, recovers panics, logs failures once, and answers within
// Discord's 3 s: directly when the work is quick, else by deferring and then
// editing. The answers themselves come from the pure respond and
// messageReply.
type handler struct {
	engines    func(guildID string) Engine
	log        *slog.Logger
	limit      *limiter
	deferAfter time.Duration
	ackWithin  time.Duration
	editWithin time.Duration
}

func newHandler(engines func(guildID string) Engine, log *slog.Logger, now func() time.Time) *handler {
	return &handler{
		engines:    engines,
		log:        log,
		limit:      newLimiter(questionsPerWindow, questionWindow, now),
		deferAfter: deferAfter,
		ackWithin:  ackWithin,
		editWithin: editWithin,
	}
}

// A responder sends an interaction's responses: the first one (the answer,
// or a deferral), then, after a deferral, the edit that delivers the answer.
type responder interface {
	respond(ctx context.Context, r *discordgo.InteractionResponse) error
	edit(ctx context.Context, e *discordgo.WebhookEdit) error
}

// interaction answers i through out. ctx bounds all the work; the first
// response gets a deadline of its own.
func (h *handler) interaction(ctx context.Context, i *discordgo.Interaction, out responder) {
	start := time.Now()
	ack, cancel := context.WithTimeout(ctx, h.ackWithin)
	defer cancel()
	done := make(chan *discordgo.InteractionResponse, 1)
	go func() { done <- h.compute(i) }()
	timer := time.NewTimer(h.deferAfter)
	defer timer.Stop()

	select {
	case r := <-done:
		h.sendFirst(ack, i, out, r, start)
		return
	case <-timer.C:
	case <-ack.Done():
		h.log.Error("no time to answer interaction", append(attrs(i), errAttr(ack.Err()))...)
		return
	}

	d := deferral(i)
	if d == nil { // autocomplete cannot be deferred: wait for it as long as Discord does
		select {
		case r := <-done:
			h.sendFirst(ack, i, out, r, start)
		case <-ack.Done():
			h.log.Warn("autocomplete too slow", attrs(i)...)
		}
		return
	}
	if !h.sendFirst(ack, i, out, d, start) {
		return
	}
	edit, cancelEdit := context.WithTimeout(ctx, h.editWithin)
	defer cancelEdit()
	var r *discordgo.InteractionResponse
	select {
	case r = <-done:
	case <-edit.Done():
		h.log.Error("interaction work too slow", append(attrs(i), errAttr(edit.Err()))...)
		return
	}
	if err := out.edit(edit, editOf(r.Data)); err != nil {
		h.log.Error("edit deferred response", append(attrs(i), errAttr(err))...)
	}
}

// sendFirst sends the first response and logs its latency or its failure.
func (h *handler) sendFirst(ctx context.Context, i *discordgo.Interaction, out responder, r *discordgo.InteractionResponse, start time.Time) bool {
	if err := out.respond(ctx, r); err != nil {
		h.log.Error("respond to interaction", append(attrs(i), errAttr(err))...)
		return false
	}
	h.log.Debug("responded to interaction", append(attrs(i), "response", int(r.Type), "took", time.Since(start))...)
	return true
}

// compute runs respond under the rate limit, recovering a panic into an
// ephemeral error so that one bad interaction never takes the bot down.
func (h *handler) compute(i *discordgo.Interaction) (r *discordgo.InteractionResponse) {
	defer func() {
		if p := recover(); p != nil {
			h.log.Error("interaction handler panicked", append(attrs(i),
				"panic", redact(fmt.Sprint(p)), "stack", string(debug.Stack()))...)
			r = failed(i)
		}
	}()
	if i.Type == discordgo.InteractionApplicationCommand {
		if ok, wait := h.limit.allow(userOf(i)); !ok {
			return message(rateLimited(wait))
		}
	}
	r, err := respond(h.engine(i.GuildID), i)
	if err != nil {
		h.log.Warn("answer interaction", append(attrs(i), errAttr(err))...)
	}
	return r
}

// engine is the engine that answers guildID ("" for DMs) now.
func (h *handler) engine(guildID string) Engine {
	if h.engines == nil {
		return Engine{}
	}
	return h.engines(guildID)
}

// failed is the response when answering i went wrong.
func failed(i *discordgo.Interaction) *discordgo.InteractionResponse {
	if i.Type == discordgo.InteractionApplicationCommandAutocomplete {
		return autocompleteResponse(nil)
	}
	return message(notice(msgError))
}

// deferral is the response that buys time for i: a "thinking…" message
// for commands and for buttons that post a new message (ephemeral when the
// answer will be), and a silent acknowledgement for page buttons, whose
// answer edits the message they are on. Autocomplete cannot be deferred:
// nil.
func deferral(i *discordgo.Interaction) *discordgo.InteractionResponse {
	ephemeral := true
	switch i.Type {
	case discordgo.InteractionApplicationCommandAutocomplete:
		return nil
	case discordgo.InteractionMessageComponent:
		d, _ := i.Data.(discordgo.MessageComponentInteractionData)
		if b, ok := parseButton(d.CustomID); ok && b.action != actMore && b.action != actPara {
			return &discordgo.InteractionResponse{Type: discordgo.InteractionResponseDeferredMessageUpdate}
		}
	case discordgo.InteractionApplicationCommand:
		d, _ := i.Data.(discordgo.ApplicationCommandInteractionData)
		private, _ := optionsOf(d).bool(optPrivate)
		ephemeral = d.Name == cmdHelp || (d.Name == cmdAsk && private)
	}
	data := &discordgo.InteractionResponseData{AllowedMentions: noPings()}
	if ephemeral {
		data.Flags = discordgo.MessageFlagsEphemeral
	}
	return &discordgo.InteractionResponse{Type: discordgo.InteractionResponseDeferredChannelMessageWithSource, Data: data}
}

// message answers a message that may put a question to the bot (botID),
// replying to it in its channel.
func (h *handler) message(ctx context.Context, s *discordgo.Session, m *discordgo.Message, botID string) {
	q, ok := questionIn(m, botID)
	if !ok {
		return
	}
	send := h.messageReply(m, q).message(m.SoftReference())
	ctx, cancel := context.WithTimeout(ctx, replyWithin)
	defer cancel()
	err := withRetry(ctx, func(opts ...discordgo.RequestOption) error {
		_, err := s.ChannelMessageSendComplex(m.ChannelID, send, opts...)
		return err
	})
	if err != nil {
		h.log.Error("reply to message", "channel", m.ChannelID, "message", m.ID, errAttr(err))
	}
}

// messageReply is messageReply under the rate limit, with panics recovered.
func (h *handler) messageReply(m *discordgo.Message, q string) (r reply) {
	defer func() {
		if p := recover(); p != nil {
			h.log.Error("message handler panicked", "channel", m.ChannelID, "message", m.ID,
				"panic", redact(fmt.Sprint(p)), "stack", string(debug.Stack()))
			r = reply{content: msgError}
		}
	}()
	if ok, wait := h.limit.allow(m.Author.ID); !ok {
		r = rateLimited(wait)
		r.ephemeral = false
		return r
	}
	return messageReply(h.engine(m.GuildID).Answerer, q)
}

// withRetry makes a REST call bound to ctx. discordgo's own rate-limit
// retry sleeps regardless of any context, so the call runs with it off and a
// 429 is retried here, after retry_after, as long as that still falls within
// ctx's deadline.
func withRetry(ctx context.Context, call func(...discordgo.RequestOption) error) error {
	for attempt := 1; ; attempt++ {
		err := call(discordgo.WithContext(ctx), discordgo.WithRetryOnRatelimit(false))
		var rl *discordgo.RateLimitError
		if !errors.As(err, &rl) || rl.RateLimit == nil || rl.TooManyRequests == nil {
			return err
		}
		wait := rl.RetryAfter
		if dl, ok := ctx.Deadline(); ok && time.Now().Add(wait).After(dl) {
			return fmt.Errorf("rate limited past the deadline: %w", err)
		}
		if attempt == 5 {
			return fmt.Errorf("rate limited %d times: %w", attempt, err)
		}
		t := time.NewTimer(wait)
		select {
		case <-t.C:
		case <-ctx.Done():
			t.Stop()
			return fmt.Errorf("rate limited: %w", ctx.Err())
		}
	}
}

// userOf is the ID of who caused i: a member in a server, a user in a DM.
func userOf(i *discordgo.Interaction) string {
	switch {
	case i.Member != nil && i.Member.User != nil:
		return i.Member.User.ID
	case i.User != nil:
		return i.User.ID
	}
	return ""
}

// attrs describe i for the log, without its token.
func attrs(i *discordgo.Interaction) []any {
	a := []any{"interaction", i.ID, "type", int(i.Type), "user", userOf(i)}
	switch d := i.Data.(type) {
	case discordgo.ApplicationCommandInteractionData:
		a = append(a, "command", d.Name)
	case discordgo.MessageComponentInteractionData:
		a = append(a, "custom_id", d.CustomID)
	}
	if i.GuildID != "" {
		a = append(a, "guild", i.GuildID)
	}
	return a
}
