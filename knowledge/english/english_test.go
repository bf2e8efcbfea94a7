package english

import (
	"testing"
	"time"
)

func TestCalendar(t *testing.T) {
	months := []struct {
		w    string
		want time.Month
		ok   bool
	}{
		{"March", time.March, true}, {"march", time.March, true}, {"MAY", time.May, true},
		{"Mar", 0, false}, {"Marching", 0, false}, {"", 0, false},
	}
	for _, c := range months {
		if got, ok := Month(c.w); got != c.want || ok != c.ok {
			t.Errorf("Month(%q) = %v, %v; want %v, %v", c.w, got, ok, c.want, c.ok)
		}
	}
	abbrs := []struct {
		w    string
		want time.Month
		ok   bool
	}{
		{"Jan", time.January, true}, {"Jan.", time.January, true}, {"sept.", time.September, true},
		{"Sep", time.September, true}, {"May", 0, false}, {"January", 0, false}, {"Ja", 0, false},
	}
	for _, c := range abbrs {
		if got, ok := MonthAbbreviation(c.w); got != c.want || ok != c.ok {
			t.Errorf("MonthAbbreviation(%q) = %v, %v; want %v, %v", c.w, got, ok, c.want, c.ok)
		}
	}
	if d, ok := Weekday("Sunday"); d != time.Sunday || !ok {
		t.Errorf("Weekday(Sunday) = %v, %v", d, ok)
	}
	if _, ok := Weekday("Sun"); ok {
		t.Error("Weekday(Sun) is an abbreviation, not a name")
	}
	if d, ok := WeekdayAbbreviation("Thurs."); d != time.Thursday || !ok {
		t.Errorf("WeekdayAbbreviation(Thurs.) = %v, %v", d, ok)
	}
	for _, w := range []string{"Friday", "oct.", "Tues", "december"} {
		if !IsCalendarWord(w) {
			t.Errorf("IsCalendarWord(%q) = false", w)
		}
	}
	for _, w := range []string{"weekend", "today", "spring"} {
		if IsCalendarWord(w) {
			t.Errorf("IsCalendarWord(%q) = true", w)
		}
	}
}

func TestPeople(t *testing.T) {
	honorifics := []struct {
		w      string
		gender Gender
		ok     bool
	}{
		{"Mr.", Male, true}, {"mr", Male, true}, {"Ms.", Female, true}, {"Dr.", UnknownGender, true},
		{"Gen.", UnknownGender, true}, {"Lt.-Gen.", UnknownGender, true}, {"President", UnknownGender, false},
		{"Mister", UnknownGender, false},
	}
	for _, c := range honorifics {
		if g, ok := Honorific(c.w); g != c.gender || ok != c.ok {
			t.Errorf("Honorific(%q) = %v, %v; want %v, %v", c.w, g, ok, c.gender, c.ok)
		}
	}
	for w, want := range map[string]string{"Gen.": "general", "sen": "senator", "Lt.-Col.": "lieutenant colonel", "Mr.": "", "General": ""} {
		if got := TitleWord(w); got != want {
			t.Errorf("TitleWord(%q) = %q, want %q", w, got, want)
		}
	}
	for _, c := range []struct {
		f    func(string) bool
		name string
		yes  []string
		no   []string
	}{
		{IsTitle, "IsTitle", []string{"president", "Minister", "sen.", "Secretary-General"}, []string{"mr.", "analyst", "jane"}},
		{IsRoleNoun, "IsRoleNoun", []string{"spokesperson", "analyst", "resident"}, []string{"officials", "ministry"}},
		{IsGroupNoun, "IsGroupNoun", []string{"officials", "residents", "police"}, []string{"official", "ministry"}},
		{IsNameParticle, "IsNameParticle", []string{"al", "van", "De"}, []string{"the", "and"}},
		{IsNameSuffix, "IsNameSuffix", []string{"Jr.", "III"}, []string{"Sr.Jr", "esq"}},
	} {
		for _, w := range c.yes {
			if !c.f(w) {
				t.Errorf("%s(%q) = false", c.name, w)
			}
		}
		for _, w := range c.no {
			if c.f(w) {
				t.Errorf("%s(%q) = true", c.name, w)
			}
		}
	}
	if g := TitleGender("spokeswoman"); g != Female {
		t.Errorf("TitleGender(spokeswoman) = %v", g)
	}
}

