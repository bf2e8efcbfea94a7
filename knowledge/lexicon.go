package knowledge

// General English word lists the parser relies on. Nothing here knows any
// particular article: these are reporting verbs, titles, organisation words,
// function words and the like. All tables are read-only.

// verbUse says when a reporting verb counts as reporting speech.
type verbUse uint8

const (
	verbAlways verbUse = iota // "said", "told": always reporting
	verbClause                // "claimed", "confirmed": only before "that", a quote or a colon
	verbQuote                 // "called", "described": only for a quote later in the sentence
)

// reportingVerbs maps the surface forms of reporting verbs (irregular forms
// included, since no stemmer conflates "said" with "say") to how they are used.
// Participles ("saying", "adding") are left out: they have no subject of
// their own.
var reportingVerbs = map[string]verbUse{
	"say": verbAlways, "says": verbAlways, "said": verbAlways,
	"tell": verbAlways, "tells": verbAlways, "told": verbAlways,
	"add": verbAlways, "adds": verbAlways, "added": verbAlways,
	"agree": verbAlways, "agrees": verbAlways, "agreed": verbAlways,
	"concur": verbAlways, "concurs": verbAlways, "concurred": verbAlways,
	"note": verbAlways, "notes": verbAlways, "noted": verbAlways,
	"warn": verbAlways, "warns": verbAlways, "warned": verbAlways,
	"predict": verbAlways, "predicts": verbAlways, "predicted": verbAlways,
	"explain": verbAlways, "explains": verbAlways, "explained": verbAlways,
	"state": verbClause, "states": verbClause, "stated": verbAlways,
	"argue": verbAlways, "argues": verbAlways, "argued": verbAlways,
	"insist": verbAlways, "insists": verbAlways, "insisted": verbAlways,
	"acknowledge": verbAlways, "acknowledges": verbAlways, "acknowledged": verbAlways,
	"admit": verbAlways, "admits": verbAlways, "admitted": verbAlways,
	"write": verbAlways, "writes": verbAlways, "wrote": verbAlways,
	"reply": verbAlways, "replies": verbAlways, "replied": verbAlways,
	"respond": verbClause, "responds": verbClause, "responded": verbClause,
	"suggest": verbAlways, "suggests": verbAlways, "suggested": verbAlways,
	"stress": verbAlways, "stresses": verbAlways, "stressed": verbAlways,
	"emphasize": verbAlways, "emphasizes": verbAlways, "emphasized": verbAlways,
	"emphasise": verbAlways, "emphasises": verbAlways, "emphasised": verbAlways,
	"contend": verbAlways, "contends": verbAlways, "contended": verbAlways,
	"assert": verbAlways, "asserts": verbAlways, "asserted": verbAlways,
	"declare": verbClause, "declares": verbClause, "declared": verbClause,
	"caution": verbAlways, "cautions": verbAlways, "cautioned": verbAlways,
	"observe": verbClause, "observes": verbClause, "observed": verbClause,
	"remark": verbClause, "remarks": verbClause, "remarked": verbClause,
	"reiterate": verbClause, "reiterates": verbClause, "reiterated": verbClause,
	"concede": verbAlways, "concedes": verbAlways, "conceded": verbAlways,
	"conclude": verbClause, "concludes": verbClause, "concluded": verbClause,
	"complain": verbClause, "complains": verbClause, "complained": verbClause,
	"testify": verbClause, "testifies": verbClause, "testified": verbClause,
	"recall": verbClause, "recalls": verbClause, "recalled": verbClause,
	"claim": verbClause, "claims": verbClause, "claimed": verbClause,
	"announce": verbClause, "announces": verbClause, "announced": verbClause,
	"confirm": verbClause, "confirms": verbClause, "confirmed": verbClause,
	"deny": verbClause, "denies": verbClause, "denied": verbClause,
	"report": verbClause, "reports": verbClause, "reported": verbClause,
	"maintain": verbClause, "maintains": verbClause, "maintained": verbClause,
	"believe": verbClause, "believes": verbClause, "believed": verbClause,
	"allege": verbClause, "alleges": verbClause, "alleged": verbClause,
	"ask": verbQuote, "asks": verbQuote, "asked": verbQuote,
	"call": verbQuote, "calls": verbQuote, "called": verbQuote,
	"describe": verbQuote, "describes": verbQuote, "described": verbQuote,
	"urge": verbQuote, "urges": verbQuote, "urged": verbQuote,
	"tweet": verbAlways, "tweets": verbAlways, "tweeted": verbAlways,
	"disagree": verbAlways, "disagrees": verbAlways, "disagreed": verbAlways,
	"counter": verbClause, "counters": verbClause, "countered": verbAlways,
	"retort": verbAlways, "retorts": verbAlways, "retorted": verbAlways,
	"quip": verbAlways, "quips": verbAlways, "quipped": verbAlways,
	"joke": verbClause, "jokes": verbClause, "joked": verbAlways,
	"lament": verbClause, "laments": verbClause, "lamented": verbAlways,
	"boast": verbClause, "boasts": verbClause, "boasted": verbClause,
	"estimate": verbClause, "estimates": verbClause, "estimated": verbClause,
	"reveal": verbClause, "reveals": verbClause, "revealed": verbClause,
	"disclose": verbClause, "discloses": verbClause, "disclosed": verbClause,
	"indicate": verbClause, "indicates": verbClause, "indicated": verbClause,
	"signal": verbClause, "signals": verbClause, "signalled": verbClause, "signaled": verbClause,
	"promise": verbClause, "promises": verbClause, "promised": verbClause,
	"vow": verbClause, "vows": verbClause, "vowed": verbClause,
	"pledge": verbClause, "pledges": verbClause, "pledged": verbClause,
	"charge": verbClause, "charges": verbClause, "charged": verbClause,
	"fear": verbClause, "fears": verbClause, "feared": verbClause,
	"think": verbClause, "thinks": verbClause, "thought": verbClause,
	"recount": verbClause, "recounts": verbClause, "recounted": verbClause,
	"continue": verbQuote, "continues": verbQuote, "continued": verbQuote,
	"post": verbClause, "posts": verbClause, "posted": verbClause,
}

