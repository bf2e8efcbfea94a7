package english

import "strings"

// A Gender is what a word tells of a person's gender.
type Gender uint8

// The genders a word may imply.
const (
	UnknownGender Gender = iota
	Male
	Female
)

// trimDot lowers w and drops one trailing full stop: "Gen." and "gen" are
// one key.
func trimDot(w string) string {
	return strings.ToLower(strings.TrimSuffix(w, "."))
}

// honorifics stand before a name and are not a role on their own.
var honorifics = map[string]Gender{
	"mr": Male, "mrs": Female, "ms": Female, "miss": Female, "dr": UnknownGender,
	"prof": UnknownGender, "sir": Male, "dame": Female, "lord": Male, "lady": Female,
	"gen": UnknownGender, "lt": UnknownGender, "col": UnknownGender, "maj": UnknownGender,
	"capt": UnknownGender, "sgt": UnknownGender, "cpl": UnknownGender, "pvt": UnknownGender,
	"adm": UnknownGender, "cmdr": UnknownGender, "brig": UnknownGender,
	"lt.-gen": UnknownGender, "maj.-gen": UnknownGender, "lt.-col": UnknownGender,
	"sen": UnknownGender, "rep": UnknownGender, "gov": UnknownGender, "rev": UnknownGender,
	"hon": UnknownGender, "supt": UnknownGender, "insp": UnknownGender, "det": UnknownGender,
	"fr": Male, "sr": UnknownGender, "cllr": UnknownGender,
}

// Honorific reports whether w is a title that stands before a name and is
// no role on its own ("Mr.", "Dr", "Gen."), and the gender it implies.
func Honorific(w string) (Gender, bool) {
	g, ok := honorifics[trimDot(w)]
	return g, ok
}

// titles, capitalised before a name, end a title and start the name:
// "Foreign Minister Jane Doe".
var titles = map[string]bool{
	"president": true, "vice-president": true, "president-elect": true, "premier": true,
	"minister": true, "secretary": true, "secretary-general": true, "chancellor": true,
	"senator": true, "governor": true, "mayor": true, "judge": true, "justice": true,
	"ambassador": true, "commissioner": true, "general": true, "colonel": true,
	"lieutenant": true, "captain": true, "sergeant": true, "major": true, "admiral": true,
	"commander": true, "king": true, "queen": true, "prince": true, "princess": true,
	"pope": true, "sheikh": true, "emir": true, "sultan": true, "ayatollah": true,
	"rabbi": true, "imam": true, "bishop": true, "archbishop": true, "cardinal": true,
	"professor": true, "chief": true, "director": true, "spokesperson": true,
	"spokesman": true, "spokeswoman": true, "speaker": true, "leader": true,
	"chairman": true, "chairwoman": true, "chair": true, "deputy": true, "envoy": true,
	"representative": true, "congressman": true, "congresswoman": true, "councillor": true,
	"councilor": true, "councilman": true, "councilwoman": true, "councilmember": true,
	"assemblyman": true, "assemblywoman": true, "alderman": true, "alderwoman": true,
	"selectman": true, "selectwoman": true, "trooper": true,
	"sheriff": true, "officer": true, "constable": true, "detective": true,
	"superintendent": true, "inspector": true, "coach": true, "attorney": true,
	"prosecutor": true, "rep": true, "sen": true, "gov": true, "gen": true,
	"ceo": true, "founder": true, "head": true, "staff": true, "executive": true,
	"mp": true, "mep": true, "msp": true, "mla": true,
}

// IsTitle reports whether w, written capitalised before a name, is a title
// that ends where the name starts: "President", "Minister", "Sen.".
func IsTitle(w string) bool {
	return titles[trimDot(w)]
}

var titleGenders = map[string]Gender{
	"king": Male, "queen": Female, "prince": Male, "princess": Female, "congressman": Male,
	"congresswoman": Female, "chairman": Male, "chairwoman": Female, "spokesman": Male,
	"councilman": Male, "councilwoman": Female, "assemblyman": Male, "assemblywoman": Female,
	"alderman": Male, "alderwoman": Female, "selectman": Male, "selectwoman": Female,
	"spokeswoman": Female, "sultan": Male, "emir": Male, "sheikh": Male,
}

// TitleGender returns the gender a title or role noun implies ("queen",
// "spokesman"); UnknownGender for most.
func TitleGender(w string) Gender {
	return titleGenders[strings.ToLower(w)]
}

// roleNouns are lower-case nouns for jobs and positions.
var roleNouns = map[string]bool{
	"spokesperson": true, "spokesman": true, "spokeswoman": true, "minister": true,
	"secretary": true, "director": true, "chief": true, "head": true, "leader": true,
	"commander": true, "analyst": true, "expert": true, "official": true,
	"ambassador": true, "president": true, "professor": true, "researcher": true,
	"fellow": true, "adviser": true, "advisor": true, "economist": true, "lawyer": true,
	"attorney": true, "prosecutor": true, "judge": true, "senator": true, "governor": true,
	"mayor": true, "chairman": true, "chairwoman": true, "chair": true, "ceo": true,
	"founder": true, "editor": true, "reporter": true, "correspondent": true,
	"manager": true, "officer": true, "general": true, "colonel": true, "captain": true,
	"sergeant": true, "lieutenant": true, "admiral": true, "commissioner": true,
	"envoy": true, "diplomat": true, "negotiator": true, "deputy": true,
	"coordinator": true, "strategist": true, "scientist": true, "doctor": true,
	"nurse": true, "teacher": true, "student": true, "resident": true, "witness": true,
	"owner": true, "member": true, "candidate": true, "lawmaker": true, "legislator": true,
	"representative": true, "mp": true, "mep": true, "msp": true, "mla": true, "chancellor": true, "premier": true, "cleric": true,
	"imam": true, "rabbi": true, "priest": true, "bishop": true, "pastor": true,
	"coach": true, "activist": true, "organizer": true, "organiser": true, "historian": true,
	"author": true, "writer": true, "journalist": true, "photographer": true,
	"producer": true, "partner": true, "investor": true, "trader": true, "banker": true,
	"consultant": true, "executive": true, "agent": true, "inspector": true,
	"detective": true, "superintendent": true, "sheriff": true, "councillor": true,
	"councilor": true, "chancellor-elect": true, "president-elect": true, "aide": true,
	"specialist": true, "researcher-in-residence": true, "physician": true,
	"surgeon": true, "epidemiologist": true, "engineer": true, "pilot": true,
	"soldier": true, "veteran": true, "survivor": true, "spokesperson-in-chief": true,
	"administrator": true, "supervisor": true, "principal": true, "dean": true,
	"lecturer": true, "instructor": true, "politician": true, "commentator": true,
	"columnist": true, "host": true, "anchor": true, "founder-director": true,
}

