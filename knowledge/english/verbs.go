package english

import "strings"

// Reporting says whether, and when, a verb form reports speech.
type Reporting uint8

// How a verb form reports speech.
const (
	NotReporting  Reporting = iota
	ReportsAlways           // "said", "told": always reports speech
	ReportsClause           // "claimed", "confirmed": only before "that", a quotation or a colon
	ReportsQuote            // "called", "described": only for a quotation later in the sentence
)

// reportingVerbs maps the finite forms of reporting verbs (irregular forms
// included) to how they are used. Participles ("saying", "adding") are left
// out: they have no subject of their own.
var reportingVerbs = map[string]Reporting{
	"say": ReportsAlways, "says": ReportsAlways, "said": ReportsAlways,
	"tell": ReportsAlways, "tells": ReportsAlways, "told": ReportsAlways,
	"add": ReportsAlways, "adds": ReportsAlways, "added": ReportsAlways,
	"agree": ReportsAlways, "agrees": ReportsAlways, "agreed": ReportsAlways,
	"concur": ReportsAlways, "concurs": ReportsAlways, "concurred": ReportsAlways,
	"note": ReportsAlways, "notes": ReportsAlways, "noted": ReportsAlways,
	"warn": ReportsAlways, "warns": ReportsAlways, "warned": ReportsAlways,
	"predict": ReportsAlways, "predicts": ReportsAlways, "predicted": ReportsAlways,
	"explain": ReportsAlways, "explains": ReportsAlways, "explained": ReportsAlways,
	"state": ReportsClause, "states": ReportsClause, "stated": ReportsAlways,
	"argue": ReportsAlways, "argues": ReportsAlways, "argued": ReportsAlways,
	"insist": ReportsAlways, "insists": ReportsAlways, "insisted": ReportsAlways,
	"acknowledge": ReportsAlways, "acknowledges": ReportsAlways, "acknowledged": ReportsAlways,
	"admit": ReportsAlways, "admits": ReportsAlways, "admitted": ReportsAlways,
	"write": ReportsAlways, "writes": ReportsAlways, "wrote": ReportsAlways,
	"reply": ReportsAlways, "replies": ReportsAlways, "replied": ReportsAlways,
	"respond": ReportsClause, "responds": ReportsClause, "responded": ReportsClause,
	"suggest": ReportsAlways, "suggests": ReportsAlways, "suggested": ReportsAlways,
	"stress": ReportsAlways, "stresses": ReportsAlways, "stressed": ReportsAlways,
	"emphasize": ReportsAlways, "emphasizes": ReportsAlways, "emphasized": ReportsAlways,
	"emphasise": ReportsAlways, "emphasises": ReportsAlways, "emphasised": ReportsAlways,
	"contend": ReportsAlways, "contends": ReportsAlways, "contended": ReportsAlways,
	"assert": ReportsAlways, "asserts": ReportsAlways, "asserted": ReportsAlways,
	"declare": ReportsClause, "declares": ReportsClause, "declared": ReportsClause,
	"caution": ReportsAlways, "cautions": ReportsAlways, "cautioned": ReportsAlways,
	"observe": ReportsClause, "observes": ReportsClause, "observed": ReportsClause,
	"remark": ReportsClause, "remarks": ReportsClause, "remarked": ReportsClause,
	"reiterate": ReportsClause, "reiterates": ReportsClause, "reiterated": ReportsClause,
	"concede": ReportsAlways, "concedes": ReportsAlways, "conceded": ReportsAlways,
	"conclude": ReportsClause, "concludes": ReportsClause, "concluded": ReportsClause,
	"complain": ReportsClause, "complains": ReportsClause, "complained": ReportsClause,
	"testify": ReportsClause, "testifies": ReportsClause, "testified": ReportsClause,
	"recall": ReportsClause, "recalls": ReportsClause, "recalled": ReportsClause,
	"claim": ReportsClause, "claims": ReportsClause, "claimed": ReportsClause,
	"announce": ReportsClause, "announces": ReportsClause, "announced": ReportsClause,
	"confirm": ReportsClause, "confirms": ReportsClause, "confirmed": ReportsClause,
	"deny": ReportsClause, "denies": ReportsClause, "denied": ReportsClause,
	"report": ReportsClause, "reports": ReportsClause, "reported": ReportsClause,
	"maintain": ReportsClause, "maintains": ReportsClause, "maintained": ReportsClause,
	"believe": ReportsClause, "believes": ReportsClause, "believed": ReportsClause,
	"allege": ReportsClause, "alleges": ReportsClause, "alleged": ReportsClause,
	"ask": ReportsQuote, "asks": ReportsQuote, "asked": ReportsQuote,
	"call": ReportsQuote, "calls": ReportsQuote, "called": ReportsQuote,
	"dub": ReportsQuote, "dubs": ReportsQuote, "dubbed": ReportsQuote,
	"describe": ReportsQuote, "describes": ReportsQuote, "described": ReportsQuote,
	"urge": ReportsQuote, "urges": ReportsQuote, "urged": ReportsQuote,
	"tweet": ReportsAlways, "tweets": ReportsAlways, "tweeted": ReportsAlways,
	"disagree": ReportsAlways, "disagrees": ReportsAlways, "disagreed": ReportsAlways,
	"counter": ReportsClause, "counters": ReportsClause, "countered": ReportsAlways,
	"retort": ReportsAlways, "retorts": ReportsAlways, "retorted": ReportsAlways,
	"quip": ReportsAlways, "quips": ReportsAlways, "quipped": ReportsAlways,
	"joke": ReportsClause, "jokes": ReportsClause, "joked": ReportsAlways,
	"lament": ReportsClause, "laments": ReportsClause, "lamented": ReportsAlways,
	"boast": ReportsClause, "boasts": ReportsClause, "boasted": ReportsClause,
	"estimate": ReportsClause, "estimates": ReportsClause, "estimated": ReportsClause,
	"reveal": ReportsClause, "reveals": ReportsClause, "revealed": ReportsClause,
	"disclose": ReportsClause, "discloses": ReportsClause, "disclosed": ReportsClause,
	"indicate": ReportsClause, "indicates": ReportsClause, "indicated": ReportsClause,
	"signal": ReportsClause, "signals": ReportsClause, "signalled": ReportsClause, "signaled": ReportsClause,
	"promise": ReportsClause, "promises": ReportsClause, "promised": ReportsClause,
	"vow": ReportsClause, "vows": ReportsClause, "vowed": ReportsClause,
	"pledge": ReportsClause, "pledges": ReportsClause, "pledged": ReportsClause,
	"charge": ReportsClause, "charges": ReportsClause, "charged": ReportsClause,
	"fear": ReportsClause, "fears": ReportsClause, "feared": ReportsClause,
	"think": ReportsClause, "thinks": ReportsClause, "thought": ReportsClause,
	"recount": ReportsClause, "recounts": ReportsClause, "recounted": ReportsClause,
	"continue": ReportsQuote, "continues": ReportsQuote, "continued": ReportsQuote,
	"post": ReportsClause, "posts": ReportsClause, "posted": ReportsClause,
	"demand": ReportsClause, "demands": ReportsClause, "demanded": ReportsClause,
	"remind": ReportsClause, "reminds": ReportsClause, "reminded": ReportsClause,
	"reason": ReportsClause, "reasons": ReportsClause, "reasoned": ReportsClause,
	"comment": ReportsClause, "comments": ReportsClause, "commented": ReportsClause,
	"speculate": ReportsClause, "speculates": ReportsClause, "speculated": ReportsClause,
	"recommend": ReportsClause, "recommends": ReportsClause, "recommended": ReportsClause,
	"propose": ReportsClause, "proposes": ReportsClause, "proposed": ReportsClause,
	"answer": ReportsQuote, "answers": ReportsQuote, "answered": ReportsQuote,
	"instruct": ReportsQuote, "instructs": ReportsQuote, "instructed": ReportsQuote,
	"order": ReportsQuote, "orders": ReportsQuote, "ordered": ReportsQuote,
	"advise": ReportsQuote, "advises": ReportsQuote, "advised": ReportsQuote,
	"shout": ReportsQuote, "shouts": ReportsQuote, "shouted": ReportsQuote,
	"chant": ReportsQuote, "chants": ReportsQuote, "chanted": ReportsQuote,
	"yell": ReportsQuote, "yells": ReportsQuote, "yelled": ReportsQuote,
	"scream": ReportsQuote, "screams": ReportsQuote, "screamed": ReportsQuote,
	"exclaim": ReportsQuote, "exclaims": ReportsQuote, "exclaimed": ReportsQuote,
	"whisper": ReportsQuote, "whispers": ReportsQuote, "whispered": ReportsQuote,
	"mutter": ReportsQuote, "mutters": ReportsQuote, "muttered": ReportsQuote,
	"murmur": ReportsQuote, "murmurs": ReportsQuote, "murmured": ReportsQuote,
	"sigh": ReportsQuote, "sighs": ReportsQuote, "sighed": ReportsQuote,
	"snap": ReportsQuote, "snaps": ReportsQuote, "snapped": ReportsQuote,
	"plead": ReportsQuote, "pleads": ReportsQuote, "pleaded": ReportsQuote,
	"beg": ReportsQuote, "begs": ReportsQuote, "begged": ReportsQuote,
	"muse": ReportsQuote, "muses": ReportsQuote, "mused": ReportsQuote,
	"wonder": ReportsQuote, "wonders": ReportsQuote, "wondered": ReportsQuote,
	"gasp": ReportsQuote, "gasps": ReportsQuote, "gasped": ReportsQuote,
	"laugh": ReportsQuote, "laughs": ReportsQuote, "laughed": ReportsQuote,
	"interject": ReportsQuote, "interjects": ReportsQuote, "interjected": ReportsQuote,
	"chime": ReportsQuote, "chimes": ReportsQuote, "chimed": ReportsQuote,
	"opine": ReportsAlways, "opines": ReportsAlways, "opined": ReportsAlways,
	// verbs of praise and blame report what their subject said of someone
	"praise": ReportsAlways, "praises": ReportsAlways, "praised": ReportsAlways,
	"laud": ReportsAlways, "lauds": ReportsAlways, "lauded": ReportsAlways,
	"hailed":  ReportsAlways,
	"applaud": ReportsAlways, "applauds": ReportsAlways, "applauded": ReportsAlways,
	"criticise": ReportsAlways, "criticises": ReportsAlways, "criticised": ReportsAlways,
	"criticize": ReportsAlways, "criticizes": ReportsAlways, "criticized": ReportsAlways,
	"condemn": ReportsAlways, "condemns": ReportsAlways, "condemned": ReportsAlways,
	"thanked": ReportsAlways,
	"read":    ReportsQuote, "reads": ReportsQuote,
}