// honorifics are titles that stand before a name and are not a role on
// their own ("Gen. Michael X", "Mr. X"). The value is the gender they imply:
// 'm', 'f' or 0.
var honorifics = map[string]byte{
	"mr.": 'm', "mr": 'm', "mrs.": 'f', "mrs": 'f', "ms.": 'f', "ms": 'f', "miss": 'f',
	"dr.": 0, "dr": 0, "prof.": 0, "sir": 'm', "dame": 'f', "lord": 'm', "lady": 'f',
	"gen.": 0, "lt.": 0, "col.": 0, "maj.": 0, "capt.": 0, "sgt.": 0, "cpl.": 0, "pvt.": 0,
	"adm.": 0, "cmdr.": 0, "brig.": 0, "lt.-gen.": 0, "maj.-gen.": 0, "lt.-col.": 0,
	"sen.": 0, "rep.": 0, "gov.": 0, "rev.": 0, "hon.": 0, "supt.": 0, "insp.": 0,
	"det.": 0, "sgt": 0, "fr.": 'm', "sr.": 0,
}

// titleWords are capitalised words that, inside a run of capitalised words,
// end a title and start the name: "Russian President Jane Doe", "Foreign
// Minister Jane Doe", "Secretary-General Jane Doe".
var titleWords = map[string]bool{
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
	"councilor": true, "sheriff": true, "officer": true, "constable": true, "detective": true,
	"superintendent": true, "inspector": true, "coach": true, "attorney": true,
	"prosecutor": true, "rep.": true, "sen.": true, "gov.": true, "gen.": true,
	"ceo": true, "founder": true, "head": true, "staff": true,
}

// titleGender gives the gender a capitalised title implies.
var titleGender = map[string]byte{
	"king": 'm', "queen": 'f', "prince": 'm', "princess": 'f', "congressman": 'm',
	"congresswoman": 'f', "chairman": 'm', "chairwoman": 'f', "spokesman": 'm',
	"spokeswoman": 'f', "sultan": 'm', "emir": 'm', "sheikh": 'm',
}

// roleNouns are lowercase nouns for jobs and positions. One of them right
// before a name makes the words before it a role: "... Council spokesperson
// Jane Doe", "former ambassador Jane Doe".
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
	"representative": true, "mp": true, "chancellor": true, "premier": true, "cleric": true,
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

// groupNouns are plural nouns for groups of people that can speak as one:
// "officials said", "Climate scientists agree", "police said".
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
}

// orgNouns are singular lowercase nouns for organisations: with a modifier
// they name a speaker ("The U.S. military has said", "state media said");
// bare ("the ministry said") they refer back to an organisation already named.
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
	"white house": true, "pentagon": true, "airline": true, "operator": true,
	"website": true, "association": true, "cooperative": true, "co-op": true,
	"utility": true, "club": true, "federation": true, "foundation": true,
	"charity": true, "society": true, "observatory": true, "regulator": true,
	"watchdog": true, "municipality": true, "district": true, "school": true,
	"college": true,
}

// genericOrgNouns name any kind of body; "the company said" refers to the
// organisation named just before even when its name lacks the word.
var genericOrgNouns = map[string]bool{
	"company": true, "firm": true, "operator": true, "group": true, "organisation": true,
	"organization": true, "cooperative": true, "co-op": true, "utility": true,
	"business": true, "carrier": true, "airline": true, "manufacturer": true,
	"retailer": true, "maker": true, "producer": true, "chain": true, "lender": true,
	"insurer": true, "broadcaster": true, "publisher": true, "developer": true,
	"network": true, "charity": true, "association": true, "body": true,
}

