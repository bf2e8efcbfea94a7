package dates

import (
	"testing"
	"time"
)

// FuzzFindDates checks that Find never panics, that every mention's
// offsets give back its Expr, and that every date is well formed, for any
// sentence and any publication date (or none).
func FuzzFindDates(f *testing.F) {
	for _, c := range cases {
		f.Add(c.sentence, int32(19805)) // 2024-03-23
		f.Add(c.sentence, int32(-1))    // unknown
	}
	f.Add("in the ’20s, on Feb. 29 and Feb. 29, 2023, the past 999 centuries ago", int32(0))
	f.Add("c.2018 Friday, Jan. 31-30, 2099 mid-1900 the last 0 days", int32(2932896))
	f.Fuzz(func(t *testing.T, s string, days int32) {
		var pub time.Time
		if days >= 0 {
			// 1970 to about 9999: beyond that years are not four digits
			pub = time.Unix(0, 0).UTC().AddDate(0, 0, int(days%2932896))
		}
		checkMentions(t, s, Find(s, pub))
	})
}
