package dates

import (
	"strings"
	"testing"
	"time"
)

// FuzzFind checks that Find and a Reader never panic, that every mention's
// offsets give back its Expr, and that every date is well formed, for any
// text (read as sentences split at ". " and paragraphs at blank lines) and
// any publication date (or none).
func FuzzFind(f *testing.F) {
	for _, c := range cases {
		f.Add(c.sentence, int32(19805)) // 2024-03-23
		f.Add(c.sentence, int32(-1))    // unknown
	}
	f.Add("in the ’20s, on Feb. 29 and Feb. 29, 2023, the past 999 centuries ago", int32(0))
	f.Add("c.2018 Friday, Jan. 31-30, 2099 mid-1900 the last 0 days", int32(2932896))
	f.Add("It hit on Dec. 31, 9999. The next day, two years later, a week earlier.\n\nThe following year.", int32(19805))
	f.Fuzz(func(t *testing.T, s string, days int32) {
		var pub time.Time
		if days >= 0 {
			// 1970 to about 9999: beyond that years are not four digits
			pub = time.Unix(0, 0).UTC().AddDate(0, 0, int(days%2932896))
		}
		checkMentions(t, s, Find(s, pub))
		r := NewReader(pub)
		for _, para := range strings.Split(s, "\n\n") {
			r.Paragraph()
			for _, sentence := range strings.SplitAfter(para, ". ") {
				checkMentions(t, sentence, r.Read(sentence))
			}
		}
	})
}
