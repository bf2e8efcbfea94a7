package bot

import (
	"context"
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/briefbot/briefbot/qa"
)

// answered is the message an answer posts, as a click on it sends it back.
func answered(tb testing.TB, e fake, question string) *discordgo.Message {
	tb.Helper()
	r, err := respond(e.engine(), slash(cmdAsk, opt(optQuestion, question)))
	if err != nil {
		tb.Fatal(err)
	}
	return sent(r)
}

func TestVotes(t *testing.T) {
	at := time.Unix(1_700_000_000, 0)
	e := newFake()
	msg := answered(t, e, "when will the harbour reopen?")
	ids := buttonIDs(msg.Components)
	if ids["👍"] != "v1:up:b1:p4" || ids["👎"] != "v1:down:b1:p4" {
		t.Fatalf("vote buttons %q and %q, want v1:up:b1:p4 and v1:down:b1:p4", ids["👍"], ids["👎"])
	}
	tests := []struct {
		name     string
		id       string
		feedback *fakeFeedback
		want     *Vote  // the vote kept, if any
		reply    string // in the ephemeral reply
	}{
		{"up", ids["👍"], &fakeFeedback{},
			&Vote{GuildID: "", UserID: "42", Ref: "b1:p4", Question: "when will the harbour reopen?", Up: true, Briefings: []string{"Harbour repairs"}, At: at},
			"your 👍 on this answer is recorded"},
		{"down", ids["👎"], &fakeFeedback{},
			&Vote{UserID: "42", Ref: "b1:p4", Question: "when will the harbour reopen?", Up: false, Briefings: []string{"Harbour repairs"}, At: at},
			"your 👎 on this answer is recorded"},
		{"nothing kept", ids["👍"], nil, nil, "Thanks for the 👍."},
		{"store fails", ids["👎"], &fakeFeedback{err: errors.New("disk full")}, nil, msgVoteFailed},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h, logs := testHandler(e.engine())
			h.now = func() time.Time { return at }
			if tt.feedback != nil {
				h.feedback = tt.feedback
			}
			var rec recorder
			h.interaction(context.Background(), click(tt.id, msg), &rec)
			r := rec.responses[0]
			checkData(t, r.Data)
			if r.Type != discordgo.InteractionResponseChannelMessageWithSource || r.Data.Flags != discordgo.MessageFlagsEphemeral {
				t.Errorf("reply type %d flags %d, want an ephemeral new message (the answer stays as it is)", r.Type, r.Data.Flags)
			}
			if !strings.Contains(r.Data.Content, tt.reply) {
				t.Errorf("reply %q, want %q", r.Data.Content, tt.reply)
			}
			if tt.feedback == nil {
				return
			}
			switch {
			case tt.want == nil && len(tt.feedback.votes) > 0:
				t.Errorf("kept %+v, want nothing", tt.feedback.votes)
			case tt.want != nil && (len(tt.feedback.votes) != 1 || !sameVote(tt.feedback.votes[0], *tt.want)):
				t.Errorf("kept %+v, want %+v", tt.feedback.votes, *tt.want)
			case tt.feedback.err != nil && !strings.Contains(logs.String(), "disk full"):
				t.Errorf("the store's error is not logged: %s", logs)
			}
		})
	}
}

func sameVote(a, b Vote) bool {
	return a.GuildID == b.GuildID && a.UserID == b.UserID && a.Ref == b.Ref && a.Question == b.Question &&
		a.Up == b.Up && slices.Equal(a.Briefings, b.Briefings) && a.At.Equal(b.At)
}

func TestDeclinedQuestionsAreKept(t *testing.T) {
	at := time.Unix(1_700_000_000, 0)
	declined := qa.Answer{Suggestions: []string{"Who runs the port?"}}
	tests := []struct {
		name   string
		answer qa.Answer
		ask    func(h *handler)
		want   []Decline
	}{
		{"declined /ask", declined, func(h *handler) {
			h.interaction(context.Background(), slash(cmdAsk, opt(optQuestion, " how deep is it? ")), &recorder{})
		}, []Decline{{GuildID: "200", UserID: "42", Question: "how deep is it?", Briefings: []string{"Harbour repairs"}, At: at}}},
		{"declined with closest passages", qa.Answer{Closest: []qa.Match{{Passage: "Near.", Ref: "b1:p2"}}}, func(h *handler) {
			h.interaction(context.Background(), slash(cmdAsk, opt(optQuestion, "how deep?")), &recorder{})
		}, []Decline{{GuildID: "200", UserID: "42", Question: "how deep?", Briefings: []string{"Harbour repairs"}, At: at}}},
		{"declined mention", declined, func(h *handler) {
			m := &discordgo.Message{ID: "5", GuildID: "7", Author: &discordgo.User{ID: "43"}}
			_, o := h.messageReply(context.Background(), m, request{text: "how deep?", kind: "mention"})
			h.finish(context.Background(), o)
		}, []Decline{{GuildID: "7", UserID: "43", Question: "how deep?", Briefings: []string{"Harbour repairs"}, At: at}}},
		{"answered /ask", newFake().answer, func(h *handler) {
			h.interaction(context.Background(), slash(cmdAsk, opt(optQuestion, "when?")), &recorder{})
		}, nil},
		{"More answers is not a new question", declined, func(h *handler) {
			h.interaction(context.Background(), click("v1:more", &discordgo.Message{Embeds: []*discordgo.MessageEmbed{{Title: "how deep?"}}}), &recorder{})
		}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := newFake()
			e.answer = tt.answer
			h, _ := testHandler(e.engine())
			h.now = func() time.Time { return at }
			f := &fakeFeedback{}
			h.feedback = f
			tt.ask(h)
			if len(f.declines) != len(tt.want) {
				t.Fatalf("kept %+v, want %+v", f.declines, tt.want)
			}
			for i, d := range f.declines {
				w := tt.want[i]
				if d.GuildID != w.GuildID || d.UserID != w.UserID || d.Question != w.Question || !slices.Equal(d.Briefings, w.Briefings) || !d.At.Equal(w.At) {
					t.Errorf("kept %+v, want %+v", d, w)
				}
			}
		})
	}
}
