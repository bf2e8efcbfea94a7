package english

import (
	"iter"
	"strings"
)

// partyLetters are the parties of American party-state tags: the R in
// "R-Neb.".
var partyLetters = map[string]string{"R": "Republican", "D": "Democrat", "I": "independent"}

// stateAbbreviations are the U.S. states as the AP style writes them in
// party-state tags ("R-Neb.", "D-Calif."), with a full stop, and the
// states the AP spells out, and their postal codes, with the states' names.
var stateAbbreviations = map[string]string{
	"Ala": "Alabama", "Ariz": "Arizona", "Ark": "Arkansas", "Calif": "California",
	"Colo": "Colorado", "Conn": "Connecticut", "Del": "Delaware", "Fla": "Florida",
	"Ga": "Georgia", "Ill": "Illinois", "Ind": "Indiana", "Kan": "Kansas", "Ky": "Kentucky",
	"La": "Louisiana", "Md": "Maryland", "Mass": "Massachusetts", "Mich": "Michigan",
	"Minn": "Minnesota", "Miss": "Mississippi", "Mo": "Missouri", "Mont": "Montana",
	"Neb": "Nebraska", "Nev": "Nevada", "N.H": "New Hampshire", "N.J": "New Jersey",
	"N.M": "New Mexico", "N.Y": "New York", "N.C": "North Carolina", "N.D": "North Dakota",
	"Okla": "Oklahoma", "Ore": "Oregon", "Pa": "Pennsylvania", "R.I": "Rhode Island",
	"S.C": "South Carolina", "S.D": "South Dakota", "Tenn": "Tennessee", "Vt": "Vermont",
	"Va": "Virginia", "Wash": "Washington", "W.Va": "West Virginia", "Wis": "Wisconsin",
	"Wyo":    "Wyoming",
	"Alaska": "Alaska", "Hawaii": "Hawaii", "Idaho": "Idaho", "Iowa": "Iowa", "Maine": "Maine",
	"Ohio": "Ohio", "Texas": "Texas", "Utah": "Utah",
	"AL": "Alabama", "AK": "Alaska", "AZ": "Arizona", "AR": "Arkansas", "CA": "California",
	"CO": "Colorado", "CT": "Connecticut", "DE": "Delaware", "FL": "Florida", "GA": "Georgia",
	"HI": "Hawaii", "ID": "Idaho", "IL": "Illinois", "IN": "Indiana", "IA": "Iowa",
	"KS": "Kansas", "KY": "Kentucky", "LA": "Louisiana", "ME": "Maine", "MD": "Maryland",
	"MA": "Massachusetts", "MI": "Michigan", "MN": "Minnesota", "MS": "Mississippi",
	"MO": "Missouri", "MT": "Montana", "NE": "Nebraska", "NV": "Nevada", "NH": "New Hampshire",
	"NJ": "New Jersey", "NM": "New Mexico", "NY": "New York", "NC": "North Carolina",
	"ND": "North Dakota", "OH": "Ohio", "OK": "Oklahoma", "OR": "Oregon", "PA": "Pennsylvania",
	"RI": "Rhode Island", "SC": "South Carolina", "SD": "South Dakota", "TN": "Tennessee",
	"TX": "Texas", "UT": "Utah", "VT": "Vermont", "VA": "Virginia", "WA": "Washington",
	"WV": "West Virginia", "WI": "Wisconsin", "WY": "Wyoming",
}

// spelledStates are the states the AP style spells out in full.
var spelledStates = map[string]bool{"Alaska": true, "Hawaii": true, "Idaho": true, "Iowa": true, "Maine": true, "Ohio": true, "Texas": true, "Utah": true}

// IsAbbreviatedTag reports whether word is a party-state tag whose state is
// an AP abbreviation, which takes a full stop: "R-Neb", "D-Calif", "D-N.Y";
// not "R-Texas" or "D-ID", after which a full stop ends the sentence.
func IsAbbreviatedTag(word string) bool {
	_, abbr, ok := strings.Cut(word, "-")
	if !ok || spelledStates[abbr] || strings.ToUpper(abbr) == abbr && !strings.Contains(abbr, ".") {
		return false
	}
	_, _, ok = PartyTag(word)
	return ok
}

// PartyTag reads an American party-state tag, as news writes it after a
// lawmaker's name: "R-Neb." is a Republican from Nebraska, "D-NY" a
// Democrat from New York.
func PartyTag(s string) (party, state string, ok bool) {
	letter, abbr, found := strings.Cut(strings.TrimSpace(s), "-")
	party, ok = partyLetters[letter]
	if !found || !ok {
		return "", "", false
	}
	state, ok = stateAbbreviations[strings.TrimSuffix(abbr, ".")]
	if !ok {
		return "", "", false
	}
	return party, state, true
}

// StateCodes yields each U.S. state's two-letter postal code with the
// state's name: "NY" with "New York". The order is unspecified.
func StateCodes() iter.Seq2[string, string] {
	return func(yield func(string, string) bool) {
		for abbr, state := range stateAbbreviations {
			if len(abbr) == 2 && strings.ToUpper(abbr) == abbr && !yield(abbr, state) {
				return
			}
		}
	}
}
