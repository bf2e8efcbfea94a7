package english

import (
	"iter"
	"strings"
)

// orgNouns are singular lower-case nouns for organisations.
var orgNouns = map[string]bool{
	"military": true, "ministry": true, "government": true, "agency": true,
	"department": true, "office": true, "administration": true, "council": true,
	"committee": true, "company": true, "group": true, "campaign": true, "army": true,
	"navy": true, "court": true, "embassy": true, "party": true, "team": true,
	"organisation": true, "organization": true, "command": true, "service": true,
	"commission": true, "regime": true, "cabinet": true, "parliament": true,
	"firm": true, "bank": true, "union": true, "authority": true, "board": true,
	"bureau": true, "coalition": true, "alliance": true, "movement": true,
	"network": true, "institute": true, "university": true, "hospital": true,
	"newspaper": true, "broadcaster": true, "outlet": true, "force": true,
	"directorate": true, "secretariat": true, "presidency": true, "kremlin": true,
	"pentagon": true, "airline": true, "operator": true,
	"website": true, "association": true, "cooperative": true, "co-op": true,
	"utility": true, "club": true, "federation": true, "foundation": true,
	"charity": true, "society": true, "observatory": true, "regulator": true,
	"watchdog": true, "municipality": true, "district": true, "school": true,
	"college": true,
}

// IsOrgNoun reports whether w (lower case) is a singular noun for an
// organisation: "ministry", "council", "company".
func IsOrgNoun(w string) bool {
	return orgNouns[w]
}

// genericOrgNouns name any kind of body, whatever its name says.
var genericOrgNouns = map[string]bool{
	"company": true, "firm": true, "operator": true, "group": true, "organisation": true,
	"organization": true, "cooperative": true, "co-op": true, "utility": true,
	"business": true, "carrier": true, "airline": true, "manufacturer": true,
	"retailer": true, "maker": true, "producer": true, "chain": true, "lender": true,
	"insurer": true, "broadcaster": true, "publisher": true, "developer": true,
	"network": true, "charity": true, "association": true, "body": true,
}

// IsGenericOrgNoun reports whether w (lower case) names any kind of body,
// so that "the company" can refer to an organisation whose name lacks the
// word: "company", "firm", "operator".
func IsGenericOrgNoun(w string) bool {
	return genericOrgNouns[w]
}

