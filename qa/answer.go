package qa

// An Answer is the reply to one question. Its JSON form is the contract of
// `briefbot ask --json` (see DESIGN.md).
type Answer struct {
	Question    string   `json:"question"`
	Answered    bool     `json:"answered"`
	Passage     string   `json:"passage"` // the answer sentence(s), verbatim
	Context     string   `json:"context"` // the whole paragraph
	Speaker     *Speaker `json:"speaker"` // nil for the briefing's own narration
	Quote       string   `json:"quote"`   // the direct quotation inside the passage, if any
	Briefing    string   `json:"briefing"`
	Section     string   `json:"section"`
	Score       float64  `json:"score"`
	Why         string   `json:"why"`
	More        []Match  `json:"more"`
	Suggestions []string `json:"suggestions,omitempty"`
	// Closest holds, when the question is declined, up to three passages
	// nearest to it, shown as such and never as the answer.
	Closest []Match `json:"closest,omitempty"`

	// Ref names the answer for Engine.Paragraph and Engine.FollowUp: stable
	// across reloads of the same briefing, at most 40 bytes, no spaces.
	Ref string `json:"ref"`

	// Understood says, for a follow-up, what it was taken to mean ("taking
	// 'he' as Jane Doe"); "" for a question asked on its own.
	Understood string `json:"-"`
}

// A Speaker is who said a passage.
type Speaker struct {
	Name string `json:"name"`
	Role string `json:"role"`
	Kind string `json:"kind"` // person | organisation
}

// A Match is a further candidate answer.
type Match struct {
	Passage  string   `json:"passage"`
	Speaker  *Speaker `json:"speaker"`
	Score    float64  `json:"score"`
	Briefing string   `json:"-"`
	Section  string   `json:"-"`
	Ref      string   `json:"-"`
}

// A Paragraph is one passage of a briefing in full, for "Full paragraph".
type Paragraph struct {
	Text     string
	Briefing string
	Section  string
	Kind     string
}

// TimelineFilter narrows Engine.Timeline. Zero values mean no limit.
type TimelineFilter struct {
	Topic    string // keep events whose sentence matches these words
	From, To int    // inclusive years
}

// A TimelineEvent is one dated event, merged across briefings.
type TimelineEvent struct {
	Date       string   `json:"date"` // YYYY | YYYY-MM | YYYY-MM-DD | "" (unresolved)
	End        string   `json:"end"`
	Approx     bool     `json:"approx"`
	When       string   `json:"when"` // human form: "Sunday, November 3, 2019", "about 2015", "last May (date unknown)"
	Expression string   `json:"expression"`
	Text       string   `json:"text"`
	Speaker    string   `json:"speaker,omitempty"`
	Briefings  []string `json:"briefings"`
}

// A SourceSummary is one person or organisation quoted or cited.
type SourceSummary struct {
	Name       string   `json:"name"`
	Kind       string   `json:"kind"` // person | organisation | media
	Role       string   `json:"role"`
	Aliases    []string `json:"aliases"`
	Quotes     int      `json:"quotes"`
	Statements int      `json:"statements"`
	Briefings  []string `json:"briefings"`
}

// A Said is one thing a source said: a direct quote or a statement.
type Said struct {
	Text     string `json:"text"`  // the sentence as the briefing prints it
	Quote    string `json:"quote"` // the words in quotation marks; "" for a statement
	Briefing string `json:"briefing"`
	Section  string `json:"section"`
}

// BriefingInfo describes one loaded briefing, for /about.
type BriefingInfo struct {
	Title     string `json:"title"`
	Publisher string `json:"publisher"`
	Published string `json:"published"`
	URL       string `json:"url"`
	Passages  int    `json:"passages"`
}
