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
// gateway and the HTTP endpoint. It picks the engine of the guild asking,
// applies the rate limit to questions, recovers panics, logs failures once,
// and answers within Discord's 3 s: directly when the work is quick, else by
// deferring and then editing. The answers themselves come from the pure
// respond and messageReply; votes and declined questions go to feedback.
type handler struct {
	engines    func(ctx context.Context, guildID string) Engine
	library    Library  // nil: no /briefing and no /ask briefing:
	feedback   Feedback // nil: votes and declined questions are not kept
	metrics    *Metrics // nil: nothing is counted
	log        *slog.Logger
	limit      *limiter
	now        func() time.Time
	deferAfter time.Duration
	ackWithin  time.Duration
	editWithin time.Duration
}

func newHandler(engines func(ctx context.Context, guildID string) Engine, log *slog.Logger, now func() time.Time) *handler {
	if now == nil {
		now = time.Now
	}
	return &handler{
		engines:    engines,
		log:        log,
		limit:      newLimiter(questionsPerWindow, questionWindow, now),
		now:        now,
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

// Results of answering an interaction or a message.
const (
	resultAnswered    = "answered"
	resultDeclined    = "declined"
	resultError       = "error"
	resultRateLimited = "rate_limited"
)

// An outcome is what answering one interaction or message came to: its
// kind and result, and the question to keep when the engine declined it.
type outcome struct {
	command  string   // the command, button or kind of message (commandOf)
	result   string   // one of the result constants
	question bool     // a question, under the rate limit
	decline  *Decline // to keep once the reply is out
}

// computed is a response with its outcome.
type computed struct {
	resp *discordgo.InteractionResponse
	out  outcome
}

// interaction answers i through out. ctx bounds all the work; the first
// response gets a deadline of its own.
func (h *handler) interaction(ctx context.Context, i *discordgo.Interaction, out responder) {
	start := time.Now()
	o, delivered := h.deliver(ctx, i, out, start)
	if !delivered {
		o.result = resultError
	}
	h.metrics.observe(o, time.Since(start))
	h.finish(ctx, o)
}

// deliver computes the response to i and sends it, deferring first when
// the work is slow; it reports whether the answer reached Discord.
func (h *handler) deliver(ctx context.Context, i *discordgo.Interaction, out responder, start time.Time) (outcome, bool) {
	ack, cancel := context.WithTimeout(ctx, h.ackWithin)
	defer cancel()
	done := make(chan computed, 1)
	go func() { done <- h.compute(ctx, i) }()
	lost := outcome{command: commandOf(i), result: resultError}

	if !slow(i) {
		timer := time.NewTimer(h.deferAfter)
		defer timer.Stop()
		select {
		case c := <-done:
			return c.out, h.sendFirst(ack, i, out, c.resp, start)
		case <-timer.C:
		case <-ack.Done():
			h.log.Error("no time to answer interaction", append(attrs(i), errAttr(ack.Err()))...)
			return lost, false
		}
	}

	d := deferral(i)
	if d == nil { // autocomplete cannot be deferred: wait for it as long as Discord does
		select {
		case c := <-done:
			return c.out, h.sendFirst(ack, i, out, c.resp, start)
		case <-ack.Done():
			h.log.Warn("autocomplete too slow", attrs(i)...)
			return lost, false
		}
	}
	if !h.sendFirst(ack, i, out, d, start) {
		return lost, false
	}
	edit, cancelEdit := context.WithTimeout(ctx, h.editWithin)
	defer cancelEdit()
	var c computed
	select {
	case c = <-done:
	case <-edit.Done():
		h.log.Error("interaction work too slow", append(attrs(i), errAttr(edit.Err()))...)
		return lost, false
	}
	if err := out.edit(edit, editOf(c.resp.Data)); err != nil {
		h.log.Error("edit deferred response", append(attrs(i), errAttr(err))...)
		return c.out, false
	}
	return c.out, true
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

// compute answers i: a vote through feedback, a question under the rate
// limit, anything else with respond. A panic becomes an ephemeral error, so
// that one bad interaction never takes the bot down.
func (h *handler) compute(ctx context.Context, i *discordgo.Interaction) (c computed) {
	c.out = outcome{command: commandOf(i), result: resultAnswered, question: isQuestion(i)}
	defer func() {
		if p := recover(); p != nil {
			h.log.Error("interaction handler panicked", append(attrs(i),
				"panic", redact(fmt.Sprint(p)), "stack", string(debug.Stack()))...)
			c.resp, c.out.result, c.out.decline = failed(i), resultError, nil
		}
	}()
	if c.out.question {
		if ok, wait := h.limit.allow(userOf(i)); !ok {
			c.resp, c.out.result = message(rateLimited(h.now(), wait)), resultRateLimited
			return c
		}
	}
	if resp, result, ok := h.libraryWork(ctx, i); ok {
		c.resp, c.out.result = resp, result
		return c
	}
	e, refused := h.engineFor(ctx, i)
	if refused != nil {
		c.resp, c.out.result = message(*refused), resultDeclined
		return c
	}
	if b, ok := voteOf(i); ok {
		var r reply
		r, c.out.result = h.vote(ctx, e, i, b)
		c.resp = message(r)
		return c
	}
	r, err := respond(e, i)
	c.resp = r.InteractionResponse
	switch {
	case err != nil:
		h.log.Warn("answer interaction", append(attrs(i), errAttr(err))...)
		c.out.result = resultError
	case r.declined != "":
		c.out.result = resultDeclined
		c.out.decline = &Decline{GuildID: i.GuildID, UserID: userOf(i), Question: r.declined, Briefings: titles(e.Catalogue), At: h.now()}
	}
	return c
}

// vote keeps a reader's 👍 or 👎 on an answer and thanks them, only them.
func (h *handler) vote(ctx context.Context, e Engine, i *discordgo.Interaction, b button) (reply, string) {
	v := Vote{
		GuildID: i.GuildID, UserID: userOf(i), Ref: b.arg, Question: questionOf(i.Message),
		Up: b.action == actUp, Briefings: titles(e.Catalogue), At: h.now(),
	}
	thumb := "👎"
	if v.Up {
		thumb = "👍"
	}
	if h.feedback == nil {
		return notice("Thanks for the " + thumb + "."), resultAnswered
	}
	ctx, cancel := context.WithTimeout(ctx, storeWithin)
	defer cancel()
	if err := h.feedback.Vote(ctx, v); err != nil {
		h.log.Error("keep vote", append(attrs(i), errAttr(err))...)
		h.metrics.StoreError("vote")
		return notice(msgVoteFailed), resultError
	}
	return notice("Thanks: your " + thumb + " on this answer is recorded. Voting again replaces it."), resultAnswered
}

// finish keeps the declined question, if any, once the reply is out.
func (h *handler) finish(ctx context.Context, o outcome) {
	if o.decline == nil || h.feedback == nil {
		return
	}
	ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), storeWithin)
	defer cancel()
	if err := h.feedback.Declined(ctx, *o.decline); err != nil {
		h.log.Error("keep declined question", "command", o.command, errAttr(err))
		h.metrics.StoreError("declined")
	}
}

// engine is the engine that answers guildID ("" for DMs) now.
func (h *handler) engine(ctx context.Context, guildID string) Engine {
	if h.engines == nil {
		return Engine{}
	}
	return h.engines(ctx, guildID)
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
		if b, ok := buttonOf(i); ok && b.paged() {
			return &discordgo.InteractionResponse{Type: discordgo.InteractionResponseDeferredMessageUpdate}
		}
	case discordgo.InteractionApplicationCommand:
		d, _ := i.Data.(discordgo.ApplicationCommandInteractionData)
		private, _ := optionsOf(d).bool(optPrivate)
		ephemeral = d.Name == cmdHelp || d.Name == cmdBriefing || (d.Name == cmdAsk && private)
	}
	data := &discordgo.InteractionResponseData{AllowedMentions: noPings()}
	if ephemeral {
		data.Flags = discordgo.MessageFlagsEphemeral
	}
	return &discordgo.InteractionResponse{Type: discordgo.InteractionResponseDeferredChannelMessageWithSource, Data: data}
}

