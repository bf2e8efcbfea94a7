package qa

import "strings"

// This file holds the engine's general English knowledge as data: irregular
// forms, synonyms, demonyms, phrases and cue words. None of it is about any
// particular briefing.

// irregular maps inflected surface forms the stemmer leaves apart to a lemma,
// which is then stemmed like any other word.
var irregular = map[string]string{
	// reporting verbs: all of them are "say" for retrieval
	"said": "say", "says": "say", "saying": "say", "told": "say", "tell": "say",
	"tells": "say", "telling": "say", "stated": "say", "testify": "say", "testified": "say",
	"testifies": "say", "testifying": "say", "testimony": "say",
	"spoke": "speak", "spoken": "speak", "wrote": "write", "written": "write",
	"thought": "think", "believed": "believe", "felt": "feel",
	// death and killing
	"killed": "kill", "kills": "kill", "killing": "kill", "killings": "kill",
	"died": "kill", "dies": "kill", "dying": "kill", "die": "kill", "dead": "kill",
	"death": "kill", "deaths": "kill", "slain": "kill", "slew": "kill", "fatalities": "kill",
	"fatality": "kill", "fatal": "kill", "deadly": "kill",
	"injured": "injure", "wounded": "injure", "injuries": "injure",
	// common irregular verbs
	"went": "go", "gone": "go", "goes": "go", "won": "win", "began": "begin", "begun": "begin",
	"led": "lead", "fought": "fight", "brought": "bring", "bought": "buy", "caught": "catch",
	"taught": "teach", "sought": "seek", "held": "hold", "met": "meet", "ran": "run",
	"saw": "see", "seen": "see", "took": "take", "taken": "take", "gave": "give", "given": "give",
	"knew": "know", "known": "know", "grew": "grow", "grown": "grow", "rose": "rise", "risen": "rise",
	"fell": "fall", "fallen": "fall", "struck": "strike", "stricken": "strike", "sent": "send",
	"spent": "spend", "built": "build", "paid": "pay", "made": "make", "found": "find",
	"became": "become", "came": "come", "kept": "keep", "lost": "lose", "stood": "stand",
	"understood": "understand", "chose": "choose", "chosen": "choose", "drove": "drive",
	"driven": "drive", "flew": "fly", "flown": "fly", "shot": "shoot", "fled": "flee", "sold": "sell",
	"left": "leave", "meant": "mean", "heard": "hear", "hid": "hide", "hidden": "hide",
	"broke": "break", "broken": "break", "forgot": "forget", "forgotten": "forget",
	"froze": "freeze", "frozen": "freeze", "ate": "eat", "eaten": "eat", "drew": "draw",
	"drawn": "draw", "threw": "throw", "thrown": "throw", "wore": "wear", "worn": "wear",
	"withdrew": "withdraw", "withdrawn": "withdraw", "arose": "arise", "arisen": "arise",
	"sank": "sink", "sunk": "sink", "swore": "swear", "sworn": "swear", "bore": "bear",
	"born": "birth", "dealt": "deal", "lent": "lend", "lit": "light", "laid": "lay",
	"overtook": "overtake", "undertook": "undertake", "forbade": "forbid", "rebuilt": "rebuild",
	"mice": "mouse", "men": "man", "women": "woman", "children": "child", "people": "people",
	"feet": "foot", "teeth": "tooth", "geese": "goose",
}

// synonymGroups are words indexed as one term (the first), so that a
// question using one finds a passage using another. Inflections follow from
// stemming.
var synonymGroups = [][]string{
	{"troop", "soldier", "servicemember"},
	{"bomb", "explosion", "blast", "bomber"},
	{"attack", "assault"},
	{"start", "begin", "commence"},
	{"buy", "purchase"},
	{"help", "aid", "assist"},
	{"big", "large", "huge"},
	{"car", "automobile"},
	{"doctor", "physician"},
	{"price", "cost"},
	{"hack", "hacker", "cyberattack"},
	{"postpone", "delay"},
	{"increase", "raise", "hike"},
	{"reduce", "decrease"},
	{"company", "firm", "corporation"},
	{"arrest", "detain"},
	{"quit", "resign"},
	{"halt", "suspend"},
	{"blame", "accuse"},
	{"warn", "caution", "alert"},
	{"impending", "upcoming", "looming", "imminent"},
	{"kill", "die", "dead", "death", "slay"},
	{"able", "ability", "capable", "capability"},
	{"injure", "wound", "hurt", "injury"},
}