// ReportingVerb says whether w (lower case), a finite verb form, reports
// speech, and when: "said" always, "claimed" before a clause, "called" only
// for a quotation.
func ReportingVerb(w string) Reporting {
	return reportingVerbs[w]
}

// irregularVerbs are base, simple past and past participle.
var irregularVerbs = [][3]string{
	{"arise", "arose", "arisen"}, {"bear", "bore", "borne"}, {"beat", "beat", "beaten"},
	{"become", "became", "become"}, {"begin", "began", "begun"}, {"bend", "bent", "bent"},
	{"bite", "bit", "bitten"}, {"bleed", "bled", "bled"}, {"blow", "blew", "blown"},
	{"break", "broke", "broken"}, {"bring", "brought", "brought"}, {"build", "built", "built"},
	{"burn", "burnt", "burnt"}, {"buy", "bought", "bought"}, {"catch", "caught", "caught"},
	{"choose", "chose", "chosen"}, {"cling", "clung", "clung"}, {"come", "came", "come"},
	{"creep", "crept", "crept"}, {"deal", "dealt", "dealt"}, {"dig", "dug", "dug"},
	{"do", "did", "done"}, {"draw", "drew", "drawn"}, {"drink", "drank", "drunk"},
	{"drive", "drove", "driven"}, {"eat", "ate", "eaten"}, {"fall", "fell", "fallen"},
	{"feed", "fed", "fed"}, {"feel", "felt", "felt"}, {"fight", "fought", "fought"},
	{"find", "found", "found"}, {"flee", "fled", "fled"}, {"fly", "flew", "flown"},
	{"forbid", "forbade", "forbidden"}, {"forget", "forgot", "forgotten"},
	{"forgive", "forgave", "forgiven"}, {"freeze", "froze", "frozen"}, {"get", "got", "gotten"},
	{"give", "gave", "given"}, {"go", "went", "gone"}, {"grind", "ground", "ground"},
	{"grow", "grew", "grown"}, {"hang", "hung", "hung"}, {"have", "had", "had"},
	{"hear", "heard", "heard"}, {"hide", "hid", "hidden"}, {"hold", "held", "held"},
	{"keep", "kept", "kept"}, {"know", "knew", "known"}, {"lay", "laid", "laid"},
	{"lead", "led", "led"}, {"leave", "left", "left"}, {"lend", "lent", "lent"},
	{"lie", "lay", "lain"}, {"light", "lit", "lit"}, {"lose", "lost", "lost"},
	{"make", "made", "made"}, {"mean", "meant", "meant"}, {"meet", "met", "met"},
	{"overtake", "overtook", "overtaken"}, {"overthrow", "overthrew", "overthrown"},
	{"pay", "paid", "paid"}, {"rebuild", "rebuilt", "rebuilt"}, {"ride", "rode", "ridden"},
	{"ring", "rang", "rung"}, {"rise", "rose", "risen"}, {"run", "ran", "run"},
	{"say", "said", "said"}, {"see", "saw", "seen"}, {"seek", "sought", "sought"},
	{"sell", "sold", "sold"}, {"send", "sent", "sent"}, {"shake", "shook", "shaken"},
	{"shine", "shone", "shone"}, {"shoot", "shot", "shot"}, {"sing", "sang", "sung"},
	{"sink", "sank", "sunk"}, {"sit", "sat", "sat"}, {"sleep", "slept", "slept"},
	{"slay", "slew", "slain"}, {"speak", "spoke", "spoken"}, {"spend", "spent", "spent"},
	{"spring", "sprang", "sprung"}, {"stand", "stood", "stood"}, {"steal", "stole", "stolen"},
	{"stick", "stuck", "stuck"}, {"strike", "struck", "struck"}, {"swear", "swore", "sworn"},
	{"sweep", "swept", "swept"}, {"swim", "swam", "swum"}, {"take", "took", "taken"},
	{"teach", "taught", "taught"}, {"tear", "tore", "torn"}, {"tell", "told", "told"},
	{"think", "thought", "thought"}, {"throw", "threw", "thrown"},
	{"understand", "understood", "understood"}, {"undertake", "undertook", "undertaken"},
	{"wake", "woke", "woken"}, {"wear", "wore", "worn"}, {"weep", "wept", "wept"},
	{"win", "won", "won"}, {"withdraw", "withdrew", "withdrawn"}, {"write", "wrote", "written"},
}

