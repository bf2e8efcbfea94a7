package qa

import (
	"strings"
	"testing"
	"time"

	"github.com/briefbot/briefbot/knowledge"
)

// A handPara is one paragraph of a hand-built briefing, already split into
// sentences.
type handPara struct {
	section string
	kind    knowledge.PassageKind
	sents   []string
}

// A handSaid attributes a sentence: quote "" makes it a statement.
type handSaid struct {
	para, sent int
	speaker    string
	quote      string
}

// A handEvent dates a sentence.
type handEvent struct {
	para, sent      int
	date, end, expr string
	approx          bool
	speaker         string
}

// handBriefing builds a knowledge.Briefing without the parser, so that the
// engine can be tested on exactly the structure given.
func handBriefing(tb testing.TB, title, published string, paras []handPara, said []handSaid, sources []knowledge.Source, events []handEvent, aliases [][]string) *knowledge.Briefing {
	tb.Helper()
	b := &knowledge.Briefing{Title: title, Publisher: "Test Desk", Published: published, Source: "hand", Aliases: aliases, Sources: sources}
	if published != "" {
		d, err := time.Parse("2006-01-02", published)
		if err != nil {
			tb.Fatalf("handBriefing: %v", err)
		}
		b.Date = d
	}
	seen := map[string]bool{}
	for i, hp := range paras {
		p := knowledge.Passage{ID: "p" + itoa(i+1), Section: hp.section, Kind: hp.kind}
		if p.Kind == "" {
			p.Kind = knowledge.Body
		}
		if hp.section != "" && !seen[hp.section] {
			seen[hp.section] = true
			b.Sections = append(b.Sections, hp.section)
		}
		for k, s := range hp.sents {
			if k > 0 {
				p.Text += " "
			}
			p.Sentences = append(p.Sentences, knowledge.Sentence{Text: s, Start: len(p.Text), End: len(p.Text) + len(s)})
			p.Text += s
		}
		b.Passages = append(b.Passages, p)
	}
	for _, s := range said {
		text := paras[s.para].sents[s.sent]
		pid := "p" + itoa(s.para+1)
		if s.quote != "" {
			if !strings.Contains(text, s.quote) {
				tb.Fatalf("handBriefing: quote %q not in %q", s.quote, text)
			}
			b.Quotes = append(b.Quotes, knowledge.Quote{Text: s.quote, Speaker: s.speaker, Passage: pid, Sentence: s.sent})
		}
		b.Statements = append(b.Statements, knowledge.Statement{Text: text, Speaker: s.speaker, Passage: pid, Sentence: s.sent})
	}
	for _, ev := range events {
		text := paras[ev.para].sents[ev.sent]
		if !strings.Contains(text, ev.expr) {
			tb.Fatalf("handBriefing: expression %q not in %q", ev.expr, text)
		}
		b.Events = append(b.Events, knowledge.Event{Date: ev.date, End: ev.end, Approx: ev.approx, Expression: ev.expr,
			Text: text, Passage: "p" + itoa(ev.para+1), Sentence: ev.sent, Speaker: ev.speaker})
	}
	return b
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	var buf [20]byte
	i := len(buf)
	for n > 0 {
		i--
		buf[i] = byte('0' + n%10)
		n /= 10
	}
	return string(buf[i:])
}