// countries lists country names with their demonyms, so that "French" and
// "France" are one term. The first name is the one indexed.
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
}

// phrases are multi-word (or dotted) forms indexed as one term. Each group's
// first entry is the term; the rest are the forms, lower case, as words.
var phrases = [][]string{
	{"unitedstates", "u.s.", "u.s.a.", "usa", "united states", "united states of america", "america", "american", "americans"},
	{"unitedkingdom", "u.k.", "united kingdom", "britain", "great britain", "british", "briton", "britons"},
	{"unitednations", "u.n.", "united nations"},
	{"europeanunion", "e.u.", "european union"},
	{"latinamerica", "latin america", "latin american"},
	{"southamerica", "south america", "south american"},
	{"northamerica", "north america", "north american"},
	{"centralamerica", "central america", "central american"},
	{"southkorea", "south korea", "south korean"},
	{"northkorea", "north korea", "north korean"},
	{"newyork", "new york"},
	{"primeminist", "prime minister", "premier"},
	{"chiefexecut", "chief executive", "ceo", "c.e.o."},
}

// capsForms are upper-case words that mean something other than their lower
// case: "US" is the country, "us" a pronoun.
var capsForms = map[string]string{"US": "u.s.", "UK": "u.k.", "UN": "u.n.", "EU": "e.u.", "USA": "u.s.a."}

// related are weaker equivalences used only to expand questions: a match
// through them counts relatedWeight. Keys and values are words, analysed at
// start-up.
var related = map[string][]string{
	"russia": {"moscow", "kremlin"}, "u.s.": {"washington", "pentagon", "white house"},
	"china": {"beijing"}, "u.k.": {"london"}, "france": {"paris"}, "germany": {"berlin"},
	"ukraine": {"kyiv", "kiev"}, "iran": {"tehran"}, "israel": {"jerusalem"},
	"japan": {"tokyo"}, "afghanistan": {"kabul"}, "syria": {"damascus"}, "turkey": {"ankara"},
	"india": {"delhi"}, "canada": {"ottawa"}, "kill": {"victim", "casualty"},
	"attack": {"bomb", "shooting", "strike", "hack", "raid"},
	"cause":  {"because", "reason"}, "blame": {"responsible", "responsibility", "fault"},
	"responsible": {"blame"}, "fight": {"battle", "combat", "clash"},
	"lead":  {"head", "command"},
	"money": {"fund", "cash", "dollar"}, "fund": {"money", "finance"},
}

const relatedWeight = 0.5

// numberWords are spelled-out numbers, indexed as digits.
var numberWords = map[string]string{
	"one": "1", "two": "2", "three": "3", "four": "4", "five": "5", "six": "6", "seven": "7",
	"eight": "8", "nine": "9", "ten": "10", "eleven": "11", "twelve": "12", "thirteen": "13",
	"fourteen": "14", "fifteen": "15", "sixteen": "16", "seventeen": "17", "eighteen": "18",
	"nineteen": "19", "twenty": "20", "thirty": "30", "forty": "40", "fifty": "50", "sixty": "60",
	"seventy": "70", "eighty": "80", "ninety": "90", "hundred": "100", "thousand": "1000",
	"million": "1000000", "billion": "1000000000",
}