// irregularNouns are plural and singular.
var irregularNouns = [][2]string{
	{"men", "man"}, {"women", "woman"}, {"children", "child"}, {"feet", "foot"},
	{"teeth", "tooth"}, {"mice", "mouse"}, {"geese", "goose"},
}

// lemmas maps an irregular form to its base; pastForms holds the irregular
// simple past forms. Both are built once from the lists above.
var lemmas, pastForms = irregularTables()

func irregularTables() (map[string]string, map[string]bool) {
	lemmas, past := map[string]string{}, map[string]bool{}
	for _, v := range irregularVerbs {
		past[v[1]] = true
		for _, f := range v[1:] {
			if f != v[0] {
				lemmas[f] = v[0]
			}
		}
	}
	for _, n := range irregularNouns {
		lemmas[n[0]] = n[1]
	}
	return lemmas, past
}

// Lemma returns the base form of an irregular verb form or plural noun
// (lower case): "said" gives "say", "went" "go", "children" "child". ok is
// false for other words, which a stemmer handles.
func Lemma(w string) (string, bool) {
	l, ok := lemmas[w]
	return l, ok
}

// IsIrregularPast reports whether w (lower case) is the simple past of an
// irregular verb: "said", "went", "fought".
func IsIrregularPast(w string) bool {
	return pastForms[w]
}

