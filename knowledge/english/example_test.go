package english_test

import (
	"fmt"

	"github.com/briefbot/briefbot/knowledge/english"
)

func Example() {
	m, _ := english.MonthAbbreviation("Sept.")
	g, _ := english.Honorific("Mrs.")
	lemma, _ := english.Lemma("told")
	fmt.Println(m, g == english.Female, english.ReportingVerb("said") == english.ReportsAlways, lemma)
	// Output: September true true tell
}