func TestOrganisations(t *testing.T) {
	for _, c := range []struct {
		f    func(string) bool
		name string
		yes  []string
		no   []string
	}{
		{IsOrgNoun, "IsOrgNoun", []string{"ministry", "council", "company"}, []string{"officials", "spokesperson"}},
		{IsGenericOrgNoun, "IsGenericOrgNoun", []string{"company", "firm", "operator"}, []string{"ministry"}},
		{IsOrgWord, "IsOrgWord", []string{"institute", "university", "street"}, []string{"jane", "said"}},
	} {
		for _, w := range c.yes {
			if !c.f(w) {
				t.Errorf("%s(%q) = false", c.name, w)
			}
		}
		for _, w := range c.no {
			if c.f(w) {
				t.Errorf("%s(%q) = true", c.name, w)
			}
		}
	}
	for in, want := range map[string]string{"Nordic Steel AG": "Nordic Steel", "Acme Inc.": "Acme", "Inc.": "Inc.", "Harbour Lines": "Harbour Lines"} {
		if got := TrimCompanySuffix(in); got != want {
			t.Errorf("TrimCompanySuffix(%q) = %q, want %q", in, got, want)
		}
	}
	if l, ok := LongForm("U.S."); l != "United States" || !ok {
		t.Errorf("LongForm(U.S.) = %q, %v", l, ok)
	}
	if _, ok := LongForm("us"); ok {
		t.Error(`LongForm("us") found a country; the pronoun is not one`)
	}
	n := 0
	for s, l := range LongForms() {
		if got, _ := LongForm(s); got != l {
			t.Errorf("LongForms yields %q=%q, LongForm gives %q", s, l, got)
		}
		n++
	}
	if n < 10 {
		t.Errorf("LongForms yielded %d pairs", n)
	}
	for in, want := range map[string]string{"French": "france", "american": "united states", "Saudi": "saudi arabia"} {
		if got, ok := CountryOf(in); got != want || !ok {
			t.Errorf("CountryOf(%q) = %q, %v; want %q", in, got, ok, want)
		}
	}
	if _, ok := CountryOf("france"); ok {
		t.Error("CountryOf(france): a country is not a demonym")
	}
}

func TestVerbs(t *testing.T) {
	for w, want := range map[string]Reporting{
		"said": ReportsAlways, "told": ReportsAlways, "claimed": ReportsClause, "called": ReportsQuote,
		"saying": NotReporting, "walked": NotReporting, "Said": NotReporting,
	} {
		if got := ReportingVerb(w); got != want {
			t.Errorf("ReportingVerb(%q) = %v, want %v", w, got, want)
		}
	}
	for w, want := range map[string]string{"said": "say", "told": "tell", "went": "go", "gone": "go", "children": "child", "fought": "fight"} {
		if got, ok := Lemma(w); got != want || !ok {
			t.Errorf("Lemma(%q) = %q, %v; want %q", w, got, ok, want)
		}
	}
	for _, w := range []string{"say", "walked", "come"} {
		if l, ok := Lemma(w); ok {
			t.Errorf("Lemma(%q) = %q, want none", w, l)
		}
	}
	for w, want := range map[string]bool{"went": true, "said": true, "gone": false, "walked": false, "come": false} {
		if got := IsIrregularPast(w); got != want {
			t.Errorf("IsIrregularPast(%q) = %v", w, got)
		}
	}
	for w, want := range map[string]bool{"was": true, "didn't": true, "would": true, "said": false} {
		if got := IsAuxiliary(w); got != want {
			t.Errorf("IsAuxiliary(%q) = %v", w, got)
		}
	}
	for w, want := range map[string]bool{"will": true, "expected": true, "they'll": true, "we’ll": true, "said": false, "well": false} {
		if IsFutureCue(w) != want {
			t.Errorf("IsFutureCue(%q) = %v, want %v", w, !want, want)
		}
	}
	if !IsBeForm("were") || IsBeForm("had") {
		t.Error("IsBeForm: were is a form of be, had is not")
	}
}