// orgWords, capitalised in a name, make it an organisation or a place.
var orgWords = map[string]bool{
	"agency": true, "army": true, "association": true, "authority": true, "bank": true,
	"board": true, "bureau": true, "center": true, "centre": true, "command": true,
	"commission": true, "committee": true, "company": true, "congress": true,
	"corp": true, "corp.": true, "corporation": true, "council": true, "court": true,
	"department": true, "embassy": true, "federation": true, "force": true,
	"forces": true, "foundation": true, "front": true, "fund": true, "government": true,
	"group": true, "guard": true, "inc": true, "inc.": true, "institute": true,
	"institution": true, "league": true, "ltd": true, "ltd.": true, "ministry": true,
	"movement": true, "navy": true, "network": true, "news": true, "office": true,
	"organisation": true, "organization": true, "parliament": true, "party": true,
	"police": true, "press": true, "project": true, "republic": true, "school": true,
	"senate": true, "service": true, "services": true, "society": true, "state": true,
	"states": true, "studies": true, "tribunal": true, "union": true, "university": true,
	"college": true, "nations": true, "kingdom": true, "times": true, "post": true,
	"journal": true, "alliance": true, "coalition": true, "brigade": true,
	"brigades": true, "battalion": true, "regiment": true, "cabinet": true,
	"assembly": true, "administration": true, "secretariat": true, "directorate": true,
	"unit": true, "division": true, "program": true, "programme": true,
	"initiative": true, "trust": true, "club": true, "media": true, "radio": true,
	"television": true, "tv": true, "broadcasting": true, "herald": true,
	"tribune": true, "gazette": true, "airlines": true, "airways": true,
	"holdings": true, "partners": true, "capital": true, "labs": true,
	"cooperative": true, "co-operative": true, "co-op": true,
	"railway": true, "railways": true,
	"technologies": true, "systems": true, "hospital": true, "clinic": true,
	"church": true, "house": true, "office's": true, "agency's": true, "bureau's": true,
	"command's": true, "group's": true, "review": true, "daily": true, "channel": true,
	"monitor": true, "observatory": true, "watch": true, "international": true,
	"associates": true, "consulting": true, "research": true, "forum": true,
	"academy": true, "museum": true, "library": true, "hall": true, "square": true,
	"street": true, "avenue": true, "road": true, "city": true, "county": true,
	"province": true, "region": true, "island": true, "islands": true, "bay": true,
	"mountains": true, "river": true, "sea": true, "ocean": true, "gulf": true,
	"basin": true, "peninsula": true, "highlands": true, "lowlands": true, "straits": true,
	"territory": true, "territories": true, "reservoir": true,
	"north": true, "south": true, "east": true, "west": true, "central": true,
	"africa": true, "asia": true, "europe": true, "america": true, "middle": true,
	"foods": true, "industries": true, "motors": true, "pharmaceuticals": true, "brands": true,
	"resources": true, "solutions": true, "enterprises": true, "entertainment": true,
	"energy": true, "robotics": true, "aerospace": true, "market": true, "markets": true,
	"finance": true, "financial": true, "insurance": true, "investments": true, "ventures": true,
	"logistics": true, "communications": true, "networks": true, "studios": true, "publishing": true,
	"town": true, "united": true, "rovers": true, "athletic": true, "wanderers": true, "albion": true,
	"fc": true, "afc": true,
	"emirates": true, "federal": true, "national": true, "royal": true,
	"ministries": true, "affairs": true, "security": true, "defence": true,
	"defense": true, "intelligence": true,
}

// IsOrgWord reports whether w (lower case), capitalised inside a name, makes
// the name an organisation or a place rather than a person: "ministry",
// "institute", "street".
func IsOrgWord(w string) bool {
	return orgWords[w]
}

// corporateSuffixes end company names: "Nordic Steel AG" and "Nordic Steel"
// are one company.
var corporateSuffixes = []string{" AG", " Inc.", " Inc", " Corp.", " Corp", " Ltd.", " Ltd", " LLC", " plc", " PLC", " SA", " S.A.", " SE", " NV", " N.V.", " Co.", " GmbH", " Group", " Holdings", " Limited", " Corporation", " Company"}

// TrimCompanySuffix returns a company's name without a corporate suffix such
// as "Inc." or "AG"; other names come back unchanged.
func TrimCompanySuffix(name string) string {
	for _, suf := range corporateSuffixes {
		if strings.HasSuffix(name, suf) && len(name) > len(suf) {
			return strings.TrimSuffix(name, suf)
		}
	}
	return name
}

// longForms are abbreviations of country and body names.
var longForms = map[string]string{
	"U.S.": "United States", "US": "United States", "U.S.A.": "United States",
	"USA": "United States", "U.K.": "United Kingdom", "UK": "United Kingdom",
	"U.N.": "United Nations", "UN": "United Nations", "EU": "European Union",
	"E.U.": "European Union", "UAE": "United Arab Emirates",
}

// LongForm returns the name an abbreviation stands for, as written
// ("U.S." gives "United States"). The abbreviation is case-sensitive: "US"
// is the country, "us" a pronoun.
func LongForm(short string) (string, bool) {
	l, ok := longForms[short]
	return l, ok
}

// LongForms yields every abbreviation LongForm knows, with its long form.
func LongForms() iter.Seq2[string, string] {
	return func(yield func(string, string) bool) {
		for s, l := range longForms {
			if !yield(s, l) {
				return
			}
		}
	}
}