// IsRoleNoun reports whether w (lower case) is a noun for a job or position:
// "spokesperson", "analyst", "resident".
func IsRoleNoun(w string) bool {
	return roleNouns[w]
}

// groupNouns are plural nouns for groups of people that can speak as one.
var groupNouns = map[string]bool{
	"officials": true, "analysts": true, "experts": true, "police": true,
	"authorities": true, "sources": true, "diplomats": true, "investigators": true,
	"prosecutors": true, "lawmakers": true, "legislators": true, "researchers": true,
	"scientists": true, "observers": true, "critics": true, "witnesses": true,
	"residents": true, "militants": true, "rebels": true, "troops": true,
	"officers": true, "negotiators": true, "leaders": true, "organisers": true,
	"organizers": true, "activists": true, "doctors": true, "economists": true,
	"historians": true, "specialists": true, "spokespeople": true, "spokespersons": true,
	"ministers": true, "commanders": true, "agencies": true, "forces": true,
	"insiders": true, "advocates": true, "opponents": true,
	"supporters": true, "protesters": true, "demonstrators": true, "scholars": true,
	"academics": true, "campaigners": true, "regulators": true, "executives": true,
	"staff": true, "firefighters": true, "paramedics": true, "rescuers": true,
	"medics": true, "monitors": true, "inspectors": true,
	"media": true, "engineers": true, "workers": true, "employees": true, "farmers": true,
	"fishermen": true, "fishers": true, "harvesters": true, "teachers": true, "nurses": true,
	"parents": true, "students": true, "passengers": true, "commuters": true,
	"customers": true, "users": true, "voters": true, "citizens": true, "locals": true,
	"villagers": true, "survivors": true, "families": true, "relatives": true,
	"neighbours": true, "neighbors": true, "owners": true, "managers": true,
	"lawyers": true, "attorneys": true, "judges": true, "soldiers": true, "pilots": true,
	"crews": true, "volunteers": true, "members": true, "participants": true,
	"delegates": true, "representatives": true, "commentators": true, "pollsters": true,
	"forecasters": true, "meteorologists": true, "bankers": true, "traders": true,
	"investors": true, "shareholders": true, "unions": true, "governments": true,
	"allies": true, "partners": true, "epidemiologists": true, "physicians": true,
	"fans": true, "shoppers": true, "spectators": true, "consumers": true, "motorists": true,
	"tenants": true,
}

// IsGroupNoun reports whether w (lower case) is a plural noun for people who
// can speak as one: "officials", "residents", "police".
func IsGroupNoun(w string) bool {
	return groupNouns[w]
}

// nameParticles may stand in lower case inside a person's name.
var nameParticles = map[string]bool{
	"al": true, "el": true, "bin": true, "ibn": true, "van": true, "von": true, "de": true,
	"da": true, "di": true, "du": true, "del": true, "della": true, "der": true, "den": true,
	"la": true, "le": true, "dos": true, "das": true, "ter": true, "ten": true, "abu": true,
	"ul": true, "des": true,
}

// IsNameParticle reports whether w is a particle that may stand in lower
// case inside a name: "al", "bin", "van", "de".
func IsNameParticle(w string) bool {
	return nameParticles[strings.ToLower(w)]
}

var nameSuffixes = map[string]bool{"jr.": true, "sr.": true, "jr": true, "sr": true, "ii": true, "iii": true, "iv": true}

// IsNameSuffix reports whether w follows a person's name: "Jr.", "III".
func IsNameSuffix(w string) bool {
	return nameSuffixes[strings.ToLower(w)]
}

// titleWords spell out the titles written short before a name.
var titleWords = map[string]string{
	"gen": "general", "lt": "lieutenant", "col": "colonel", "maj": "major",
	"capt": "captain", "sgt": "sergeant", "cpl": "corporal", "pvt": "private",
	"adm": "admiral", "cmdr": "commander", "brig": "brigadier", "sen": "senator",
	"rep": "representative", "gov": "governor", "rev": "reverend", "supt": "superintendent",
	"insp": "inspector", "det": "detective", "prof": "professor", "dr": "doctor",
	"pres": "president", "fr": "father",
	"lt.-gen": "lieutenant general", "maj.-gen": "major general", "lt.-col": "lieutenant colonel",
}

// TitleWord returns the title a short form before a name stands for
// ("Gen." is "general"), or "".
func TitleWord(w string) string {
	return titleWords[trimDot(w)]
}
