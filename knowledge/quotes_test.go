package knowledge

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

func TestFindQuotes(t *testing.T) {
	tests := []struct {
		text string
		want []string // quote texts; a trailing "…" marks one left open
	}{
		{"“Q one,” he said. “Q two.”", []string{"Q one", "Q two."}},
		{`"Straight one," she said, "and straight two."`, []string{"Straight one", "and straight two."}},
		{"X said ISIS “bears sole responsibility” for it.", []string{"bears sole responsibility"}},
		{"“Opened and never closed", []string{"Opened and never closed…"}},
		{"It’s the group’s view, officials’ too.", nil},
		{"He said 5\" of rain fell.", nil},
		{"A stray ” mark.", nil},
		{"“Mixed close,\" he said.", []string{"Mixed close"}},
		{"“Closed by two single marks,’’ she said. “Then curly.”", []string{"Closed by two single marks", "Then curly."}},
		{"‘‘Doubled open and close,’’ he said.", []string{"Doubled open and close"}},
		{`""Mistyped doubled open," she said. "Then one more."`, []string{"Mistyped doubled open", "Then one more."}},
		{`He wrote "" and left, "then came back."`, []string{"then came back."}},
		{"“A ‘nested’ quote inside,” he said.", []string{"A ‘nested’ quote inside"}},
		{"It's the farmers' market, the growers’ ’90s.", nil},
		// Single marks, British style, told from apostrophes.
		{"He called it his 'biggest frustration' of the year.", []string{"biggest frustration"}},
		{"‘It’s not over,’ she said. ‘We go again at nine o’clock.’", []string{"It’s not over", "We go again at nine o’clock."}},
		{"‘The players’ union was not asked,’ he said.", []string{"The players’ union was not asked"}},
		{"Rock 'n' roll was big in the '60s, and the class of '09 knew it.", nil},
		{"‘He told me “never again”,’ she said.", []string{"He told me “never again”"}},
		{"“It’s ‘Showtime’ now,” he said.", []string{"It’s ‘Showtime’ now"}},
		{"‘We need to listen", []string{"We need to listen…"}},
		{"Ngāti's elders, O'Brien's boat and the Smiths' house.", nil},
	}
	for _, tt := range tests {
		var got []string
		for _, q := range findQuotes(tt.text) {
			s := quoteText(tt.text, q)
			if !q.closed {
				s += "…"
			}
			got = append(got, s)
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("findQuotes(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}

func TestIsQuotation(t *testing.T) {
	tests := []struct {
		text string
		want bool
	}{
		{"It saw the “broad contours” of an attack.", true},
		{"The so-called “special military operation” began.", false},
		{"She starred in “The Long Goodbye” last year.", false},
		{"A group dubbed “Black Alder” claimed it.", false},
		{"He said “No.”", true},
	}
	for _, tt := range tests {
		qs := findQuotes(tt.text)
		if len(qs) != 1 {
			t.Fatalf("%q: %d quotes", tt.text, len(qs))
		}
		if got := isQuotation(tt.text, qs[0]); got != tt.want {
			t.Errorf("isQuotation(%q) = %v", tt.text, got)
		}
	}
}

// attribution parses body (under a small header) and returns its quotes as
// "text — speaker (role)" and its statements as "speaker: sentence".
func attribution(t *testing.T, body string) (quotes, statements []string, b *Briefing) {
	t.Helper()
	b, err := Parse("a.txt", []byte("title: T\npublished: 2024-03-23\n---\n"+body))
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range b.Quotes {
		quotes = append(quotes, fmt.Sprintf("%s — %s (%s)", q.Text, q.Speaker, q.Role))
	}
	for _, s := range b.Statements {
		statements = append(statements, s.Speaker+": "+s.Text)
	}
	return quotes, statements, b
}

func TestAttribution(t *testing.T) {
	tests := []struct {
		name   string
		body   string
		quotes []string // all quotes, in order
		stmts  []string // "speaker: sentence prefix" that must be among the statements
		absent []string // speakers that must not be among the statements
	}{
		{
			name: "the active quote X as saying: X speaks, not the one who quotes",
			body: "Police said Ada Lind Moreno, 19, had met the victim online.\n\n" +
				"“I do not regret it,” local newspapers quote Lind as saying. The body was found near the house.\n",
			quotes: []string{"I do not regret it — Lind ()"},
			absent: []string{"local newspapers"},
		},
		{
			name: "a pronoun agrees with how the narration refers to each person",
			body: "Dr. Tomas Brandt, a chemist at the Halvard Institute, built the first sensor. Brandt kept his notes in a single binder.\n\n" +
				"Ines Kolar, a technician at the institute, joined his lab in 1971. Kolar spent her first month sorting samples.\n\n" +
				"Brandt showed the sensor to visitors every week. “It never once failed in a cold room,” she said.\n",
			quotes: []string{"It never once failed in a cold room — Ines Kolar (technician at the institute)"},
		},
		{
			name: "a pronoun with an unconfirmed name nearer than the last speaker takes no one",
			body: "Maren Holt, the foundry's owner, said the furnace “ran for forty years.”\n\n" +
				"Once Pell Orrin arrived at the foundry, Holt handed her a logbook. “The logbook was her whole method,” she said.\n",
			quotes: []string{"ran for forty years. — Maren Holt (foundry's owner)", "The logbook was her whole method —  ()"},
		},
		{
			name:   "an appositive quotation after a name is an epithet, not speech",
			body:   "Ansel Drury, the beacon's keeper, said the light “has never once gone out.”\n\nAcross the valley, Drury, “the lamplighter of Carrow,” kept the beacon burning through the winter storms and the floods.\n",
			quotes: []string{"has never once gone out. — Ansel Drury (beacon's keeper)", "the lamplighter of Carrow —  ()"},
		},
		{
			name:   "a described subject named by an appositive is that person",
			body:   "The chair of the Harbour Pilots Guild, Oskar Venn, rejected the offer, saying it “would not keep a single boat at sea.”\n",
			quotes: []string{"would not keep a single boat at sea. — Oskar Venn (chair of the Harbour Pilots Guild)"},
		},
		{
			name:   "said NAME, appositive role, second appositive",
			body:   "“We will respond,” said Jane Doe, a senior fellow with the Example Center, a Boston-based group.\n",
			quotes: []string{"We will respond — Jane Doe (senior fellow with the Example Center)"},
		},
		{
			name:   "NAME said, then pronoun and continuation",
			body:   "Jane Doe, director of the Example Institute at the City-based Roe Center, said the plan “cannot work.” She added that talks would continue.\n\n“We are ready,” she said. “We have been ready for years.”\n",
			quotes: []string{"cannot work. — Jane Doe (director of the Example Institute at the City-based Roe Center)", "We are ready — Jane Doe (director of the Example Institute at the City-based Roe Center)", "We have been ready for years. — Jane Doe (director of the Example Institute at the City-based Roe Center)"},
			stmts:  []string{"Jane Doe: She added that talks", "Jane Doe: “We have been ready"},
		},
		{
			name:   "title before the name, honorific, surname later",
			body:   "Gen. John Smith, commander of the Northern Fleet, told lawmakers that the threat was real.\n\nLater, Gen. Smith said the fleet was “fully prepared.”\n",
			quotes: []string{"fully prepared. — John Smith (commander of the Northern Fleet)"},
			stmts:  []string{"John Smith: Gen. John Smith", "John Smith: Later, Gen. Smith"},
		},
		{
			name:   "role written before the name",
			body:   "On Friday, Example Council spokesperson Ann Lee said the council “bears full responsibility” for the delay.\n",
			quotes: []string{"bears full responsibility — Ann Lee (Example Council spokesperson)"},
		},
		{
			name:   "NAME of the ORG told, institution city dropped only when named elsewhere",
			body:   "“They have been attacking the port,” Tom Reed of the Atlantic Policy Institute in Halifax told reporters.\n\nHalifax has a large port.\n",
			quotes: []string{"They have been attacking the port — Tom Reed (Atlantic Policy Institute)"},
		},
		{
			name:   "agreed that",
			body:   "Ana Cruz, a professor at Example University, agreed that “the risk is rising.”\n",
			quotes: []string{"the risk is rising. — Ana Cruz (professor at Example University)"},
		},
		{
			name:   "organisations and groups as speakers",
			body:   "The Example Republic says it has proof. Security analysts concur the claim is plausible. U.S. officials said they had warned them. The U.S. military has said it can see the “broad outline” of a plan. Experts said the risk was high.\n",
			quotes: []string{"broad outline — U.S. military ()"},
			stmts:  []string{"Example Republic: The Example Republic says", "Security analysts: Security analysts concur", "U.S. officials: U.S. officials said", "U.S. military: The U.S. military has said", "Experts: Experts said"},
		},
		{
			name:  "according to, before and after",
			body:  "More than 130 people were killed, according to regional officials. According to Jane Doe, a historian, the site is old.\n",
			stmts: []string{"regional officials: More than 130", "Jane Doe: According to Jane Doe"},
		},
		{
			name:  "U.S. takes the spelled-out name only when the text spells it",
			body:  "The United States says it has intelligence. The U.S. has said its ability is reduced.\n",
			stmts: []string{"United States: The United States says", "United States: The U.S. has said"},
		},
		{
			name:  "U.S. stays U.S. otherwise",
			body:  "The U.S. has said its ability is reduced.\n",
			stmts: []string{"U.S.: The U.S. has said"},
		},
		{
			name:   "it and the ministry refer to the last organisation",
			body:   "The Example Defence Ministry said the drills were routine. It said they would end soon.\n\n“The exercises are defensive,” the ministry said in a statement.\n",
			quotes: []string{"The exercises are defensive — Example Defence Ministry ()"},
			stmts:  []string{"Example Defence Ministry: It said they would"},
		},
		{
			name:  "the company refers to the body named just before",
			body:  "Sales fell at Brightwater, the regional operator that runs the ferries, the company said on Tuesday.\n",
			stmts: []string{"Brightwater: Sales fell"},
		},
		{
			name:   "pronoun with two people: last speaker wins",
			body:   "Maria Lopez, the union’s negotiator, said talks had failed. Peter Grant, a spokesman for the port, disputed that.\n\n“We offered a fair deal,” Grant said.\n\n“It is not enough,” she said.\n",
			quotes: []string{"We offered a fair deal — Peter Grant (spokesman for the port)", "It is not enough — Peter Grant (spokesman for the port)"},
			stmts:  []string{"Maria Lopez: Maria Lopez, the union’s negotiator"},
		},
		{
			name:   "a quote over two paragraphs",
			body:   "“We are prepared to stay out as long as it takes,” Lopez told a rally.\n\nMaria Lopez, a negotiator, spoke first. “Our members are united.\n\n“And they are angry,” she said.\n",
			quotes: []string{"We are prepared to stay out as long as it takes — Maria Lopez (negotiator)", "Our members are united. — Maria Lopez (negotiator)", "And they are angry — Maria Lopez (negotiator)"},
		},
		{
			name:   "described, unnamed speakers are anonymous sources",
			body:   "“It is a trap,” said one resident, who declined to give her name. Two people familiar with the matter said the talks could fail. “Nobody knows,” a witness said.\n",
			quotes: []string{"It is a trap — one resident ()", "Nobody knows — a witness ()"},
			stmts:  []string{"two people familiar with the matter: Two people"},
		},
		{
			name:   "someone only ever called Mr. Vance is Vance; an expert never named stays unattributed",
			body:   "“It is a trap,” said Mr. Vance. “Nobody knows,” the expert said.\n",
			quotes: []string{"It is a trap — Vance ()", "Nobody knows —  ()"},
			absent: []string{"expert"},
		},
		{
			name:   "negated, infinitive and passive verbs report nothing",
			body:   "Jane Doe declined to say how much was paid. John Roe did not say whether he would stay. Ann Lee was told to leave. The deal was added to the agenda.\n",
			absent: []string{"Jane Doe", "John Roe", "Ann Lee"},
		},
		{
			name:   "claimed responsibility is not speech, claimed that is",
			body:   "The group claimed responsibility for the attack. The Example Front claimed that it had won.\n",
			stmts:  []string{"Example Front: The Example Front claimed that"},
			absent: []string{"group"},
		},
		{
			name:   "a clause verb whose that is left out reports a clause, not an object",
			body:   "The Coastal Office runs the levy. It claims the fee will raise £3m. The storm claimed the lives of two sailors who were at sea. New Alder state now has more ferries than any region. The Harbour Trust confirmed its pier was closing. Ada Lune recalled this ferry was built in 1990. Velo Cars recalled the vans it had sold. Storm Brenna claimed the Brask farm and has cut off the village.\n",
			stmts:  []string{"Coastal Office: It claims the fee", "Harbour Trust: The Harbour Trust confirmed its pier", "Ada Lune: Ada Lune recalled this ferry"},
			absent: []string{"storm", "New Alder", "Velo Cars", "Brenna"},
		},
		{
			name:  "it is the nearest body acting in its paragraph, not the last speaker",
			body:  "The Coastal Office said the change would save £60m.\n\nThe Harbour Trust backed the plan. It said the levy was overdue.\n\nThe Harbour Trust backed the levy at first. The Marle Council opposed it on Monday. It said the levy was unfair.\n",
			stmts: []string{"Coastal Office: The Coastal Office said", "Harbour Trust: It said the levy", "Marle Council: It said the levy was unfair"},
		},
		{
			name:   "a lower-case particle inside a name",
			body:   "“We are ready to buy it,” said Odile des Marais, the museum’s director, in an interview.\n",
			quotes: []string{"We are ready to buy it — Odile des Marais (museum’s director)"},
		},
		{
			name:  "aside in parentheses before the verb",
			body:  "Prices rose, the Example Growers Association (EGA) said on Saturday. Losses were high, according to the association.\n",
			stmts: []string{"Example Growers Association: Prices rose", "Example Growers Association: Losses were high"},
		},
		{
			name:   "inverted with an age",
			body:   "“We need a deal,” Kovalenko, 54, said. Dmytro Kovalenko, the foreign minister, spoke first.\n",
			quotes: []string{"We need a deal — Dmytro Kovalenko (foreign minister)"},
		},
		{
			name:  "description then name",
			body:  "Ukraine’s foreign minister, Dmytro Kovalenko, said his government had not been consulted.\n",
			stmts: []string{"Dmytro Kovalenko: Ukraine’s foreign minister"},
		},
		{
			name:   "a quote-only paragraph continues the quote paragraph before, past a label line",
			body:   "“The nets are older than me,” said Ruth Amble, a net-maker.\n\nRuth Amble at her bench in the old harbour shed at dawn\n\n“Some of them are older than my mother.”\n",
			quotes: []string{"The nets are older than me — Ruth Amble (net-maker)", "Some of them are older than my mother. — Ruth Amble (net-maker)"},
		},
		{
			name:   "a subheading ends the paragraph a quote-only paragraph could continue",
			body:   "“The nets are older than me,” said Ruth Amble, a net-maker.\n\nWinter work\n\n“The storms will come soon.”\n",
			quotes: []string{"The nets are older than me — Ruth Amble (net-maker)", "The storms will come soon. —  ()"},
		},
		{
			name:   "a stance verb's subject speaks next",
			body:   "Mayor Ana Ruiz rejected the criticism on Monday.\n\n“We listened to everyone who came to us.”\n",
			quotes: []string{"We listened to everyone who came to us. — Ana Ruiz (Mayor)"},
		},
		{
			name:   "a narrative paragraph gives a quote-only paragraph no speaker",
			body:   "Mayor Ana Ruiz runs the council from a small office.\n\n“We listened to everyone who came to us.”\n",
			quotes: []string{"We listened to everyone who came to us. —  ()"},
		},
		{
			name:   "descriptions refer back and are never names",
			body:   "Marco Bellini, 57, returns to management.\n\n“It feels like home,” the 57-year-old said.\n\n“We start again,” the Italian said.\n",
			quotes: []string{"It feels like home — Marco Bellini ()", "We start again — Marco Bellini ()"},
			absent: []string{"57-year-old", "Italian"},
		},
		{
			name:   "a description of someone introduced unnamed is not the person named",
			body:   "Coach Marco Bellini said a 17-year-old had been hurt in training.\n\n“I will be back,” the 17-year-old said.\n",
			quotes: []string{"I will be back —  ()"},
			absent: []string{"17-year-old"},
		},
		{
			name:   "an age that contradicts the last speaker",
			body:   "Marco Bellini, 57, spoke first. “We are ready,” Bellini said.\n\n“I am not,” the 24-year-old said.\n",
			quotes: []string{"We are ready — Marco Bellini ()", "I am not —  ()"},
		},
		{
			name:   "a people is not a person",
			body:   "Marco Bellini, 57, spoke first. “We are ready,” Bellini said.\n\n“We are not,” the French said.\n",
			quotes: []string{"We are ready — Marco Bellini ()", "We are not —  ()"},
			absent: []string{"French"},
		},
		{
			name:   "a passive agent takes only the quotation before it",
			body:   "The plan was described as “reckless” by the Harbour Users Association, and as “overdue” in a newspaper editorial.\n",
			quotes: []string{"reckless — Harbour Users Association ()", "overdue —  ()"},
		},
		{
			name:   "points a lead-in lists are its speaker's",
			body:   "In the interview, Mayor Ana Ruiz also said:\n\nThe bridge will reopen in spring\n\nFares will stay 'as they are'\n\nThe ferry has a new timetable.\n",
			quotes: []string{"as they are — Ana Ruiz (Mayor)"},
			stmts:  []string{"Ana Ruiz: The bridge will reopen", "Ana Ruiz: Fares will stay"},
		},
		{
			name:   "a quote whose attribution names someone unknown takes no speaker from the paragraph",
			body:   "Leo Vance's agent said the player would stay. “He is happy here,” the agent said.\n",
			quotes: []string{"He is happy here —  ()"},
			absent: []string{"Vance"},
		},
		{
			name:   "someone named by one name with an age is a person",
			body:   "Her husband, Tom, 40, said: “It was chaos when I got there.”\n",
			quotes: []string{"It was chaos when I got there. — Tom ()"},
		},
		{
			name:   "a party member described, and a statement put out",
			body:   "Sen. Maria Reyes, a Democrat from Nevada, opposes the bill.\n\nReyes issued a short statement on Friday.\n\n“We will not stop.”\n\nAsked about a filibuster, the Nevada Democrat said: “Everything is on the table.”\n",
			quotes: []string{"We will not stop. — Maria Reyes (Democratic senator from Nevada)", "Everything is on the table. — Maria Reyes (Democratic senator from Nevada)"},
		},
		{
			name:   "someone's lawyer is not them",
			body:   "Sen. Maria Reyes was not in court. Reyes's lawyer believes the case will fail.\n\n“There is no evidence at all.”\n",
			quotes: []string{"There is no evidence at all. —  ()"},
		},
		{
			name: "a full name with no cue, then its surname alone says something",
			body: "The new anti-litter campaign has drawn mockery since Monday, but Lena Okafor’s response was concern.\n\n" +
				"“My first reaction was worry,” Okafor said, recalling her first sight of the posters.\n",
			quotes: []string{"My first reaction was worry — Lena Okafor ()"},
		},
		{
			name: "a surname that opens a sentence saying something of a person is a person's",
			body: "The museum hired Vera Quist in 1961.\n\n" +
				"Quist, for her part, kept the old catalogue.\n\n" +
				"Once Quist arrived, the curator gave her the keys. “It was a maze,” she said.\n",
			quotes: []string{"It was a maze — Vera Quist ()"},
		},
		{
			name:   "a person called by two of their three names is the one introduced by all three",
			body:   "The minister put Marta Lind Ostberg in charge of the ferry agency on Monday.\n\n“We will fix this,” Lind Ostberg said.\n",
			quotes: []string{"We will fix this — Marta Lind Ostberg ()"},
		},
		{
			name:   "a father and son who share two names are two people",
			body:   "John Henry Cole, 71, and his son, Henry Cole, 45, were charged on Monday.\n\n“My father did nothing wrong,” Henry Cole said.\n",
			quotes: []string{"My father did nothing wrong — Henry Cole ()"},
		},
		{
			name:   "a party before a name is no given name",
			body:   "Democrat Ana Diaz leads by two points in the poll.\n\n“We are winning,” Ana Diaz said.\n",
			quotes: []string{"We are winning — Ana Diaz ()"},
		},
		{
			name:   "a quotation before a verb that otherwise needs a clause is what it reports",
			body:   "“The dam held all night,” Mr. Doe recounted.\n",
			quotes: []string{"The dam held all night — Doe ()"},
		},
		{
			name: "a role in capitals after a name is the role, not another speaker",
			body: "“Our plan is simple,” Ivo Kranj, CEO of Tollbridge Games, said.\n\n" +
				"“We will wait,” Ada Lind, Acme CEO, said.\n",
			quotes: []string{"Our plan is simple — Ivo Kranj (CEO of Tollbridge Games)", "We will wait — Ada Lind (Acme CEO)"},
		},
		{
			name: "a pronoun after a paragraph opens with someone acting is theirs, not the last speaker's",
			body: "Kurt Vale, the former envoy, and Tim Moss, a former official, testified on Tuesday. “I never saw the report,” Vale said.\n\n" +
				"Moss was the last engineer on site. He said he feared “a second flood” if the rain went on.\n",
			quotes: []string{"I never saw the report — Kurt Vale (former envoy)", "a second flood — Tim Moss (former official)"},
		},
		{
			name:   "a role naming a body before its head is a person's role, not a body's name",
			body:   "Tim Moss, a former Harbour Safety Board official, testified on Tuesday.\n\nMoss was the last engineer on site. He said he feared “a second flood” later.\n",
			quotes: []string{"a second flood — Tim Moss (former Harbour Safety Board official)"},
		},
		{
			name: "someone who did not comment is not the she of the next quotation",
			body: "“The ward flooded twice,” said Ada Brun, a nurse at the clinic.\n\n" +
				"Piet Kolb, the clinic's director, did not respond to requests for comment. “Nobody came down to the basement,” she said.\n",
			quotes: []string{"The ward flooded twice — Ada Brun (nurse at the clinic)", "Nobody came down to the basement — Ada Brun (nurse at the clinic)"},
		},
		{
			name:   "a quotation a long object away is still what was called so, with no clause between",
			body:   "Mayor Ingrid Sollen called the decision by the regional transport board to close the valley line after more than a century of service “a betrayal.”\n",
			quotes: []string{"a betrayal. — Ingrid Sollen (Mayor)"},
		},
		{
			name: "the subject of the pronoun's own sentence is not the paragraph's topic",
			body: "Kurt Vale, the former envoy, and Tim Moss, a former official, testified on Tuesday. “I never saw the report,” Vale said.\n\n" +
				"Moss, he said, had never seen the transcript. “Nobody showed it to us,” he added.\n",
			quotes: []string{"I never saw the report — Kurt Vale (former envoy)", "Nobody showed it to us — Kurt Vale (former envoy)"},
		},
		{
			name:   "someone only ever called by an office and a surname is a person",
			body:   "“We will not raise taxes,” President Malvane said.\n",
			quotes: []string{"We will not raise taxes — Malvane (President)"},
		},
		{
			name:   "Mrs. Vance after Mr. Vance is someone else",
			body:   "“We will win this state,” Mr. Vance said.\n\n“I am proud of my husband,” Mrs. Vance said.\n",
			quotes: []string{"We will win this state — Vance ()", "I am proud of my husband —  ()"},
		},
		{
			name:   "what someone dubbed a thing is their word for it",
			body:   "Reed said her predecessor, Fiona Hale, had dubbed the ferry's delays “the Marrow knot.”\n",
			quotes: []string{"the Marrow knot. — Fiona Hale ()"},
		},
		{
			name:   "a verb that reports only a quotation does not reach one far past it in another clause",
			body:   "Nurses chanted, “Safe staffing saves lives,” as hundreds of them lined the steps of the hospital on Friday morning, many holding handmade signs with slogans such as, “Nurses need a break.”\n",
			quotes: []string{"Safe staffing saves lives — Nurses ()", "Nurses need a break. —  ()"},
		},
		{
			name:  "what a crowd chants is theirs",
			body:  "Nurses chanted, “Safe staffing saves lives,” outside the hospital.\n",
			stmts: []string{"Nurses: Nurses chanted"},
		},
		{
			name:  "a country's military, named by its kind alone, speaks for itself",
			body:  "Soldiers surrounded the palace on Tuesday. The military said it was keeping the family safe.\n",
			stmts: []string{"the military: The military said it was keeping the family safe."},
		},
		{
			name: "with X warning: an absolute clause's subject speaks",
			body: "Two neighbours also criticised the shift, with Vellish Foreign Minister Ada Brun warning of \u201cdangerous consequences\u201d for the talks.\n\n" +
				"The debate went on, with many members saying little.\n",
			stmts:  []string{"Ada Brun: Two neighbours also criticised"},
			absent: []string{"members"},
		},
		{
			name:  "group in a place and group at an organisation",
			body:  "Officials in Kyiv said the plan was unacceptable. Analysts at Kessler Capital said it would save money.\n",
			stmts: []string{"Officials in Kyiv: Officials in Kyiv", "Analysts at Kessler Capital: Analysts at Kessler"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			quotes, stmts, _ := attribution(t, tt.body)
			if tt.quotes != nil && !slices.Equal(quotes, tt.quotes) {
				t.Errorf("quotes\n got %q\nwant %q", quotes, tt.quotes)
			}
			for _, want := range tt.stmts {
				if !slices.ContainsFunc(stmts, func(s string) bool { return strings.HasPrefix(s, want) }) {
					t.Errorf("no statement %q among\n%s", want, strings.Join(stmts, "\n"))
				}
			}
			for _, who := range tt.absent {
				for _, s := range stmts {
					if strings.Contains(strings.SplitN(s, ":", 2)[0], who) {
						t.Errorf("unexpected statement %q", s)
					}
				}
			}
		})
	}
}

func TestCleanRole(t *testing.T) {
	tests := []struct{ in, want string }{
		{"a senior research fellow with the Example Center", "senior research fellow with the Example Center"},
		{"the mayor of Casalmaggiore", "mayor of Casalmaggiore"},
		{"An analyst", "analyst"},
		{"who also served as an envoy", ""},
		{"who represents the union", "represents the union"},
		{"who works for the transit agency", "works for the transit agency"},
		{"who also works for the transit agency", "works for the transit agency"},
		{"who follows the chain as an analyst at Harbour Capital", "analyst at Harbour Capital"},
		{"who formerly followed the chain as an analyst", ""},
		{"who lives nearby", ""},
		{"who owns two dogs", ""},
		{"who is the chair of the library board", "chair of the library board"},
		{"who is happy with the plan", ""},
		{"who runs marathons in Boston every year", ""},
		{"who heads to Geneva next week for talks", ""},
		{"who hopes to work as a nurse", ""},
		{"who worked for the transit agency until she retired", ""},
		{"who runs the Harbour Bakery while her husband farms", "runs the Harbour Bakery"},
		{"who works for Marks and Spencer", "works for Marks and Spencer"},
		{"who is the chair of the board while he lives abroad", "chair of the board"},
		{"who represents Noel", "represents Noel"},
		{"who teaches marketing at Lakes College", "teaches marketing at Lakes College"},
		{"who was hurt in the crash", ""},
		{"54", ""},
		{"director of the South Institute at the Roe Center", "director of the South Institute at the Roe Center"},
	}
	for _, tt := range tests {
		if got := cleanRole(tt.in); got != tt.want {
			t.Errorf("cleanRole(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	named := func(n int) func(string) int { return func(string) int { return n } }
	if got := dropPlace("senior fellow at the Center for Studies in Washington", named(3)); got != "senior fellow at the Center for Studies" {
		t.Errorf("dropPlace: %q", got)
	}
	if got := dropPlace("economist at Lakes College in Manitowoc", named(1)); got != "economist at Lakes College in Manitowoc" {
		t.Errorf("dropPlace kept only mention: %q", got)
	}
	if got := dropPlace("ambassador in Moscow", named(3)); got != "ambassador in Moscow" {
		t.Errorf("dropPlace after a lower-case word: %q", got)
	}
}

func TestSourcesAndAliases(t *testing.T) {
	_, _, b := attribution(t, "Gen. Michael Doe, commander of the Example Command, told Congress that the group was growing.\n\n"+
		"“We see it,” Gen. Doe said. Doe added that the group had grown.\n\n"+
		"Roughly a decade old, Example State Khorasan (ESK) is a militant group. The North Atlantic Treaty Organization (NATO) said it was watching. "+
		"NATO (North Atlantic Treaty Organization) is an alliance. ESK said it would fight.\n")
	var doe *Source
	for i := range b.Sources {
		if b.Sources[i].Name == "Michael Doe" {
			doe = &b.Sources[i]
		}
	}
	if doe == nil {
		t.Fatalf("no source Michael Doe in %+v", b.Sources)
	}
	if doe.Kind != Person || doe.Role != "commander of the Example Command" || !slices.Equal(doe.Aliases, []string{"Doe", "Gen. Doe"}) || doe.Quotes != 1 || doe.Statements != 3 {
		t.Errorf("source %+v", *doe)
	}
	want := [][]string{{"ESK", "Example State Khorasan"}, {"NATO", "North Atlantic Treaty Organization"}}
	if !slices.EqualFunc(b.Aliases, want, slices.Equal) {
		t.Errorf("aliases %q, want %q", b.Aliases, want)
	}
	names := map[string]SourceKind{}
	for _, s := range b.Sources {
		names[s.Name] = s.Kind
	}
	if names["North Atlantic Treaty Organization"] != Organisation || names["ESK"] != Organisation {
		t.Errorf("sources %v", names)
	}
	if _, ok := names["NATO"]; ok {
		t.Errorf("NATO listed apart from its long form: %v", names)
	}
}

func TestFindAliases(t *testing.T) {
	tests := []struct {
		text string
		want [][2]string
	}{
		{"Roughly a decade old, Islamic State Khorasan (ISIS-K) is named after a region.", [][2]string{{"ISIS-K", "Islamic State Khorasan"}}},
		{"the Center for Strategic and International Studies (CSIS) said", [][2]string{{"CSIS", "Center for Strategic and International Studies"}}},
		{"The Taliban and the Islamic State (IS) fought.", [][2]string{{"IS", "Islamic State"}}},
		{"WHO (World Health Organization) officials", [][2]string{{"WHO", "World Health Organization"}}},
		{"He visited the city (Moscow) and left (quickly).", nil},
		{"Prices rose (by 5%) in March (MAR).", nil},
	}
	for _, tt := range tests {
		if got := findAliases(tt.text); !slices.Equal(got, tt.want) {
			t.Errorf("findAliases(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}

// A short form the text uses without defining it is another name for the
// one name it spells out whose initials it is, unless that name is a
// person's, a title's or a role's, or two names share the initials.
func TestImplicitAliases(t *testing.T) {
	notPerson := func(string) bool { return false }
	tests := []struct {
		name  string
		texts []string
		want  [][2]string
	}{
		{"spelled out first", []string{"according to the Harbour Pilots’ Association.", "The HPA said fees would rise."}, [][2]string{{"HPA", "Harbour Pilots’ Association"}}},
		{"with of inside", []string{"Inspectors from the Office of Rail Safety said", "ORS inspectors found cracks."}, [][2]string{{"ORS", "Office of Rail Safety"}}},
		{"after a capitalised article", []string{"The Office of Rail Safety met on Monday.", "ORS inspectors found cracks."}, [][2]string{{"ORS", "Office of Rail Safety"}}},
		{"ended by a comma", []string{"the Tallby Rowing Club, Ana Roe said.", "TRC members voted."}, [][2]string{{"TRC", "Tallby Rowing Club"}}},
		{"defined already", []string{"the Harbour Pilots’ Association spoke.", "The HPA said so."}, nil},
		{"two letters", []string{"the Vale Council said.", "VC staff agreed."}, nil},
		{"an honorific", []string{"Dr Court Bell said.", "DCB agreed."}, nil},
		{"a role", []string{"its Chief Executive Officer, Ana Roe, said.", "The CEO agreed."}, nil},
		{"two long forms", []string{"the Tallby Rowing Club met.", "The Tallby Riding Club rode.", "TRC members voted."}, nil},
		{"two names in one run", []string{"the Harbour Pilots’ Association and Tallby Council met.", "HPA members voted."}, [][2]string{{"HPA", "Harbour Pilots’ Association"}}},
		{"a possessive", []string{"the Harbour Pilots’ Association’s lawyers said", "HPA members voted."}, [][2]string{{"HPA", "Harbour Pilots’ Association"}}},
		{"a question mark ends a run", []string{"Is it the Harbour Pilots’ Association? Agency staff say no.", "HPAA members voted."}, nil},
		{"a title word inside", []string{"the General Medical Council said", "GMC rules apply."}, [][2]string{{"GMC", "General Medical Council"}}},
		{"no body", []string{"Police found the car near the home of Ana Maria Roe.", "AMR is a growing threat."}, nil},
		{"a well-known short form", []string{"Northfield High School closed.", "The NHS is under strain."}, nil},
		{"used only before", []string{"HPA members voted.", "the Harbour Pilots’ Association met."}, nil},
		{"two bodies joined", []string{"The Pilots’ Association and Tallby Council met.", "ATC staff agreed."}, nil},
		{"a weekday ends no run but no name holds it", []string{"On Monday the Royal Society for the Protection of Birds counted geese.", "RSPB staff agreed."}, [][2]string{{"RSPB", "Royal Society for the Protection of Birds"}}},
		{"a weekday in the name", []string{"the Tallby Monday Club met.", "TMC staff agreed."}, nil},
		{"no long form", []string{"The NTSB will report in May."}, nil},
		{"general abbreviation", []string{"the United Arab Emirates", "UAE"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			defined := map[string]int{}
			if tt.name == "defined already" {
				defined["HPA"] = 0
			}
			if got := implicitAliases(tt.texts, defined, notPerson); !slices.Equal(got, tt.want) {
				t.Errorf("implicitAliases(%q) = %q, want %q", tt.texts, got, tt.want)
			}
		})
	}
	// A person's name is no long form.
	if got := implicitAliases([]string{"Maria Lund Tolland said.", "MLT is her label."}, nil, func(n string) bool { return n == "Maria Lund Tolland" }); got != nil {
		t.Errorf("a person's name became a long form: %q", got)
	}
}

// What a body says under its initials is its own.
func TestImplicitAliasMergesSpeaker(t *testing.T) {
	b, err := Parse("a.txt", []byte("title: T\npublished: 2024-03-23\n---\n"+
		"Ferry fares will rise in May, according to the Harbour Pilots’ Association.\n\n"+
		"The HPA said fuel costs had doubled since last year.\n"))
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, s := range b.Sources {
		names = append(names, s.Name)
	}
	if !slices.Equal(names, []string{"Harbour Pilots’ Association"}) {
		t.Errorf("sources %q, want the guild once", names)
	}
}

func TestRoles(t *testing.T) {
	tests := []struct {
		sentence, name, role string
		kind                 SourceKind
	}{
		{"U.S. Secretary of State Anna Blake said the talks were useful.", "Anna Blake", "U.S. Secretary of State", Person},
		// an organisation's acronym role, and a second description after "and"; "told" takes whom they told
		{"A single fault can sink a launch, Ivo Marek, Corvid Labs CEO and a founder of Tarn Rockets, told Vell Radio.", "Ivo Marek", "Corvid Labs CEO and a founder of Tarn Rockets", Person},
		{"The dam will hold, Ada Berg, Tarn Water CEO, told the Vell Herald.", "Ada Berg", "Tarn Water CEO", Person},
		// "and" inside a role that is no pair of descriptions, and inside
		// the organisation's name
		{"Sand will run short, Ivo Marek, Tarn Sand and Gravel CEO and a founder of Corvid Labs, told Vell Radio.", "Ivo Marek", "Tarn Sand and Gravel CEO and a founder of Corvid Labs", Person},
		{"Fares will fall, Ada Berg, Harbour Lines' head of sales and marketing, told Vell Radio.", "Ada Berg", "Harbour Lines' head of sales and marketing", Person},
		// a first name that is also a modal verb
		{"“It was a trick,” said Will Marsh, chief executive of Clear Facts.", "Will Marsh", "chief executive of Clear Facts", Person},
		{"“We are ready,” said May Lund, the harbour master.", "May Lund", "harbour master", Person},
		{"Minister of Foreign Affairs Wang Li said China was open.", "Wang Li", "Minister of Foreign Affairs", Person},
		{"Chief of Staff Jane Roe told reporters it was over.", "Jane Roe", "Chief of Staff", Person},
		// a title written capitalised after "the" refers back to its holder
		{"Tarn’s Prime Minister Ola Dahl visited Vell on Monday. The Prime Minister said, “We need a bank forum.”", "Ola Dahl", "Tarn’s Prime Minister", Person},
		{"President-elect Ola Dahl apologised on Monday. The President-elect said the talks would go on.", "Ola Dahl", "President-elect", Person},
		// not a former, deputy or vice holder of the title
		{"Prime Minister Ola Dahl met his predecessor, former Prime Minister Ana Berg. The Prime Minister said the budget would pass.", "Ola Dahl", "Prime Minister", Person},
		{"Vice President Ana Berg arrived in Vell on Monday. The President said the talks would go on.", "President", "", Organisation},
		{"The President said the talks would go on.", "President", "", Organisation}, // no one holds it: the title is all there is
		// a title with a complement in narration, then the surname speaks
		{"Secretary of State Ana Brask visited Panama on Monday. “We can do it,” Brask said.", "Ana Brask", "Secretary of State", Person},
		{"The deal was confirmed by U.S. Secretary of State Ana Brask. “We can do it,” Brask said.", "Ana Brask", "U.S. Secretary of State", Person},
		{"Chief of Staff Ana Brask visited Panama on Monday. “We can do it,” Brask said.", "Ana Brask", "Chief of Staff", Person},
		// a title's complement with its article, then the name
		{"The barge owners were fined, and Acting U.S. Attorney for the District of Norvale Maria Tolland said more fines would follow. “The river is not a dump,” said Tolland.", "Maria Tolland", "Acting U.S. Attorney for the District of Norvale", Person},
		{"Minister for the Environment Jonas Q. Brandt said the lake was clean.", "Jonas Q. Brandt", "Minister for the Environment", Person},
		{"Director of the Bank of Ostland Rita Vale said rates would hold.", "Rita Vale", "Director of the Bank of Ostland", Person},
		{"Minister in the Ministry of Trade Lena Vik said exports fell.", "Lena Vik", "Minister in the Ministry of Trade", Person},
		{"Minister of State in the Ministry of Trade Ola Dahl said imports rose.", "Ola Dahl", "Minister of State in the Ministry of Trade", Person},
		{"Permanent Secretary in the Ministry of Health Rita Sand said the wards were full.", "Rita Sand", "Permanent Secretary in the Ministry of Health", Person},
		{"Chief Executive of the Harbour Board Ivo Marek said the port was busy.", "Ivo Marek", "Chief Executive of the Harbour Board", Person},
		{"Chief Executive Ivo Marek said the port was busy.", "Ivo Marek", "Chief Executive", Person},
		{"Chief Financial Officer of Tarn Value Mia Lund said prices rose.", "Mia Lund", "Chief Financial Officer of Tarn Value", Person}, // a body the lists do not know
		{"President and Chief Financial Officer of Tarn Value Mia Lund said prices rose.", "Mia Lund", "Chief Financial Officer of Tarn Value", Person},
		{"Head of Research Tom Q. Lee said rates fell.", "Tom Q. Lee", "Head of Research", Person},
		{"Labour MP Jane Doe said the plan was wrong.", "Jane Doe", "Labour MP", Person},
		{"Conservative MP Chris Dahl urged ministers to act. Speaking in the Commons, the Conservative MP said: “It does not need to be like this.”", "Chris Dahl", "Conservative MP", Person},
		// an appositive at a sentence's end gives the role too
		{"One of the organizers was Walter Reed, the grandson of Congressman James Clyburn. “That is very untrue,” Walter said.", "Walter Reed", "grandson of Congressman James Clyburn", Person},
		// found in review: a time after a comma is no role, an initial stays in
		// the name, a name after the job is another's, an honorific after a
		// capitalised role
		{"Police questioned Ana Berg, the next morning. Berg said she had done nothing wrong.", "Ana Berg", "", Person},
		{"Chief Financial Officer of Tarn Value Mia K. Lund said profits fell.", "Mia K. Lund", "Chief Financial Officer of Tarn Value", Person},
		{"Chief Financial Officer of Tarn Value Omar al-Rashid said profits fell.", "Omar al-Rashid", "Chief Financial Officer of Tarn Value", Person},
		{"Tarnco, the company founder Ola Dahl sold in 2019, said profits rose.", "Tarnco", "", Organisation},
		{"Council Leader Cllr Ada Lund said the budget was balanced.", "Ada Lund", "Council Leader", Person},
		{"The motion passed easily. The MEP said the vote was historic.", "MEP", "", Organisation}, // no holder named: the title alone, as before
		{"MEP Ana Holm tabled the motion. The MEP said the vote was historic.", "Ana Holm", "MEP", Person},
		// an honorific after the role is no part of it
		{"Tarn Council leader Cllr Ada Lund said the road would close.", "Ada Lund", "Tarn Council leader", Person},
		// kin named by a pronoun: whose kin they are, the story's person or the last one of that gender
		{"Dana Holm, 21, died in April. “Nothing could be done,” her mother, Vera, said. Vera Holm urged people to stay away.", "Vera Holm", "mother of Dana Holm", Person},
		{"Ivo Lind, 30, died in May. “He was burning up,” said his brother, Ole Lind.", "Ole Lind", "brother of Ivo Lind", Person},
		{"Dana Holm, 21, died in April. “Nothing could be done,” her mother, Vera, said.", "Vera", "mother of Dana Holm", Person}, // one name, and kin: a person
		{"Ivo Lind, 30, died in May. “He was burning up,” said the victim's brother, Ole Lind.", "Ole Lind", "victim's brother", Person},
		{"“Sales rose,” said the firm's spokeswoman, Mia Ek, on Monday.", "Mia Ek", "firm's spokeswoman", Person},
		// an unnamed spokesperson speaks for the body
		{"A spokesman for the Tarn Ministry said the bags cost 5p.", "Tarn Ministry", "", Organisation},
		{"A spokesperson for House of Tarn said: ‘We have made the moral decision to charge 5p.’", "House of Tarn", "", Organisation},
		// a reporting participle joined to a gerund after "by"
		{"The Government hit back by branding the letter ‘misleading’ and insisting: ‘We will not lower standards.’", "Government", "", Organisation},
		// a surname a particle opens is a surname, not a particle
		{"“The generators failed,” said Dr. Omar Al-Haddad, the director of the Tarn Hospital.", "Omar Al-Haddad", "director of the Tarn Hospital", Person},
		{"Syrian President Bashar al-Haddad said the talks failed.", "Bashar al-Haddad", "Syrian President", Person},
		{"“It failed,” said Omar al-Haddad, a Tarn official.", "Omar al-Haddad", "Tarn official", Person},
		{"Festival director Dana Harbour said the tents would stay.", "Dana Harbour", "Festival director", Person}, // a surname that is also a place word
		{"Coach Ada Gardens said the team was ready.", "Ada Gardens", "Coach", Person},
		{"Commissioner for the Lower Orsa Basin Ivan Roe said the river was rising.", "Ivan Roe", "Commissioner for the Lower Orsa Basin", Person},
		{"Russian President Ivan Petrov said the attack was barbaric.", "Ivan Petrov", "Russian President", Person},
		{"Labour leader Keith Stone said the government must act.", "Keith Stone", "Labour leader", Person},
		{"IDF spokesperson Daniel Harel said more strikes were planned.", "Daniel Harel", "IDF spokesperson", Person},
		{"“It was hard,” said rancher Bill Tanner, who runs 300 head.", "Bill Tanner", "rancher", Person},
		{"Sophie Blanc, the owner of Cape Seafood Exports, agreed that prices were low.", "Sophie Blanc", "owner of Cape Seafood Exports", Person},
		{"A company spokeswoman, Maja Ek, said the site was working again.", "Maja Ek", "company spokeswoman", Person},
		// a body before a job only says whose the job is
		{"Maja Ek, the company spokeswoman, said the site was working again.", "Maja Ek", "company spokeswoman", Person},
		{"Ida Brenner, a Tarn Weather Office forecaster, said the wind would rise.", "Ida Brenner", "Tarn Weather Office forecaster", Person},
		{"“Stay calm,” said Nils Aune, the agency’s district supervisor for Vell.", "Nils Aune", "agency’s district supervisor for Vell", Person},
		{"Tarn Holdings, the bank holding company, said profit fell.", "Tarn Holdings", "bank holding company", Organisation},
		{"“Fares will rise,” said Ole Varga, business intelligence manager for The Harbour Group, a Tarn-based advisory firm.", "Ole Varga", "business intelligence manager for The Harbour Group", Person},
		{"“Safety first,” Nordwerk spokesperson Katrin Vogel told Reuters.", "Katrin Vogel", "Nordwerk spokesperson", Person},
		{"Karim Haddad, Nordvik Rail’s chief executive, said at a news conference that the railway would run.", "Karim Haddad", "Nordvik Rail’s chief executive", Person},
		{"Dr. Amara Obi of the Centre for Trade Studies said the strike would hurt.", "Amara Obi", "Centre for Trade Studies", Person},
		{"Russia’s Foreign Ministry said it would not attend.", "Russia’s Foreign Ministry", "", Organisation},
		{"Gaza’s Hamas-run health ministry said 40 people were killed.", "Gaza’s Hamas-run health ministry", "", Organisation},
		{"The White House said the president would travel.", "White House", "", Organisation},
		{"Brightwater Lines, the regional operator, said fares would rise.", "Brightwater Lines", "", Organisation},
		// an organisation's name, then the role; "State" is no reporting verb there
		{"The ads did not appeal to Dana Whitlow, Oregon State Department of Health public information officer, she said. “It can miss the mark,” Whitlow said.", "Dana Whitlow", "Oregon State Department of Health public information officer", Person},
		// a relative clause that says what someone does
		{"Joe Marr, who works for the transit agency, said the tunnel leaked.", "Joe Marr", "works for the transit agency", Person},
		{"Ada Reyes, who follows the chain as an analyst at Harbour Capital, said prices fell.", "Ada Reyes", "analyst at Harbour Capital", Person},
		{"“Prices fell,” said Ada Reyes, who follows the chain as an analyst at Moody's.", "Ada Reyes", "analyst at Moody's", Person},
		// a body named after a person, and bodies whose description ends in a job
		{"Walt Disney reported a profit on Monday. Disney said its parks were full.", "Disney", "", Organisation},
		{"Bill Ford spoke at a dinner on Monday. Ford said it would recall 50,000 trucks.", "Ford", "", Organisation},
		{"Aston Villa lost 2-1 on Saturday. Villa said in a statement that the manager would stay.", "Villa", "", Organisation},
		// a lone capitalised opener the sentence calls "it": a body, named nowhere else
		{"Harrods, on the other hand, says it is still testing the readers.", "Harrods", "", Organisation},
		{"Tesco said its stores were ready.", "Tesco", "", Organisation},
		{"Pell Ferries, the operator that hired the captain, said the crossing was routine.", "Pell Ferries", "", Organisation},
		{"Brightline Marine, a Tacoma firm run by a former harbour pilot, said the crossing was routine.", "Brightline Marine", "", Organisation},
		// a party-state tag, and the lawmaker's title
		{"Sen. Ada Holm, R-Neb., called the delay “a failure of public trust” within the agency.", "Ada Holm", "Republican senator from Nebraska", Person},
		{"“It was a failure,” said Rep. Jo Lund, D-Calif.", "Jo Lund", "Democratic representative from California", Person},
		{"Tom Reed, R-Texas, said the prison system had failed.", "Tom Reed", "Republican from Texas", Person},
		// a role stated outright, in a sentence of its own
		{"Lena Okafor, 44, said the ads failed. Okafor is the chief executive of Brightline, a Tacoma firm that made them.", "Lena Okafor", "chief executive of Brightline", Person},
		{"Tom Aske, 51, said the vote was close. Aske was a lecturer at the college until 2019.", "Tom Aske", "", Person}, // "was": maybe no longer
		{"Lena Castell, 60, said the clinic was full. The daughter of Lena Castell is a nurse at the clinic.", "Lena Castell", "", Person},
		{"Mira Okafor, 41, said little. Reed said Mira Okafor is the wrong candidate for the job.", "Mira Okafor", "", Person},
		{"Ivo Diaz, 33, said little. The manager who hired Diaz is the head of the sales division.", "Ivo Diaz", "", Person},
		{"Gil Perry, 50, said sales rose. Dr. Perry is the director of the Harbour Clinic.", "Gil Perry", "director of the Harbour Clinic", Person},
		{"“Sales rose,” said Gil Perry, chief executive of D-ID.", "Gil Perry", "chief executive of D-ID", Person},
		{"Lena Okafor, 44, said the ads failed. Okafor is the founder of Brightline and she still runs it.", "Lena Okafor", "founder of Brightline", Person},
		{"Lena Okafor, 44, said the ads failed. Okafor is a reason the firm grew.", "Lena Okafor", "", Person}, // a reason is no job
		// a job stated outright shows a name is a person's
		{"The ads drew mockery, but Lena Okafor’s response was concern. Okafor is the chief executive of Brightline. “It will fail,” Okafor said.", "Lena Okafor", "chief executive of Brightline", Person},
		{"Brightline named a leader on Monday. Martin Doe is the chief executive of Brightline. “We will expand,” Doe said.", "Martin Doe", "chief executive of Brightline", Person},
	}
	for _, tt := range tests {
		_, _, b := attribution(t, tt.sentence+"\n")
		i := slices.IndexFunc(b.Sources, func(s Source) bool { return s.Kind != MediaCredit })
		if i < 0 {
			t.Errorf("%q: no source", tt.sentence)
			continue
		}
		if s := b.Sources[i]; s.Name != tt.name || s.Role != tt.role || s.Kind != tt.kind {
			t.Errorf("%q:\n got %s (%s) %s\nwant %s (%s) %s", tt.sentence, s.Name, s.Role, s.Kind, tt.name, tt.role, tt.kind)
		}
	}
}

// TestQuoteOffsets checks that every quote's Start and End give back its
// text, for a quote inside a sentence, one that runs over two sentences and
// one that runs on into the next paragraph.
func TestQuoteOffsets(t *testing.T) {
	body := "Jane Doe said the plan “cannot work.”\n\n“It failed. We knew,” she said.\n\n“The first part runs on\n\n“and ends here,” she added.\n"
	_, _, b := attribution(t, body)
	passages := map[string]Passage{}
	for _, p := range b.Passages {
		passages[p.ID] = p
	}
	tests := []struct {
		text           string
		sentence, last int // the sentences it opens and ends in
	}{
		{"cannot work.", 0, 0},
		{"It failed. We knew", 0, 1},
		{"The first part runs on", 0, 0},
		{"and ends here", 0, 0},
	}
	if len(b.Quotes) != len(tests) {
		t.Fatalf("got %d quotes, want %d: %+v", len(b.Quotes), len(tests), b.Quotes)
	}
	for i, tt := range tests {
		q := b.Quotes[i]
		p := passages[q.Passage]
		if got := p.Text[q.Start:q.End]; got != q.Text || q.Text != tt.text {
			t.Errorf("quote %d: Passage.Text[%d:%d] = %q, Text %q, want %q", i, q.Start, q.End, got, q.Text, tt.text)
		}
		last := sentenceAt(p.Sentences, q.End-1)
		if q.Sentence != tt.sentence || last != tt.last {
			t.Errorf("quote %q: sentences %d..%d, want %d..%d", q.Text, q.Sentence, last, tt.sentence, tt.last)
		}
	}
}

// TestCollectiveSources checks the kind and members of speakers that are
// not one named person.
func TestCollectiveSources(t *testing.T) {
	tests := []struct {
		name    string
		body    string
		source  string
		kind    SourceKind
		members []string
	}{
		{"joint bodies", "The farm and trade ministries said in a joint statement that the rules would change.\n", "farm and trade ministries", Group, []string{"farm ministry", "trade ministry"}},
		{"two people", "Jane Doe, 41, and John Roe, 38, run the shop. Doe and Roe both said the rent had doubled.\n", "Jane Doe and John Roe", Group, []string{"Jane Doe", "John Roe"}},
		{"a described source", "A resident of the valley, who asked not to be named, said the road was closed.\n", "a resident of the valley", Anonymous, nil},
		{"a group", "Federal prosecutors alleged that the bids were rigged.\n", "Federal prosecutors", Group, nil},
		{"a body", "The Example Water Board said it would appeal.\n", "Example Water Board", Organisation, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, _, b := attribution(t, tt.body)
			for _, s := range b.Sources {
				if s.Name != tt.source {
					continue
				}
				if s.Kind != tt.kind || !slices.Equal(s.Members, tt.members) && len(s.Members)+len(tt.members) > 0 {
					t.Errorf("source %q: kind %s, members %q; want %s, %q", s.Name, s.Kind, s.Members, tt.kind, tt.members)
				}
				return
			}
			t.Errorf("no source %q among %+v", tt.source, b.Sources)
		})
	}
}

// A chain of names, each the last words of the one before, is left as it
// is, the same on every run (the merging must not follow map order).
func TestFullerNamesChain(t *testing.T) {
	body := "“We will win,” said Maria Elena Garcia Lopez, a lawyer at Banco Sur.\n\n" +
		"“We will appeal,” said Elena Garcia Lopez.\n\n“It is over,” Garcia Lopez said.\n"
	var first []string
	for range 30 {
		quotes, _, _ := attribution(t, body)
		if first == nil {
			first = quotes
			continue
		}
		if !slices.Equal(quotes, first) {
			t.Fatalf("quotes differ between runs:\n%q\n%q", first, quotes)
		}
	}
}

func TestPersonOpener(t *testing.T) {
	tests := []struct {
		sentence string
		want     string // the name, or "" for none
	}{
		{"Quist, for her part, kept the old catalogue.", "Quist"},
		{"Quist said he would stay.", "Quist"},
		{"Lund, for its part, kept its forecast.", ""},        // a body
		{"Lund said they would appeal.", ""},                  // a body, or a crowd
		{"Quist met Ann Lee and her lawyer.", ""},             // someone else named first
		{"Vera Quist, for her part, kept the catalogue.", ""}, // a full name has cues of its own
		{"Quist's lawyer said she would appeal.", ""},         // the lawyer is the one meant
		{"The curator, for her part, kept the catalogue.", ""},
	}
	for _, tt := range tests {
		t.Run(tt.sentence, func(t *testing.T) {
			ts := tokenize(tt.sentence, Sentence{Text: tt.sentence, Start: 0, End: len(tt.sentence)}, findQuotes(tt.sentence))
			got, ok := personOpener(ts)
			if got != tt.want || ok != (tt.want != "") {
				t.Errorf("personOpener(%q) = %q, %v; want %q", tt.sentence, got, ok, tt.want)
			}
		})
	}
}

// A capitalised body's name before a job only a person holds ("a County
// Council member") describes a person; before a job a firm may hold ("a
// County Council contractor"), the one described stays a body.
func TestBodyNameInRole(t *testing.T) {
	tests := []struct {
		body, name string
		kind       SourceKind
	}{
		{"“The pipes were replaced in May,” Tove Brenn, a District Council member, said.\n", "Tove Brenn", Person},
		{"“The pipes were replaced in May,” Brenn Water, a District Council contractor, said.\n", "Brenn Water", Organisation},
		{"“We will not raise taxes,” President Malvane said.\n", "Malvane", Person},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, _, b := attribution(t, tt.body)
			for _, s := range b.Sources {
				if s.Name == tt.name {
					if s.Kind != tt.kind {
						t.Errorf("%s is a %s, want %s", s.Name, s.Kind, tt.kind)
					}
					return
				}
			}
			t.Errorf("no source %s among %v", tt.name, b.Sources)
		})
	}
}

// An appeal reports what its speaker said: "urged residents to save
// water", "called on the council to act". The same verbs without an
// addressee and an infinitive report nothing.
func TestDirectiveStatements(t *testing.T) {
	tests := []struct {
		sentence, speaker string // "" when no statement
	}{
		{"The Tallby Fire Service has urged people to take care with candles.", "Tallby Fire Service"},
		{"Ana Roe urged anyone with information to come forward.", "Ana Roe"},
		{"Ana Roe asked drivers to slow down near the school.", "Ana Roe"},
		{"Ana Roe called on the council to act.", "Ana Roe"},
		{"Ana Roe advised walkers to avoid the cliff path.", "Ana Roe"},
		{"Ana Roe asked about the fares to Tallby.", ""},
		{"Ana Roe called the plan a disgrace.", ""},
		{"Ana Roe urged caution.", ""},
		{"Ana Roe did not urge residents to leave.", ""},
		{"Police urged anyone with information about the crash to come forward.", "Police"},
		{"Passengers may ask the driver to stop at any point.", ""},
		{"Ana Roe, advised by lawyers to settle, agreed.", ""},
		{"Ana Roe asked how to apply for a permit.", ""},
		{"Ana Roe asked if she needed to pay.", ""},
		{"Ana Roe asked Tom Hale to a meeting.", ""},
		{"Ana Roe asked residents to the town hall.", ""},
		{"Ana Roe called on Tuesday to complain.", ""},
		{"Ana Roe was asked to leave.", ""},
	}
	for _, tt := range tests {
		t.Run(tt.sentence, func(t *testing.T) {
			b, err := Parse("a.txt", []byte("title: T\npublished: 2024-03-23\n---\nT\n\nAna Roe is the mayor of Tallby.\n\n"+tt.sentence+"\n"))
			if err != nil {
				t.Fatal(err)
			}
			got := ""
			for _, s := range b.Statements {
				if s.Text == tt.sentence {
					got = s.Speaker
				}
			}
			if got != tt.speaker {
				t.Errorf("statement by %q, want %q", got, tt.speaker)
			}
		})
	}
}

// A word whose lower case is shorter than it ("İ" lowers to one byte)
// before a hyphen parses: a name particle's cut is measured in the lower
// case.
func TestParseShorterLowerCase(t *testing.T) {
	if _, err := Parse("a.txt", []byte("title: T\npublished: 2024-03-23\n---\nT\n\nİİİ- Ω said so.\n")); err != nil {
		t.Fatal(err)
	}
}

// A lone capitalised opener is a body only when the sentence then calls
// the speaker "it": not a plural noun for people, not a word the text also
// writes in lower case, and not when "it" comes after other words.
func TestBodyOpener(t *testing.T) {
	tests := []struct {
		body string
		want string // the source, or "" for none
	}{
		{"Tesco said its stores were ready.\n", "Tesco"},
		{"Harrods, on the other hand, says it is still testing the readers.\n", "Harrods"},
		{"Critics said it was unfair.\n", ""},
		{"Boots said its stores were ready.\n\nShe bought new boots in May.\n", ""}, // a word the text writes in lower case
		{"Tesco said the stores it runs were ready.\n", ""},
		{"Nobody said it would be easy.\n", ""},
		{"Shoppers said it was too dear.\n", ""},
		{"Management said it would review the rota.\n", ""},
		{"Italy said it would send ships.\n", "Italy"},
		{"Overall, Tesco said it was ready.\n", "Tesco"},
		{"Ferris said it was the worst storm she remembered.\n", ""},
	}
	for _, tt := range tests {
		t.Run(tt.body, func(t *testing.T) {
			_, _, b := attribution(t, tt.body)
			got := ""
			for _, s := range b.Sources {
				if s.Kind == Organisation {
					got = s.Name
				}
			}
			if got != tt.want {
				t.Errorf("source %q, want %q", got, tt.want)
			}
		})
	}
}

// A lone opener with a role after it is a person, not a body: "Marsh, the
// chief executive of Holtby Foods, said it …".
func TestBodyOpenerWithRole(t *testing.T) {
	_, _, b := attribution(t, "Marsh, the chief executive of Holtby Foods, said it would close the plant.\n")
	for _, s := range b.Sources {
		if s.Name == "Marsh" && s.Kind == Organisation {
			t.Errorf("Marsh is an organisation, want a person or none")
		}
	}
}

// A surname a lower-case particle opens speaks alone, as any surname does:
// "al-Haddad said" is Omar al-Haddad's.
func TestParticleSurnameAlone(t *testing.T) {
	quotes, _, _ := attribution(t, "Omar al-Haddad, a shopkeeper, said prices had doubled.\n\n“We have nothing left,” al-Haddad said.\n")
	if want := []string{"We have nothing left — Omar al-Haddad (shopkeeper)"}; !slices.Equal(quotes, want) {
		t.Errorf("quotes %q, want %q", quotes, want)
	}
}

// After the verb, a description ending in a noun only a person is, then a
// comma and a name, gives the name its role; not a body's noun ("said the
// company, Tarn Mills"), nor a description with no name after it.
func TestDescribedThenNamed(t *testing.T) {
	tests := []struct {
		sentence   string
		name, role string // "" when the phrase is not read as a described person
	}{
		{"“It hurt,” said her father, Ole Holm.", "Ole Holm", "her father"},
		{"“It hurt,” said the victim's sister, Ada Lind, on Monday.", "Ada Lind", "victim's sister"},
		{"“Sales rose,” said the firm's spokeswoman, Mia Ek.", "Mia Ek", "firm's spokeswoman"},
		{"“Sales rose,” said the company, Tarn Mills.", "", ""},
		{"“She rang me,” said her son, Evan.", "Evan", "her son"}, // kin by a first name alone
		{"“It hurt,” said her father, Hugh, a retired teacher.", "Hugh", "her father"},
		{"“Sales rose,” said the firm's spokeswoman, Ekberg.", "", ""}, // one name, and no kin: maybe a body
		{"“It hurt,” said her father, who was there.", "", ""},
		{"“It hurt,” said her father, Ole Holm and Ada Lind.", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.sentence, func(t *testing.T) {
			ts := tokenize(tt.sentence, Sentence{Text: tt.sentence, End: len(tt.sentence)}, findQuotes(tt.sentence))
			v := slices.IndexFunc(ts, func(x tok) bool { return x.lower == "said" })
			np, ok := describedThenNamed(tt.sentence, ts, v+1, slices.IndexFunc(ts, func(x tok) bool { return x.kind == tComma }))
			if tt.name == "" {
				if ok {
					t.Errorf("got %s (%s); want no described person", np.name, np.role)
				}
				return
			}
			if !ok || np.name != tt.name || np.role != tt.role {
				t.Errorf("got %s (%s) %v; want %s (%s)", np.name, np.role, ok, tt.name, tt.role)
			}
		})
	}
}

// Kin a pronoun introduces are the kin of whom the pronoun refers to, not
// of the story's person when someone nearer fits; the kin of someone's kin
// are that someone's; a tie without gender ("her friend") is kin too.
func TestKinRoles(t *testing.T) {
	tests := []struct {
		body  string
		roles map[string]string // source name → role
	}{
		{"Mayor Ann Holt ordered a review on Monday.\n\nLucy Ward, 16, drowned in the lake on Sunday.\n\n“She was a strong swimmer,” her mother, Kate Ward, said.\n",
			map[string]string{"Kate Ward": "mother of Lucy Ward"}},
		{"Tributes were paid on Monday to a woman who died in a crash.\n\nNadia Fell, 24, was driving home.\n\n“She lit up every room,” her mother, Helen Fell, said.\n\n“She was my best friend,” her brother, Owen Fell, said.\n\n“We will miss her,” her sister, Ruth Fell, added.\n",
			map[string]string{"Helen Fell": "mother of Nadia Fell", "Owen Fell": "brother of Nadia Fell", "Ruth Fell": "sister of Nadia Fell"}},
		{"Rescuers brought down Iona Barr, 27, on Saturday.\n\n“She will climb again,” said her friend, Cara Lusk.\n",
			map[string]string{"Cara Lusk": "friend of Iona Barr"}},
		{"Rescuers brought down Iona Barr, 27, on Saturday.\n\n“She rang me from the ledge,” said her son, Evan.\n",
			map[string]string{"Evan": "son of Iona Barr"}},
	}
	for _, tt := range tests {
		_, _, b := attribution(t, tt.body)
		for name, role := range tt.roles {
			i := slices.IndexFunc(b.Sources, func(s Source) bool { return s.Name == name })
			if i < 0 {
				t.Errorf("%q: no source %s", tt.body, name)
				continue
			}
			if got := b.Sources[i].Role; got != role {
				t.Errorf("%s: role %q; want %q", name, got, role)
			}
		}
	}
}