// quantityWords signal an amount without a digit.
var quantityWords = map[string]bool{
	"dozen": true, "dozens": true, "scores": true, "hundreds": true, "thousands": true,
	"millions": true, "billions": true, "half": true, "quarter": true, "several": true,
	"percent": true, "per cent": true, "majority": true, "handful": true, "none": true,
	"twice": true, "double": true, "triple": true, "all": true, "decade": true, "decades": true,
	"century": true, "centuries": true, "score": true,
}

// extraStop are words the Snowball list lacks that carry no topic.
var extraStop = map[string]bool{
	"us": true, "also": true, "would": true, "could": true, "may": true, "might": true,
	"must": true, "shall": true, "yet": true, "per": true, "via": true, "upon": true,
	"onto": true, "among": true, "amongst": true, "within": true, "without": true,
	"whether": true, "whose": true, "one's": true, "let": true, "ever": true, "even": true,
	"much": true, "many": true, "mr": true, "mrs": true, "ms": true, "dr": true,
	"please": true, "know": false, "anything": true, "something": true, "everything": true,
	"someone": true, "anyone": true, "everyone": true, "thing": true, "things": true,
	"happen": false, "lot": true, "really": true, "actually": true, "exactly": true,
	"i'm": true, "it's": true, "i'd": true, "can't": true, "cannot": true, "ok": true,
	"okay": true, "tell": false, "like": true, "get": true, "got": true, "still": true,
	"since": true, "ago": true, "though": true, "although": true, "however": true,
}

// whWords are kept out of the index but used to type questions.
var whWords = map[string]bool{
	"who": true, "whom": true, "whose": true, "what": true, "when": true, "where": true,
	"why": true, "how": true, "which": true,
}

// auxiliaries open yes/no questions.
var auxiliaries = map[string]bool{
	"is": true, "are": true, "was": true, "were": true, "do": true, "does": true, "did": true,
	"has": true, "have": true, "had": true, "can": true, "could": true, "will": true,
	"would": true, "should": true, "may": true, "might": true, "must": true, "shall": true,
	"isn't": true, "aren't": true, "wasn't": true, "weren't": true, "didn't": true,
	"doesn't": true, "don't": true, "hasn't": true, "haven't": true, "won't": true,
}

// opinionVerbs, after "what did X ...", ask for what X said or thinks. They
// are question framing, not topic.
var opinionVerbs = map[string]bool{
	"say": true, "said": true, "says": true, "tell": true, "told": true, "think": true,
	"thinks": true, "thought": true, "believe": true, "believes": true, "argue": true,
	"argued": true, "argues": true, "claim": true, "claims": true, "claimed": true,
	"add": true, "added": true, "note": true, "noted": true, "suggest": true, "suggested": true,
	"predict": true, "predicted": true, "warn": true, "warned": true,
	"feel": true, "feels": true, "write": true, "wrote": true,
	"explain": true, "explained": true, "describe": true, "described": true, "testify": true,
	"testified": true, "announce": true, "announced": true, "insist": true, "insisted": true,
	"admit": true, "admitted": true, "acknowledge": true, "acknowledged": true, "see": true,
	"sees": true, "expect": true, "expects": true,
	"fear": true, "fears": true, "reply": true, "replied": true, "respond": true,
	"responded": true, "conclude": true, "concluded": true,
	"recommend": true, "recommended": true, "propose": true, "proposed": true, "confirm": true,
	"confirmed": true, "deny": true, "denied": true, "agree": true, "agreed": true,
}

// opinionNouns, in "what was X's view", ask the same.
var opinionNouns = map[string]bool{
	"view": true, "views": true, "opinion": true, "position": true, "take": true,
	"reaction": true, "response": true, "stance": true, "assessment": true, "comment": true,
	"comments": true, "remarks": true, "message": true, "argument": true, "point": true,
	"warning": true, "prediction": true, "explanation": true, "answer": true,
}

// reportingStems are the stems of reporting verbs ("say" after lemmas).
var reportingStems = map[string]bool{"say": true, "claim": true, "tell": true, "accord": true}

