package knowledge

import "time"

// A dateMention is one date expression found in a sentence.
type dateMention struct {
	Expr       string // the words as written, e.g. "last March"
	Start, End int    // byte offsets of Expr in the sentence
	Date       string // YYYY | YYYY-MM | YYYY-MM-DD; "" when unresolved (no publication date)
	EndDate    string // for spans, the end; else ""
	Approx     bool
}

// findDates returns the date expressions in sentence, resolved against
// published (zero when unknown). TODO(helper): replace this stub.
func findDates(sentence string, published time.Time) []dateMention {
	return nil
}