// auxiliaryVerbs are the forms of be, have and do, the modals, and their
// negated contractions.
var auxiliaryVerbs = map[string]bool{
	"is": true, "are": true, "was": true, "were": true, "be": true, "been": true, "being": true, "am": true,
	"do": true, "does": true, "did": true, "has": true, "have": true, "had": true,
	"can": true, "could": true, "will": true, "would": true, "should": true, "may": true,
	"might": true, "must": true, "shall": true,
	"isn't": true, "aren't": true, "wasn't": true, "weren't": true, "didn't": true,
	"doesn't": true, "don't": true, "hasn't": true, "haven't": true, "hadn't": true,
	"won't": true, "can't": true, "couldn't": true, "wouldn't": true, "shouldn't": true,
}

// IsAuxiliary reports whether w (lower case, straight apostrophe) is an
// auxiliary verb: a form of be, have or do, a modal, or one of their
// negated contractions ("didn't").
func IsAuxiliary(w string) bool {
	return auxiliaryVerbs[w]
}

// IsBeForm reports whether w (lower case) is a form of "be".
func IsBeForm(w string) bool {
	switch w {
	case "is", "are", "was", "were", "be", "been", "being", "am":
		return true
	}
	return false
}

// futureCues mark the future tense, or a plan for the future.
var futureCues = map[string]bool{
	"will": true, "shall": true, "won't": true, "won’t": true, "expected": true, "scheduled": true,
	"would":   true, // reported future: "said the union would meet on Monday"
	"planned": true, "plans": true, "plan": true, "upcoming": true, "tomorrow": true, "intends": true,
	"aims": true, "hopes": true,
}

// IsFutureCue reports whether w (lower case) marks the future: "will",
// "expected", "plans", a contraction of "will" ("they'll").
func IsFutureCue(w string) bool {
	return futureCues[w] || strings.HasSuffix(w, "'ll") || strings.HasSuffix(w, "’ll")
}