// slow reports whether i's work takes seconds, so that it is deferred at
// once rather than after deferAfter: /briefing add fetches and parses a
// briefing.
func slow(i *discordgo.Interaction) bool {
	if i.Type != discordgo.InteractionApplicationCommand {
		return false
	}
	d, _ := i.Data.(discordgo.ApplicationCommandInteractionData)
	sub, _ := subcommand(d)
	return d.Name == cmdBriefing && sub == subAdd
}

// message answers a message that may put a question to the bot (botID),
// replying to it in its channel.
func (h *handler) message(ctx context.Context, s *discordgo.Session, m *discordgo.Message, botID string) {
	q, ok := questionIn(m, botID)
	if !ok {
		return
	}
	start := time.Now()
	r, o := h.messageReply(ctx, m, q)
	send := r.message(m.SoftReference())
	reply, cancel := context.WithTimeout(ctx, replyWithin)
	defer cancel()
	err := withRetry(reply, func(opts ...discordgo.RequestOption) error {
		_, err := s.ChannelMessageSendComplex(m.ChannelID, send, opts...)
		return err
	})
	if err != nil {
		h.log.Error("reply to message", "channel", m.ChannelID, "message", m.ID, errAttr(err))
		o.result = resultError
	}
	h.metrics.observe(o, time.Since(start))
	h.finish(ctx, o)
}