// honorifics are capitalised words that are not names.
var honorifics = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "prof": true, "gen": true, "sen": true,
	"rep": true, "gov": true, "lt": true, "col": true, "maj": true, "capt": true, "sgt": true,
	"adm": true, "president": true, "minister": true, "premier": true, "general": true,
	"senator": true, "governor": true, "mayor": true, "chancellor": true, "king": true,
	"queen": true, "prince": true, "princess": true, "pope": true, "sir": true, "dame": true,
	"lord": true, "lady": true, "judge": true, "justice": true, "chief": true, "secretary": true,
	"ambassador": true, "professor": true, "doctor": true, "officer": true, "commander": true,
	"spokesperson": true, "spokesman": true, "spokeswoman": true, "director": true, "i": true,
	"tell": true, "please": true, "describe": true, "explain": true, "list": true, "give": true,
	"summarize": true, "summarise": true, "show": true, "find": true, "name": true,
}

// reasonCues mark a passage that gives a reason; they match whole words.
var reasonCues = []string{
	" because ", " due to ", " owing to ", " as a result ", " in response ", " in retaliation ",
	" so that ", " in order to ", " reason ", " reasons ", " why ", " caused ", " led to ",
	" result of ", " amid ", " driven by ", " motivated ", " grievance ", " grievances ",
	" blamed ", " aims to ", " aimed at ", " goal ", " to avoid ", " to prevent ", " to protect ",
	" since ", " cited ", " citing ", " thanks to ", " blame ", " after ", " following ",
	" so ", " therefore ", " means ", " because of ", " motive ", " motives ", " stems from ",
	" on the grounds ", " prompted by ", " fuelled by ", " fueled by ",
}

// pronouns whose referent lies in an earlier sentence: a sentence opening
// with one is joined with the sentence before when it is the answer. Not
// "there", which mostly opens a sentence with nothing to refer back to.
var pronouns = map[string]bool{
	"he": true, "she": true, "they": true, "it": true, "this": true, "that": true,
	"these": true, "those": true, "his": true, "her": true, "their": true, "its": true,
	"him": true, "them": true, "such": true, "both": true,
}

// months and weekdays, for spotting dates in text.
var dateWords = map[string]bool{
	"january": true, "february": true, "march": true, "april": true, "june": true,
	"july": true, "august": true, "september": true, "october": true, "november": true,
	"december": true, "jan": true, "feb": true, "mar": true, "apr": true, "jun": true, "jul": true,
	"aug": true, "sep": true, "sept": true, "oct": true, "nov": true, "dec": true,
	"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true,
	"saturday": true, "sunday": true,
}

// relativeDates are lower-case words that date a sentence.
var relativeDates = map[string]bool{
	"yesterday": true, "today": true, "tomorrow": true, "decade": true, "century": true,
	"week": true, "month": true, "year": true, "weeks": true, "months": true, "years": true,
	"decades": true, "spring": true, "summer": true, "autumn": true, "winter": true,
	"weekend": true, "tonight": true, "morning": true, "evening": true, "ago": true,
}

// locationCues mark a passage that places something: word prefixes.
var locationCues = []string{"suburb", "north", "south", "east", "west", "capital", "city", "town", "region", "province", "border", "outskirts", "downtown", "village"}

// reasonIndex holds reasonCues as word sequences by their first word.
var reasonIndex = cueIndex(reasonCues)

func cueIndex(cues []string) map[string][][]string {
	idx := map[string][][]string{}
	for _, c := range cues {
		ws := strings.Fields(c)
		idx[ws[0]] = append(idx[ws[0]], ws)
	}
	return idx
}

// hasCue reports whether words (lower case) hold one of the indexed cues.
func hasCue(words []string, idx map[string][][]string) bool {
	for i, w := range words {
		for _, cue := range idx[w] {
			if i+len(cue) > len(words) {
				continue
			}
			ok := true
			for k := 1; k < len(cue); k++ {
				if words[i+k] != cue[k] {
					ok = false
					break
				}
			}
			if ok {
				return true
			}
		}
	}
	return false
}
