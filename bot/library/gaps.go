package library

import (
	"context"
	"fmt"
	"time"

	"github.com/briefbot/briefbot/bot/store"
	"github.com/briefbot/briefbot/qa"
)

// A GapQuery asks GapReport for one guild's gaps, or every guild's.
type GapQuery struct {
	Guild     string    // the guild ("" is DMs), unless AllGuilds
	AllGuilds bool      // every guild and DMs
	Since     time.Time // only feedback from then on
	Limit     int       // groups per list; 0 means 10
}

// A GapReport is what readers asked that the briefings did not give them,
// each group with what the briefings hold nearest to it.
type GapReport struct {
	Declined  []GapGroup `json:"declined"`   // the most frequent declined questions
	DownVoted []GapGroup `json:"down_voted"` // the most down-voted answers
}

// A GapGroup is one group of similar questions (the same stemmed content
// words, qa.ContentKey) with the passage closest to it.
type GapGroup struct {
	store.Gap
	Answer  string    `json:"answer,omitempty"` // for a down-voted answer: the paragraph it gave
	Closest *qa.Match `json:"closest"`          // what the briefings hold nearest to the question now
}

// GapReport groups the declined questions and down-voted answers q asks
// for, largest groups first, and finds for each the passage nearest to its
// most frequent wording in the engine of the guild it was asked in (the
// first one, when a group spans several): what the engine would answer
// now, else the closest of the passages it declines with. For a down-voted
// answer it adds the paragraph that was voted down, when the briefings
// still hold it. Both the terminal (`briefbot gaps`) and Discord
// (`/briefing gaps`) show this report.
func (l *Library) GapReport(ctx context.Context, q GapQuery) (GapReport, error) {
	g, err := l.Gaps(ctx, store.GapsQuery{Guild: q.Guild, AllGuilds: q.AllGuilds, Since: q.Since, Key: qa.ContentKey, Limit: q.Limit})
	if err != nil {
		return GapReport{}, err
	}
	engineFor := func(gap store.Gap) (*qa.Engine, error) {
		guild := q.Guild
		if q.AllGuilds {
			guild = ""
			if len(gap.Guilds) > 0 {
				guild = gap.Guilds[0]
			}
		}
		e, err := l.Engine(ctx, guild)
		if err != nil {
			return nil, fmt.Errorf("gaps of guild %q: %w", guild, err)
		}
		return e, nil
	}
	r := GapReport{Declined: []GapGroup{}, DownVoted: []GapGroup{}}
	for _, gap := range g.Declined {
		e, err := engineFor(gap)
		if err != nil {
			return GapReport{}, err
		}
		r.Declined = append(r.Declined, GapGroup{Gap: gap, Closest: closest(e, gap.Questions[0])})
	}
	for _, gap := range g.DownVoted {
		e, err := engineFor(gap)
		if err != nil {
			return GapReport{}, err
		}
		gg := GapGroup{Gap: gap, Closest: closest(e, gap.Questions[0])}
		if p, ok := e.Paragraph(gap.Ref); ok {
			gg.Answer = p.Text
		}
		r.DownVoted = append(r.DownVoted, gg)
	}
	return r, nil
}

// closest is the passage nearest to question: the answer the engine would
// give now, else the closest of those it declines with; nil when nothing
// comes near.
func closest(e *qa.Engine, question string) *qa.Match {
	if e == nil {
		return nil
	}
	a := e.Ask(question)
	if a.Answered {
		return &qa.Match{Passage: a.Passage, Speaker: a.Speaker, Score: a.Score, Briefing: a.Briefing, Section: a.Section, Ref: a.Ref}
	}
	if len(a.Closest) > 0 {
		return &a.Closest[0]
	}
	return nil
}