// countries are country names (lower case) with their demonyms.
var countries = []string{
	"afghanistan:afghan,afghans", "albania:albanian", "algeria:algerian", "argentina:argentine,argentinian",
	"armenia:armenian", "australia:australian", "austria:austrian", "azerbaijan:azerbaijani",
	"bangladesh:bangladeshi", "belarus:belarusian", "belgium:belgian", "bolivia:bolivian",
	"bosnia:bosnian", "brazil:brazilian", "bulgaria:bulgarian", "cambodia:cambodian",
	"canada:canadian", "chile:chilean", "china:chinese", "colombia:colombian", "croatia:croatian",
	"cuba:cuban", "czechia:czech", "denmark:danish,dane,danes", "egypt:egyptian", "england:english",
	"eritrea:eritrean", "estonia:estonian", "ethiopia:ethiopian", "finland:finnish,finn,finns",
	"france:french", "georgia:georgian", "germany:german", "ghana:ghanaian", "greece:greek",
	"haiti:haitian", "hungary:hungarian", "iceland:icelandic,icelander", "india:indian",
	"indonesia:indonesian", "iran:iranian", "iraq:iraqi", "ireland:irish", "israel:israeli",
	"italy:italian", "jamaica:jamaican", "japan:japanese", "jordan:jordanian", "kazakhstan:kazakh",
	"kenya:kenyan", "korea:korean", "kuwait:kuwaiti", "kyrgyzstan:kyrgyz", "latvia:latvian",
	"lebanon:lebanese", "libya:libyan", "lithuania:lithuanian", "malaysia:malaysian", "mali:malian",
	"mexico:mexican", "moldova:moldovan", "mongolia:mongolian", "morocco:moroccan",
	"myanmar:burmese", "nepal:nepali,nepalese", "netherlands:dutch", "nigeria:nigerian",
	"norway:norwegian", "pakistan:pakistani", "palestine:palestinian", "peru:peruvian",
	"philippines:filipino,philippine", "poland:polish,pole,poles", "portugal:portuguese",
	"qatar:qatari", "romania:romanian", "russia:russian", "rwanda:rwandan", "scotland:scottish,scot,scots",
	"serbia:serbian", "slovakia:slovak", "slovenia:slovenian", "somalia:somali", "spain:spanish,spaniard",
	"sudan:sudanese", "sweden:swedish,swede", "switzerland:swiss", "syria:syrian", "taiwan:taiwanese",
	"tajikistan:tajik", "thailand:thai", "tunisia:tunisian", "turkey:turkish,turk,turks",
	"turkmenistan:turkmen", "uganda:ugandan", "ukraine:ukrainian", "uzbekistan:uzbek",
	"venezuela:venezuelan", "vietnam:vietnamese", "wales:welsh", "yemen:yemeni", "zimbabwe:zimbabwean",
	"europe:european", "asia:asian", "africa:african",
	"united states:american,americans", "united kingdom:british,briton,britons", "saudi arabia:saudi,saudis",
}

// Countries yields each country (or continent) name, lower case, with its
// demonyms: "france" with ["french"]. Names may have several words
// ("united states"); the slice is the caller's.
func Countries() iter.Seq2[string, []string] {
	return func(yield func(string, []string) bool) {
		for _, c := range countries {
			name, demonyms, _ := strings.Cut(c, ":")
			if !yield(name, strings.Split(demonyms, ",")) {
				return
			}
		}
	}
}

// demonymCountry maps each demonym to its country.
var demonymCountry = func() map[string]string {
	m := map[string]string{}
	for name, ds := range Countries() {
		for _, d := range ds {
			m[d] = name
		}
	}
	return m
}()

// CountryOf returns the country (lower case) a demonym names: "french"
// gives "france", "American" gives "united states".
func CountryOf(demonym string) (string, bool) {
	c, ok := demonymCountry[strings.ToLower(demonym)]
	return c, ok
}