// orgWords are capitalised words that make a run of capitalised words an
// organisation (or a place) rather than a person.
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
	"north": true, "south": true, "east": true, "west": true, "central": true,
	"africa": true, "asia": true, "europe": true, "america": true, "middle": true,
	"emirates": true, "federal": true, "national": true, "royal": true,
	"ministries": true, "affairs": true, "security": true, "defence": true,
	"defense": true, "intelligence": true,
}

// quantifiers are words that stop a group speaker's modifiers: "Two U.S.
// officials" and "other experts" name the groups "U.S. officials" and
// "experts".
var quantifiers = map[string]bool{
	"some": true, "many": true, "several": true, "other": true, "most": true,
	"both": true, "all": true, "few": true, "two": true, "three": true, "four": true,
	"five": true, "six": true, "seven": true, "eight": true, "nine": true, "ten": true,
	"numerous": true, "various": true, "multiple": true, "more": true, "these": true,
	"those": true, "such": true, "dozens": true, "hundreds": true,
}

// determiners are dropped from the front of a speaker or role.
var determiners = map[string]bool{"the": true, "a": true, "an": true}

// functionWords are words that cannot be part of a name or role prefix.
var functionWords = map[string]bool{
	"the": true, "a": true, "an": true, "of": true, "in": true, "on": true, "at": true,
	"to": true, "for": true, "from": true, "by": true, "with": true, "and": true,
	"or": true, "but": true, "as": true, "that": true, "this": true, "these": true,
	"those": true, "which": true, "who": true, "whom": true, "whose": true, "what": true,
	"when": true, "where": true, "while": true, "after": true, "before": true,
	"since": true, "because": true, "although": true, "though": true, "if": true,
	"into": true, "about": true, "over": true, "under": true, "than": true, "then": true,
	"so": true, "yet": true, "not": true, "no": true, "is": true, "are": true, "was": true,
	"were": true, "be": true, "been": true, "being": true, "has": true, "have": true,
	"had": true, "will": true, "would": true, "could": true, "should": true, "may": true,
	"might": true, "must": true, "can": true, "also": true, "it": true, "its": true,
	"their": true, "his": true, "her": true, "he": true, "she": true, "they": true,
	"we": true, "i": true, "you": true, "there": true, "here": true, "during": true,
	"against": true, "between": true, "among": true, "through": true, "without": true,
	"within": true, "despite": true, "amid": true, "via": true, "per": true, "like": true,
	"up": true, "out": true, "off": true, "down": true, "near": true, "across": true,
	"last": true, "next": true, "said": true, "says": true, "told": true, "according": true,
}

// clauseStarters are words that open a clause; a subject starts after them.
var clauseStarters = map[string]bool{
	"and": true, "but": true, "yet": true, "so": true, "or": true, "while": true,
	"as": true, "because": true, "although": true, "though": true, "when": true,
	"where": true, "since": true, "if": true, "whereas": true, "that": true, "however": true,
	"meanwhile": true, "still": true, "now": true, "then": true, "also": true,
	"indeed": true, "instead": true, "moreover": true, "separately": true, "later": true,
	"earlier": true, "previously": true, "already": true, "once": true, "again": true,
	"even": true, "only": true, "after": true, "before": true, "until": true,
	"unless": true, "which": true, "whom": true,
}

// auxiliaries may stand between a subject and its reporting verb: "has
// said", "would later tell", "also noted".
var auxiliaries = map[string]bool{
	"has": true, "have": true, "had": true, "will": true, "would": true, "could": true,
	"should": true, "might": true, "may": true, "must": true, "can": true, "also": true,
	"previously": true, "later": true, "then": true, "again": true, "once": true,
	"recently": true, "repeatedly": true, "often": true, "earlier": true, "further": true,
	"already": true, "long": true, "still": true, "since": true, "first": true,
	"reportedly": true, "publicly": true, "privately": true, "separately": true,
	"subsequently": true, "initially": true, "originally": true, "herself": true,
	"himself": true, "themselves": true, "itself": true, "too": true,
	"did": true, "does": true, "do": true,
}

// negations before a reporting verb mean nothing was said.
var negations = map[string]bool{
	"not": true, "n't": true, "never": true, "no": true, "didn’t": true, "didn't": true,
	"wouldn’t": true, "wouldn't": true, "won’t": true, "won't": true, "hasn’t": true,
	"hasn't": true, "haven’t": true, "haven't": true, "cannot": true, "can’t": true,
	"can't": true, "declined": true, "refused": true,
}

// beForms before a past participle make it passive: "was told".
var beForms = map[string]bool{
	"is": true, "are": true, "was": true, "were": true, "be": true, "been": true, "being": true,
}