// handSeed is the seed article built by hand, as its gold file describes it.
func handSeed(tb testing.TB) *knowledge.Briefing {
	tb.Helper()
	const (
		origins = "Origins of ISIS-K"
		why     = "Why Russia?"
		other   = "Other ISIS-K attacks"
		emb     = "Embattled, not eradicated"
	)
	paras := []handPara{
		/* 0 */ {"", knowledge.Lede, []string{"Within hours of a deadly gun assault on a suburban Moscow concert hall on Friday, the Islamic State’s Afghanistan affiliate, ISIS-K, said it was behind the violence that killed more than 130 people according to Russian officials."}},
		/* 1 */ {"", knowledge.Body, []string{"The United States says it has intelligence that confirms the claim of responsibility.", "Security analysts concur the claim is plausible and largely consistent with how the militant group operates.", "On Saturday, U.S. National Security Council spokesperson Adrienne Watson said ISIS “bears sole responsibility” for the attack."}},
		/* 2 */ {"", knowledge.Body, []string{"Here’s a brief look at why Russia is dealing with an ongoing ISIS-K threat."}},
		/* 3 */ {origins, knowledge.Body, []string{"Roughly a decade old, Islamic State Khorasan (ISIS-K) is named after an old term for the region that included parts of Iran, Turkmenistan and Afghanistan."}},
		/* 4 */ {origins, knowledge.Body, []string{"After emerging in eastern Afghanistan, ISIS-K quickly established a reputation for extreme brutality."}},
		/* 5 */ {origins, knowledge.Body, []string{"One of the most active regional affiliates of the Islamic State militant group, ISIS-K has seen its membership decline since peaking in about 2018.", "The Taliban and U.S. forces inflicted heavy losses."}},
		/* 6 */ {origins, knowledge.Media, []string{"WATCH | ISIS-K claims attack on Moscow concert hall:", "ISIS claims responsibility for Moscow-area concert hall attack", "ISIS has claimed responsibility for an attack on a Moscow-area concert hall that killed dozens of people and injured more than 100."}},
		/* 7 */ {origins, knowledge.Body, []string{"But the U.S. sees the group as an ongoing threat."}},
		/* 8 */ {origins, knowledge.Body, []string{"Gen. Michael Kurilla, commander of U.S. Central Command, told Congress last March that ISIS-K was quickly developing the ability to conduct “external operations” in Europe and Asia."}},
		/* 9 */ {origins, knowledge.Body, []string{"He predicted it would be able to attack U.S. and Western interests outside Afghanistan “in as little as six months and with little to no warning.”"}},
		/* 10 */ {origins, knowledge.Body, []string{"Attacks within the U.S. itself were less likely, he said."}},
		/* 11 */ {why, knowledge.Body, []string{"While the attack by ISIS-K in Russia on Friday was a dramatic escalation, experts said the group has opposed Russian President Vladimir Putin in recent years."}},
		/* 12 */ {why, knowledge.Body, []string{"“ISIS-K has been fixated on Russia for the past two years, frequently criticizing Putin in its propaganda,” said Colin Clarke, a senior research fellow with the Soufan Center, a New York-based research group."}},
		/* 13 */ {why, knowledge.Body, []string{"Michael Kugelman, director of the South Asia Institute at the Washington-based Wilson Center, said ISIS-K “sees Russia as being complicit in activities that regularly oppress Muslims.”", "He added that the group also counts as members a number of Central Asian militants with their own grievances against Moscow."}},
		/* 14 */ {why, knowledge.Body, []string{"Daniel Byman, a senior fellow with the Transnational Threats Project at the Center for Strategic and International Studies in Washington, agreed that “from the Islamic State’s point of view, Russia has always been a top enemy.”"}},
		/* 15 */ {why, knowledge.Body, []string{"He and other experts pointed to Russia’s involvement in Syria as a point of contention for the militants."}},
		/* 16 */ {why, knowledge.Body, []string{"As the Russians have supported Syrian President Bashar al-Assad, “they have been attacking ISIS in Syria,” Andrew Rasiulis of the Canadian Global Affairs Institute told CBC News on Friday."}},
		/* 17 */ {other, knowledge.Body, []string{"ISIS-K has a history of attacks, including against mosques, inside and outside of Afghanistan."}},
		/* 18 */ {other, knowledge.Body, []string{"In September 2022, ISIS-K militants claimed responsibility for a deadly suicide bombing at the Russian Embassy in Kabul, Afghanistan’s capital."}},
		/* 19 */ {other, knowledge.Body, []string{"The group was also responsible for an attack on Kabul’s international airport in 2021 that killed 13 U.S. troops and scores of civilians during the chaotic U.S. evacuation from the country."}},
		/* 20 */ {other, knowledge.Caption, []string{"Destroyed cars are seen in the aftermath of an explosion in Kerman, Iran, on Jan. 3, 2024.", "Damaged cars are seen in the aftermath of an explosion in Kerman, Iran, in early January."}},
		/* 21 */ {other, knowledge.Body, []string{"In early January, ISIS-K claimed responsibility for twin bombings in Kerman, Iran, that targeted a memorial gathering for a slain Iranian military official.", "Scores of people were killed."}},
		/* 22 */ {other, knowledge.Body, []string{"U.S. officials said they had warned Iranian officials about a looming attack, in advance of the bombings — as they also did ahead of the recent events in Moscow."}},
		/* 23 */ {other, knowledge.Body, []string{"William Courtney, a former U.S. ambassador to Kazakhstan and Georgia, said he sees several possibilities why warnings from Washington may not have necessarily been heeded in Moscow."}},
		/* 24 */ {other, knowledge.Body, []string{"“They just may have discounted it because they see us as the enemy,” said Courtney, who also previously served as a special assistant to the U.S. president on Russia, Ukraine and Eurasia.", "But he said it’s also possible that the information did not flow smoothly through government channels in Moscow."}},
		/* 25 */ {emb, knowledge.Body, []string{"Byman said Washington’s warnings to both Russia and Iran demonstrate a level of remote capability the U.S. has to monitor ISIS-K and other militant groups, despite U.S. troops having physically exited Afghanistan in 2021."}},
		/* 26 */ {emb, knowledge.Body, []string{"The Taliban is also putting pressure on them, but they remain an issue.", "“These groups are embattled but not completely destroyed,” he said."}},
		/* 27 */ {emb, knowledge.Caption, []string{"Russian National Guard officers walk past the Kremlin wall in Moscow.", "Russian National Guard officers walk past the Kremlin wall in Moscow on Saturday, the day after a gun attack on the Crocus City Hall in Krasnogorsk, a suburb of the capital."}},
		/* 28 */ {emb, knowledge.Body, []string{"The U.S. has said its ability to develop intelligence against extremist groups in Afghanistan such as ISIS-K has been reduced since the withdrawal of troops from the country in 2021."}},
		/* 29 */ {emb, knowledge.Body, []string{"The U.S. military has said it can see the “broad contours” of an impending attack, but it does not have the specific detail it did previously."}},
	}
	said := []handSaid{
		{0, 0, "ISIS-K", ""},
		{1, 0, "United States", ""},
		{1, 1, "Security analysts", ""},
		{1, 2, "Adrienne Watson", "bears sole responsibility"},
		{8, 0, "Michael Kurilla", "external operations"},
		{9, 0, "Michael Kurilla", "in as little as six months and with little to no warning."},
		{10, 0, "Michael Kurilla", ""},
		{11, 0, "experts", ""},
		{12, 0, "Colin Clarke", "ISIS-K has been fixated on Russia for the past two years, frequently criticizing Putin in its propaganda,"},
		{13, 0, "Michael Kugelman", "sees Russia as being complicit in activities that regularly oppress Muslims."},
		{13, 1, "Michael Kugelman", ""},
		{14, 0, "Daniel Byman", "from the Islamic State’s point of view, Russia has always been a top enemy."},
		{16, 0, "Andrew Rasiulis", "they have been attacking ISIS in Syria,"},
		{22, 0, "U.S. officials", ""},
		{23, 0, "William Courtney", ""},
		{24, 0, "William Courtney", "They just may have discounted it because they see us as the enemy,"},
		{24, 1, "William Courtney", ""},
		{25, 0, "Daniel Byman", ""},
		{26, 1, "Daniel Byman", "These groups are embattled but not completely destroyed,"},
		{28, 0, "United States", ""},
		{29, 0, "U.S. military", "broad contours"},
	}
	person := func(name, role string, aliases ...string) knowledge.Source {
		return knowledge.Source{Name: name, Kind: knowledge.Person, Role: role, Aliases: aliases}
	}
	org := func(name, role string) knowledge.Source {
		return knowledge.Source{Name: name, Kind: knowledge.Organisation, Role: role}
	}
	sources := []knowledge.Source{
		org("ISIS-K", "the Islamic State’s Afghanistan affiliate"),
		org("Russian officials", ""),
		org("United States", ""),
		org("Security analysts", ""),
		person("Adrienne Watson", "U.S. National Security Council spokesperson", "Watson"),
		person("Michael Kurilla", "commander of U.S. Central Command", "Kurilla", "Gen. Michael Kurilla", "Gen. Kurilla"),
		org("experts", ""),
		person("Colin Clarke", "senior research fellow with the Soufan Center", "Clarke"),
		person("Michael Kugelman", "director of the South Asia Institute at the Washington-based Wilson Center", "Kugelman"),
		person("Daniel Byman", "senior fellow with the Transnational Threats Project at the Center for Strategic and International Studies", "Byman"),
		person("Andrew Rasiulis", "Canadian Global Affairs Institute", "Rasiulis"),
		org("U.S. officials", ""),
		person("William Courtney", "former U.S. ambassador to Kazakhstan and Georgia", "Courtney"),
		org("U.S. military", ""),
		{Name: "Tasnim News Agency", Kind: knowledge.MediaCredit},
		{Name: "The Associated Press", Kind: knowledge.MediaCredit},
		{Name: "Tatyana Makeyeva", Kind: knowledge.MediaCredit},
		{Name: "AFP", Kind: knowledge.MediaCredit},
		{Name: "Getty Images", Kind: knowledge.MediaCredit},
	}
	for i := range sources {
		for _, s := range said {
			if s.speaker == sources[i].Name {
				if s.quote != "" {
					sources[i].Quotes++
				} else {
					sources[i].Statements++
				}
			}
		}
	}
	events := []handEvent{
		{0, 0, "2024-03-22", "", "on Friday", false, "ISIS-K"},
		{1, 2, "2024-03-23", "", "On Saturday", false, "Adrienne Watson"},
		{5, 0, "2018", "", "about 2018", true, ""},
		{8, 0, "2023-03", "", "last March", false, "Michael Kurilla"},
		{11, 0, "2024-03-22", "", "on Friday", false, ""},
		{12, 0, "2022-03-23", "2024-03-23", "the past two years", true, "Colin Clarke"},
		{16, 0, "2024-03-22", "", "on Friday", false, "Andrew Rasiulis"},
		{18, 0, "2022-09", "", "In September 2022", false, ""},
		{19, 0, "2021", "", "in 2021", false, ""},
		{20, 0, "2024-01-03", "", "Jan. 3, 2024", false, ""},
		{20, 1, "2024-01", "", "in early January", true, ""},
		{21, 0, "2024-01", "", "In early January", true, ""},
		{25, 0, "2021", "", "in 2021", false, "Daniel Byman"},
		{27, 1, "2024-03-23", "", "on Saturday", false, ""},
		{28, 0, "2021", "", "in 2021", false, "United States"},
	}
	return handBriefing(tb, "The threat of ISIS-K and its interests in Russia", "2024-03-23", paras, said, sources, events,
		[][]string{{"ISIS-K", "Islamic State Khorasan"}})
}
