package bot

import (
	"context"
	"time"
)

// Feedback keeps what readers tell the people who post the briefings: their
// votes on answers, and the questions the briefings did not answer. The bot
// calls it on every 👍 or 👎 and on every declined question (/ask, a
// mention, a DM or a follow-up). A nil Feedback keeps nothing.
type Feedback interface {
	// Vote keeps one reader's vote on one answer; a later vote by the same
	// reader on the same answer replaces it.
	Vote(ctx context.Context, v Vote) error
	// Declined keeps a question the briefings did not answer.
	Declined(ctx context.Context, d Decline) error
}

// A Vote is one reader's 👍 or 👎 on one answer.
type Vote struct {
	GuildID   string    // "" in DMs
	UserID    string    // the reader's raw Discord ID: keep only a keyed hash of it
	Ref       string    // the answer's ref
	Question  string    // the question it answered, as the answer's title shows it
	Up        bool      // 👍; false is 👎
	Briefings []string  // titles of the briefings the guild's engine searches
	At        time.Time // when the vote was cast
}

// A Decline is a question the briefings did not answer.
type Decline struct {
	GuildID   string    // "" in DMs
	UserID    string    // the asker's raw Discord ID: keep only a keyed hash of it
	Question  string    // as asked, cut to 300 characters
	Briefings []string  // titles of the briefings searched
	At        time.Time // when it was asked
}

// storeWithin bounds each call to Feedback.
const storeWithin = 5 * time.Second

// titles names the briefings c searches; nil when there is no catalogue.
func titles(c Catalogue) []string {
	if c == nil {
		return nil
	}
	infos := c.Briefings()
	out := make([]string, 0, len(infos))
	for _, b := range infos {
		out = append(out, b.Title)
	}
	return out
}