// docNouns head phrases that name a document rather than a speaker:
// "according to a statement from X" cites X.
var docNouns = map[string]bool{
	"statement": true, "report": true, "study": true, "data": true, "figures": true,
	"documents": true, "document": true, "survey": true, "poll": true, "analysis": true,
	"estimates": true, "estimate": true, "reports": true, "filing": true, "records": true,
	"release": true, "post": true, "transcript": true, "tally": true, "count": true,
	"assessment": true, "statements": true, "memo": true, "letter": true, "website": true,
}

// runCut are capitalised words that end a run of capitalised words from
// the left: weekdays, months and sentence-initial function words ("On Friday
// Jane Doe said", "The United States").
var runCut = map[string]bool{
	"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true,
	"saturday": true, "sunday": true, "january": true, "february": true, "march": true,
	"april": true, "june": true, "july": true, "august": true, "september": true,
	"october": true, "november": true, "december": true, "jan.": true, "feb.": true,
	"aug.": true, "sept.": true, "oct.": true, "nov.": true, "dec.": true,
	"the": true, "a": true, "an": true, "in": true, "on": true, "at": true, "after": true,
	"before": true, "but": true, "and": true, "as": true, "while": true, "when": true,
	"for": true, "with": true, "from": true, "by": true, "of": true, "to": true,
	"this": true, "that": true, "these": true, "those": true, "it": true, "he": true,
	"she": true, "they": true, "we": true, "i": true, "his": true, "her": true,
	"their": true, "its": true, "if": true, "since": true, "because": true, "although": true,
	"though": true, "during": true, "within": true, "without": true, "despite": true,
	"here": true, "there": true, "what": true, "why": true, "how": true, "who": true,
	"where": true, "which": true, "last": true, "next": true, "some": true, "many": true,
	"other": true, "others": true, "one": true, "two": true, "three": true, "several": true,
	"most": true, "all": true, "both": true, "each": true, "every": true, "among": true,
	"roughly": true, "about": true, "nearly": true, "more": true, "no": true, "not": true,
	"so": true, "yet": true, "still": true, "now": true, "then": true, "once": true,
	"watch": true, "listen": true, "read": true, "related": true, "photo": true,
	"video": true, "today": true, "yesterday": true, "tomorrow": true, "meanwhile": true,
	"however": true, "also": true, "even": true, "only": true, "just": true, "such": true,
	"according": true, "like": true, "unlike": true, "amid": true, "under": true,
	"over": true, "until": true, "whether": true,
}

// notNames are capitalised words that are never part of a person's name,
// beyond runCut: compass and other adjectives that start place names.
var notNames = map[string]bool{
	"western": true, "eastern": true, "northern": true, "southern": true, "new": true,
	"islamic": true, "god": true, "christmas": true, "easter": true, "ramadan": true,
	"russian": true, "american": true, "british": true, "canadian": true, "chinese": true,
	"iranian": true, "syrian": true, "afghan": true, "israeli": true, "palestinian": true,
	"ukrainian": true, "european": true, "french": true, "german": true, "indian": true,
	"pakistani": true, "iraqi": true, "turkish": true, "saudi": true, "egyptian": true,
	"japanese": true, "korean": true, "mexican": true, "australian": true, "african": true,
	"asian": true, "arab": true, "muslim": true,
	"jewish": true, "catholic": true, "sunni": true, "shia": true, "shiite": true,
	"federal": true, "national": true, "international": true, "united": true,
}

// nameParticles may appear in lower case inside a person's name.
var nameParticles = map[string]bool{
	"al": true, "el": true, "bin": true, "ibn": true, "van": true, "von": true, "de": true,
	"da": true, "di": true, "du": true, "del": true, "della": true, "der": true, "den": true,
	"la": true, "le": true, "dos": true, "das": true, "ter": true, "ten": true, "abu": true,
	"ul": true,
}

// nameSuffixes follow a person's name.
var nameSuffixes = map[string]bool{"jr.": true, "sr.": true, "jr": true, "sr": true, "ii": true, "iii": true, "iv": true}

// pronouns that can be the subject of a reporting verb, with what they refer to.
var subjectPronouns = map[string]byte{"he": 'm', "she": 'f', "they": 'p', "it": 'n'}

// equivalents are general English abbreviations of country and body names.
// A speaker written in the short form is named by the long form when the
// briefing itself spells the long form out somewhere.
var equivalents = map[string]string{
	"U.S.": "United States", "US": "United States", "U.S.A.": "United States",
	"USA": "United States", "U.K.": "United Kingdom", "UK": "United Kingdom",
	"U.N.": "United Nations", "UN": "United Nations", "EU": "European Union",
	"E.U.": "European Union", "UAE": "United Arab Emirates",
}