// messageReply is messageReply under the rate limit, with panics recovered.
func (h *handler) messageReply(ctx context.Context, m *discordgo.Message, q request) (r reply, o outcome) {
	o = outcome{command: q.kind, result: resultAnswered, question: true}
	defer func() {
		if p := recover(); p != nil {
			h.log.Error("message handler panicked", "channel", m.ChannelID, "message", m.ID,
				"panic", redact(fmt.Sprint(p)), "stack", string(debug.Stack()))
			r, o.result, o.decline = reply{content: msgError}, resultError, nil
		}
	}()
	if ok, wait := h.limit.allow(m.Author.ID); !ok {
		r = rateLimited(h.now(), wait)
		r.ephemeral = false
		o.result = resultRateLimited
		return r, o
	}
	e := h.engine(ctx, m.GuildID)
	r, declined := messageReply(e.Answerer, q)
	if declined != "" {
		o.result = resultDeclined
		o.decline = &Decline{GuildID: m.GuildID, UserID: m.Author.ID, Question: declined, Briefings: titles(e.Catalogue), At: h.now()}
	}
	return r, o
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

// buttonOf is the button a component interaction clicked.
func buttonOf(i *discordgo.Interaction) (button, bool) {
	if i.Type != discordgo.InteractionMessageComponent {
		return button{}, false
	}
	d, _ := i.Data.(discordgo.MessageComponentInteractionData)
	return parseButton(d.CustomID)
}

// voteOf is the 👍 or 👎 button i clicked, if it clicked one.
func voteOf(i *discordgo.Interaction) (button, bool) {
	b, ok := buttonOf(i)
	return b, ok && (b.action == actUp || b.action == actDown)
}

// isQuestion reports whether i asks the engine a question: /ask, and "More
// answers", which asks it again. Only questions count against the rate
// limit.
func isQuestion(i *discordgo.Interaction) bool {
	switch i.Type {
	case discordgo.InteractionApplicationCommand:
		d, _ := i.Data.(discordgo.ApplicationCommandInteractionData)
		return d.Name == cmdAsk
	case discordgo.InteractionMessageComponent:
		b, ok := buttonOf(i)
		return ok && (b.action == actMore || b.action == actMoreOne)
	}
	return false
}

// commandOf names what i is, in few enough words to label metrics: the
// slash command ("briefing_add" and so on for /briefing's subcommands),
// "autocomplete", or the button ("more", "paragraph", "vote", "page");
// "unknown" for anything else. Messages are "mention", "dm" or "followup"
// (request.kind).
func commandOf(i *discordgo.Interaction) string {
	switch i.Type {
	case discordgo.InteractionApplicationCommand:
		d, _ := i.Data.(discordgo.ApplicationCommandInteractionData)
		switch d.Name {
		case cmdAsk, cmdTimeline, cmdSources, cmdQuote, cmdAbout, cmdHelp:
			return d.Name
		case cmdBriefing:
			switch sub, _ := subcommand(d); sub {
			case subAdd, subList, subRemove, subGaps:
				return cmdBriefing + "_" + sub
			}
			return cmdBriefing
		}
	case discordgo.InteractionApplicationCommandAutocomplete:
		return "autocomplete"
	case discordgo.InteractionMessageComponent:
		b, ok := buttonOf(i)
		switch {
		case !ok:
		case b.action == actMore || b.action == actMoreOne:
			return "more"
		case b.action == actPara:
			return "paragraph"
		case b.action == actUp || b.action == actDown:
			return "vote"
		case b.paged():
			return "page"
		}
	}
	return "unknown"
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