func TestWords(t *testing.T) {
	for w, want := range map[string]bool{"the": true, "while": true, "they": true, "minister": false} {
		if got := IsFunctionWord(w); got != want {
			t.Errorf("IsFunctionWord(%q) = %v", w, got)
		}
	}
	for w, want := range map[string]bool{"the": true, "would": true, "us": true, "ministry": false, "said": false} {
		if got := IsStopWord(w); got != want {
			t.Errorf("IsStopWord(%q) = %v", w, got)
		}
	}
	for w, want := range map[string]bool{"down": true, "off": true, "out": true, "of": false, "the": false, "Down": false} {
		if got := IsParticle(w); got != want {
			t.Errorf("IsParticle(%q) = %v", w, got)
		}
	}
	if !IsQuantifier("several") || IsQuantifier("officials") {
		t.Error("IsQuantifier: several quantifies, officials does not")
	}
	numbers := []struct {
		w  string
		n  int
		ok bool
	}{
		{"seven", 7, true}, {"Forty", 40, true}, {"twenty-five", 25, true}, {"million", 1000000, true},
		{"five-twenty", 0, false}, {"twenty-ten", 0, false}, {"seventh", 0, false}, {"", 0, false},
	}
	for _, c := range numbers {
		if n, ok := Number(c.w); n != c.n || ok != c.ok {
			t.Errorf("Number(%q) = %d, %v; want %d, %v", c.w, n, ok, c.n, c.ok)
		}
	}
	for w, want := range map[string]Abbreviation{"Gen": BeforeName, "dr": BeforeName, "U.S": Common, "Jan": Common, "a.m": Common, "Said": NotAbbreviation} {
		if got := AbbreviationOf(w); got != want {
			t.Errorf("AbbreviationOf(%q) = %v, want %v", w, got, want)
		}
	}
}

// PartyTag reads American party-state tags, in AP abbreviations and
// postal codes, and nothing else.
func TestPartyTag(t *testing.T) {
	tests := []struct {
		tag, party, state string
		ok                bool
	}{
		{"R-Neb.", "Republican", "Nebraska", true},
		{"D-Calif.", "Democrat", "California", true},
		{"R-Texas", "Republican", "Texas", true},
		{"I-Vt.", "independent", "Vermont", true},
		{"D-NY", "Democrat", "New York", true},
		{"D-N.Y.", "Democrat", "New York", true},
		{"R-Paris", "", "", false},
		{"X-Neb.", "", "", false},
		{"Neb.", "", "", false},
		{"", "", "", false},
	}
	for w, want := range map[string]bool{"R-Neb": true, "D-N.Y": true, "R-Texas": false, "D-ID": false, "D-NY": false, "Neb": false} {
		if got := IsAbbreviatedTag(w); got != want {
			t.Errorf("IsAbbreviatedTag(%q) = %v", w, got)
		}
	}
	for _, tt := range tests {
		party, state, ok := PartyTag(tt.tag)
		if party != tt.party || state != tt.state || ok != tt.ok {
			t.Errorf("PartyTag(%q) = %q, %q, %v; want %q, %q, %v", tt.tag, party, state, ok, tt.party, tt.state, tt.ok)
		}
	}
}

func TestStateCodes(t *testing.T) {
	got := map[string]string{}
	for code, state := range StateCodes() {
		got[code] = state
	}
	if len(got) != 50 {
		t.Errorf("StateCodes gave %d states, want 50", len(got))
	}
	for code, want := range map[string]string{"NY": "New York", "CA": "California", "WV": "West Virginia"} {
		if got[code] != want {
			t.Errorf("StateCodes()[%q] = %q, want %q", code, got[code], want)
		}
	}
	if _, ok := got["Ky"]; ok {
		t.Error("StateCodes gave the AP abbreviation Ky, want postal codes only")
	}
}
