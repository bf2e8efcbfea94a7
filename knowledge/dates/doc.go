// Package dates finds the date expressions in a sentence of English news
// and resolves them against an anchor date, usually the publication date.
//
// Dates are found with small hand-written rules in the manner of HeidelTime:
// each rule is a regular expression for one kind of expression plus a
// function that normalises what it matched against the anchor. The rules run
// in a fixed order, most specific first ("Jan. 3, 2024" before "in January",
// "In September 2022" before "in 2022"), and a rule may not claim words an
// earlier rule already claimed.
//
// Relative expressions are resolved the way news is written: a bare weekday,
// month or "March 22" is the latest one on or before the anchor, unless the
// nearest tense cue in the sentence is a future one ("will meet on Monday"),
// when it is the first one on or after it. Without an anchor, relative
// expressions keep their words but get no date: they are never guessed.
//
// The package uses only the standard library and holds no mutable state.
package dates
