package dates

import (
	"fmt"
	"os"
	"regexp"
	"strings"
	"testing"
	"time"
)

// A want is one expected mention written compactly:
//
//	"on Friday=2024-03-22"            a date
//	"the past two years=2022..2024"  a span
//	"about 2018=2018~"               approximate
//	"in early January=2024-01~start" approximate, with its modifier
//	"last March="                    found but unresolved
func formatMention(m Mention) string {
	s := m.Expr + "=" + m.Date
	if m.EndDate != "" {
		s += ".." + m.EndDate
	}
	if m.Approx {
		s += "~"
	}
	return s + m.Mod
}

func pubDate(t testing.TB, s string) time.Time {
	t.Helper()
	if s == "" {
		return time.Time{}
	}
	d, err := time.Parse("2006-01-02", s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// cases: publication dates used below, with their weekdays.
//
//	2024-03-23 Saturday (the seed)   2024-03-24 Sunday   2024-03-22 Friday
//	2024-03-18 Monday                2024-01-10 Wednesday 2023-11-30 Thursday
var cases = []struct {
	pub      string
	sentence string
	want     []string
}{
	// The seed article's sentences (publication 2024-03-23, a Saturday).
	{"2024-03-23", "Roughly a decade old, Islamic State Khorasan (ISIS-K) is named after an old term for the region.", []string{"Roughly a decade old=2014~"}},
	{"2024-03-23", "One of the most active regional affiliates of the Islamic State militant group, ISIS-K has seen its membership decline since peaking in about 2018.", []string{"about 2018=2018~"}},
	{"2024-03-23", "The group was also responsible for an attack on Kabul’s international airport in 2021 that killed 13 U.S. troops and scores of civilians during the chaotic U.S. evacuation from the country.", []string{"in 2021=2021"}},
	{"2024-03-23", "In September 2022, ISIS-K militants claimed responsibility for a deadly suicide bombing at the embassy.", []string{"In September 2022=2022-09"}},
	{"2024-03-23", "Gen. Michael Kurilla, commander of U.S. Central Command, told Congress last March that ISIS-K was quickly developing the ability to conduct “external operations” in Europe and Asia.", []string{"last March=2023-03"}},
	{"2024-03-23", "Destroyed cars are seen in the aftermath of an explosion in the city on Jan. 3, 2024.", []string{"Jan. 3, 2024=2024-01-03"}},
	{"2024-03-23", "Within hours of a deadly gun assault on a suburban concert hall on Friday, the affiliate said it was behind the violence that killed more than 130 people according to officials.", []string{"on Friday=2024-03-22"}},
	{"2024-03-23", "On Saturday, U.S. National Security Council spokesperson Adrienne Watson said ISIS “bears sole responsibility” for the attack.", []string{"On Saturday=2024-03-23"}},
	{"2024-03-23", "Damaged cars are seen in the aftermath of an explosion in the city, in early January. (Tasnim News Agency/The Associated Press)", []string{"in early January=2024-01~start"}},
	{"2024-03-23", "In early January, ISIS-K claimed responsibility for twin bombings that targeted a memorial gathering.", []string{"In early January=2024-01~start"}},
	{"2024-03-23", "“ISIS-K has been fixated on Russia for the past two years, frequently criticizing Putin in its propaganda,” said Colin Clarke.", []string{"the past two years=2022..2024"}},
	{"2024-03-23", "While the attack in Russia on Friday was a dramatic escalation, experts said the group has opposed the president in recent years.", []string{"on Friday=2024-03-22"}},
	{"2024-03-23", "He predicted it would be able to attack U.S. and Western interests outside the country “in as little as six months and with little to no warning.”", nil},
	{"2024-03-23", "“They just may have discounted it because they see us as the enemy,” said Courtney.", nil},
	{"2024-03-23", "He said he sees several possibilities why warnings from Washington may not have necessarily been heeded.", nil},
	{"2024-03-23", "Officers walk past the wall on Saturday, the dayOf after a gun attack on the hall.", []string{"on Saturday=2024-03-23"}},
	{"2024-03-23", "The U.S. has said its ability has been reduced since the withdrawal of troops from the country in 2021.", []string{"in 2021=2021"}},
	{"2024-03-23", "ISIS has claimed responsibility for an attack that killed dozens of people and injured more than 100.", nil},
	{"2024-03-23", "Here’s a brief look at why Russia is dealing with an ongoing threat.", nil},

	// Explicit dates.
	{"2024-03-23", "The ceasefire was signed January 3, 2024, in the capital.", []string{"January 3, 2024=2024-01-03"}},
	{"2024-03-23", "The ceasefire was signed on 3 January 2024 in the capital.", []string{"3 January 2024=2024-01-03"}},
	{"2024-03-23", "Talks resumed on the 3rd of January.", []string{"the 3rd of January=2024-01-03"}},
	{"2024-03-23", "The vote on March 22 was delayed.", []string{"March 22=2024-03-22"}},
	{"2024-03-23", "The report, published Sept. 14, 2023, said little.", []string{"Sept. 14, 2023=2023-09-14"}},
	{"2024-03-23", "The summit ran March 4-6, 2024, in Geneva.", []string{"March 4-6, 2024=2024-03-04..2024-03-06"}},
	{"2024-03-23", "The file is dated 2023-11-05.", []string{"2023-11-05=2023-11-05"}},
	{"2024-03-23", "The group formed in September 2022 and grew.", []string{"in September 2022=2022-09"}},
	{"2024-03-23", "The law took effect September of 2022.", []string{"September of 2022=2022-09"}},
	{"2024-03-23", "Prices have risen since 2019.", []string{"since 2019=2019"}},
	{"2024-03-23", "The plant will close by 2030.", []string{"by 2030=2030"}},
	{"2024-03-23", "The movement began in the 1990s.", []string{"in the 1990s=1990..1999~"}},
	{"2024-03-23", "Sales collapsed in the late 1990s.", []string{"in the late 1990s=1997..1999~end"}},
	{"2024-03-23", "It was a hit in the ’90s.", []string{"in the ’90s=1990..1999~"}},
	{"2024-03-23", "Output peaked in mid-2023.", []string{"in mid-2023=2023~mid"}},
	{"2024-03-23", "Elections are due in early 2025.", []string{"in early 2025=2025~start"}},
	{"2024-03-23", "The fighting ended early 2024, officials said.", []string{"early 2024=2024~start"}},
	{"2024-03-23", "Construction stalled by the end of 2023.", []string{"by the end of 2023=2023~end"}},
	{"2024-03-23", "The war lasted from 2014 to 2021.", []string{"from 2014 to 2021=2014..2021"}},
	{"2024-03-23", "Between 2015 and 2017 the group grew.", []string{"Between 2015 and 2017=2015..2017"}},
	{"2024-03-23", "Revenue fell in 2019-20.", []string{"in 2019-20=2019..2020"}},
	{"2024-03-23", "It happened in the year 2018.", []string{"in the year 2018=2018"}},
	{"2024-03-23", "The city flooded in the summer of 2019.", []string{"in the summer of 2019=2019~"}}, // a season names no month: its year
	{"2024-03-23", "The offensive began last summer.", []string{"last summer=2023~"}},
	{"2024-03-23", "The building dates from around 1920.", []string{"around 1920=1920~"}},
	{"2024-03-23", "The temple was built circa 1910, records show.", []string{"circa 1910=1910~"}},

	// Weekdays, across publication weekdays.
	{"2024-03-24", "The attack on Friday killed dozens.", []string{"on Friday=2024-03-22"}},
	{"2024-03-24", "Police said Saturday that arrests were made.", []string{"Saturday=2024-03-23"}},
	{"2024-03-24", "Rallies took place on Sunday across the country.", []string{"on Sunday=2024-03-24"}},
	{"2024-03-24", "The minister spoke last Tuesday.", []string{"last Tuesday=2024-03-19"}},
	{"2024-03-22", "The minister spoke last Friday.", []string{"last Friday=2024-03-15"}},
	{"2024-03-22", "Officials said on Friday that the border was closed.", []string{"on Friday=2024-03-22"}},
	{"2024-03-22", "Leaders will meet on Monday in Brussels.", []string{"on Monday=2024-03-25"}},
	{"2024-03-18", "The committee will vote next Monday.", []string{"next Monday=2024-03-25"}},
	{"2024-03-18", "The committee voted on Monday.", []string{"on Monday=2024-03-18"}},
	{"2024-03-18", "Protesters gathered on Saturday and again on Sunday.", []string{"on Saturday=2024-03-16", "on Sunday=2024-03-17"}},
	{"2024-03-18", "The talks, which began late Friday, continue.", []string{"late Friday=2024-03-15"}},
	{"2024-03-18", "Friday’s attack was the deadliest this year.", []string{"Friday=2024-03-15", "this year=2024"}},
	{"2024-03-23", "The vote was held Tuesday, March 12.", []string{"Tuesday, March 12=2024-03-12"}},
	{"2024-01-10", "The vote was held Tuesday, Dec. 12.", []string{"Tuesday, Dec. 12=2023-12-12"}},
	{"2024-03-23", "Shoppers crowded stores on Black Friday.", nil},
	{"2024-03-23", "The Good Friday Agreement was signed in 1998.", []string{"in 1998=1998"}},
	{"2024-03-23", "The market opens on Fridays.", nil},
	{"2024-03-23", "The shop opens every Friday.", nil},

	// Months relative to publication.
	{"2024-01-10", "The accord was signed Dec. 5 in the capital.", []string{"Dec. 5=2023-12-05"}},
	{"2024-01-10", "The election will be held Dec. 5.", []string{"Dec. 5=2024-12-05"}},
	{"2025-03-02", "The open day is being held on March 22.", []string{"March 22=2025-03-22"}},
	{"2025-03-02", "The talks are being held on Friday.", []string{"on Friday=2025-03-07"}},
	{"2024-03-23", "The deal collapsed in March.", []string{"in March=2024-03"}},
	{"2024-03-23", "Fighting intensified in November.", []string{"in November=2023-11"}},
	{"2024-03-23", "Parliament will reconvene in November.", []string{"in November=2024-11"}},
	{"2024-01-10", "He resigned last March.", []string{"last March=2023-03"}},
	{"2024-11-15", "He resigned last March.", []string{"last March=2024-03"}},                                           // the latest March before publication, as HeidelTime reads "last"
	{"2015-03-18", "Her pledge on Monday that there would be no new tax won praise.", []string{"on Monday=2015-03-16"}}, // "that" opens a clause of its own
	{"2024-03-20", "On Friday that decision will be put to a vote.", []string{"On Friday=2024-03-22"}},                  // "that decision" is no clause
	{"2019-11-19", "The council met ahead of a term that opens in early January.", []string{"in early January=2020-01~start"}},
	{"2024-03-23", "The dam was finished in late spring of 2019.", []string{"in late spring of 2019=2019~"}}, // late in spring, not in the year
	{"2024-03-23", "The group met in mid-February.", []string{"in mid-February=2024-02~mid"}},
	{"2024-03-23", "Rains came in late May.", []string{"in late May=2023-05~end"}},
	{"2024-03-23", "Talks stalled last May.", []string{"last May=2023-05"}},
	{"2024-03-23", "The trial opened in March of last year.", []string{"in March of last year=2023-03"}},
	{"2024-03-23", "Prices rose this month.", []string{"this month=2024-03"}},
	{"2024-03-23", "Prices rose earlier this month.", []string{"earlier this month=2024-03"}},
	{"2024-03-23", "Prices rose last month.", []string{"last month=2024-02"}},
	{"2024-01-10", "Prices rose last month.", []string{"last month=2023-12"}},
	{"2024-03-23", "Prices will rise next month.", []string{"next month=2024-04"}},
	{"2024-03-23", "Exports fell last year.", []string{"last year=2023"}},
	{"2024-03-23", "Exports fell late last year.", []string{"late last year=2023~end"}},
	{"2024-03-23", "Exports will recover this year.", []string{"this year=2024"}},
	{"2024-03-23", "The strike ended last week.", []string{"last week=2024-03~"}}, // a week names no day: its month
	{"2024-03-18", "Rallies took place over the weekend.", []string{"over the weekend=2024-03-16..2024-03-17"}},
	{"2024-03-23", "He arrived yesterday.", []string{"yesterday=2024-03-22"}},
	{"2024-03-23", "The report is published today.", []string{"today=2024-03-23"}},
	{"2024-03-23", "She told USA Today that nothing changed.", nil},

	// Ago, old, spans.
	{"2024-03-23", "The dam broke two weeks ago.", []string{"two weeks ago=2024-03~"}},
	{"2024-03-23", "The dam broke three years ago.", []string{"three years ago=2021"}},
	{"2024-03-23", "The dam broke about three years ago.", []string{"about three years ago=2021~"}},
	{"2024-03-23", "The dam broke 18 months ago.", []string{"18 months ago=2022-09"}},
	{"2024-03-23", "The group emerged a decade ago.", []string{"a decade ago=2014~"}},
	{"2024-03-23", "The alliance is nearly two decades old.", []string{"nearly two decades old=2004~"}},
	{"2024-03-23", "It ended a decade-old conflict.", []string{"a decade-old=2014~"}},
	{"2024-03-23", "Output doubled over the past decade.", []string{"the past decade=2014..2024"}},
	{"2024-03-23", "Prices doubled in the last three months.", []string{"the last three months=2023-12..2024-03"}},
	{"2024-03-23", "Prices doubled over the past 10 days.", []string{"the past 10 days=2024-03-13..2024-03-23"}},
	{"2024-03-23", "Prices doubled over the past year.", []string{"the past year=2023..2024"}},
	{"2024-03-23", "He was ill during the last two years of his life.", nil},
	{"2024-03-23", "Prices have climbed in recent years and in recent weeks.", nil},
	{"2024-03-23", "Prices have climbed over the past few years.", nil},
	{"2024-03-23", "The country endured decades of war.", nil},
	{"2024-03-23", "The reactor could restart within hours, or in six months, and run for two years.", nil},

	{"2024-03-23", "In 2019 and 2020 the group lost territory.", []string{"In 2019=2019", "2020=2020"}},
	{"2024-03-23", "He served from January 2017 to January 2021.", []string{"from January 2017=2017-01", "January 2021=2021-01"}},
	{"2024-03-23", "The company reported results for the fourth quarter of 2023.", []string{"the fourth quarter of 2023=2023-10..2023-12"}},
	{"2024-03-23", "Over the next two years, the plan will cost $5 billion.", []string{"the next two years=2024..2026"}},
	{"2024-03-23", "The dam broke a couple of years ago.", []string{"a couple of years ago=2022~"}},
	{"2024-03-23", "The company, founded in 1998, employs 2,500 people.", []string{"in 1998=1998"}},
	{"2024-03-23", "He was born on July 4, 1950, in Ohio.", []string{"July 4, 1950=1950-07-04"}},
	{"2024-03-23", "Shares fell 3% on Monday, their worst day since March 2020.", []string{"on Monday=2024-03-18", "since March 2020=2020-03"}},
	{"2024-03-23", "It was a boom in the ’20s.", []string{"in the ’20s=2020..2029~"}},
	{"2023-03-01", "The law passed on Feb. 29.", []string{"Feb. 29=2020-02-29"}},
	{"2024-03-23", "The file is dated 2023-02-30.", nil},
	{"2024-03-23", "The hearing is set for Tuesday.", []string{"Tuesday=2024-03-26"}},
	{"2024-03-23", "The vote will be held on Monday.", []string{"on Monday=2024-03-25"}},
	{"2024-03-18", "Leaders will meet on Monday.", []string{"on Monday=2024-03-18"}},
	{"2023-11-30", "The election was held on Thursday.", []string{"on Thursday=2023-11-30"}},
	{"2023-11-30", "The election was held last Thursday.", []string{"last Thursday=2023-11-23"}},
	{"2023-11-30", "The budget is due next March.", []string{"next March=2024-03"}},
	{"2023-11-30", "Snow fell in early December.", []string{"in early December=2022-12~start"}},
	{"2023-11-30", "Snow will fall in early December.", []string{"in early December=2023-12~start"}},
	{"2024-03-20", "Rallies were held this past weekend.", []string{"this past weekend=2024-03-16..2024-03-17"}},
	{"2024-03-20", "Rallies are planned this week.", []string{"this week=2024-03~"}},
	{"2015-10-01", "The mayor signed the budget earlier this week.", []string{"earlier this week=2015-09~"}}, // Monday to Wednesday were in September
	{"2015-10-01", "The council will vote this week.", []string{"this week=2015-10~"}},
	{"2024-03-23", "She visited in the spring of 2021 and last winter.", []string{"in the spring of 2021=2021~", "last winter=2023-12..2024-02~"}},
	{"2024-03-23", "Officials said Thursday that the talks would resume.", []string{"Thursday=2024-03-21"}},
	{"2024-03-23", "The accident happened at 2:30 p.m. on Wednesday, March 20.", []string{"Wednesday, March 20=2024-03-20"}},
	{"2024-03-23", "Friday 22 March 2024 was a dark day.", []string{"Friday 22 March 2024=2024-03-22"}},
	{"2024-03-23", "The Taliban took over in August 2021, and Russia intervened in 2015.", []string{"in August 2021=2021-08", "in 2015=2015"}},

	{"2025-06-13", "Bell said the union would meet with the cooperative on Monday to negotiate the terms.", []string{"on Monday=2025-06-16"}},
	{"2025-06-13", "Without the warning, the strike would have started on Monday.", []string{"on Monday=2025-06-09"}},
	{"2025-06-13", "A decade ago it had 640 member farms; today it has 281, Kessler said.", []string{"A decade ago=2015~"}},
	{"2025-06-13", "Kessler told workers today that the plant would close.", []string{"today=2025-06-13"}},

	// Without a past or future cue in its clause, a date is the nearest one.
	{"2019-11-20", "Leaders debated on Tuesday, as the country prepares for an election on Dec. 12.", []string{"on Tuesday=2019-11-19", "Dec. 12=2019-12-12"}},
	{"2019-11-20", "He kept his vow that the country would leave the bloc on Oct. 31.", []string{"Oct. 31=2019-10-31"}},
	{"2019-11-19", "The campaign – which will be in its fourth year in January – began small.", []string{"in January=2020-01"}},
	{"2015-04-21", "The hearing has been adjourned until July.", []string{"until July=2015-07"}},
	{"2019-02-21", "During the peak season in early March, crews can double.", []string{"in early March=2019-03~start"}},
	{"2019-02-21", "The crews doubled in early March.", []string{"in early March=2018-03~start"}},
	{"2024-03-23", "Prices have risen since November.", []string{"since November=2023-11"}},
	{"2024-01-10", "The accord, which was signed Dec. 5, holds.", []string{"Dec. 5=2023-12-05"}},

	// Holidays, times of day, hedged ranges, a year ago.
	{"2019-04-28", "The day after Easter, the crew loaded the boat.", []string{"The day after Easter=2019-04-22"}},
	{"2024-03-23", "Shops will close on Christmas Eve.", []string{"on Christmas Eve=2024-12-24"}},
	{"2024-03-23", "Buyers want fresh fish for Easter.", nil},
	{"2024-03-23", "Shots were heard around 9 p.m. Thursday near the port.", []string{"around 9 p.m. Thursday=2024-03-21"}},
	{"2024-03-23", "The scheme ran from at least 2002 to 2005.", []string{"from at least 2002 to 2005=2002..2005"}},
	{"2019-11-18", "The nine firms were chosen nearly a year ago.", []string{"nearly a year ago=2018-11~"}},
	{"2024-03-23", "It is one of four century-old ships in the harbour.", nil},
	{"2024-03-23", "A confident 2010 appearance made her famous; the 2016 election did not.", []string{"2010=2010", "2016=2016"}},
	{"2024-03-23", "The group funded the governor’s 2016 election campaign.", []string{"2016=2016"}},
	{"2024-03-23", "The 2000 workers went home, and 1999 more stayed.", nil},
	{"2024-03-23", "They ended a two-decade-old feud.", []string{"two-decade-old=2004~"}},
	{"2024-03-23", "Over the next year, the plan will cost more.", []string{"the next year=2024..2025"}},

	// Numbers that are not years.
	{"2024-03-23", "More than 2,000 people fled, and 13 U.S. troops died.", nil},
	{"2024-03-23", "In 2000 homes, the power failed.", nil},
	{"2024-03-23", "About 2000 protesters gathered.", nil},
	{"2024-03-23", "In January 13 people died.", []string{"In January=2024-01"}},
	{"2024-03-23", "The score was 2019 points.", nil},

	// "May": the month, not the modal or the name.
	{"2024-03-23", "Officials may meet in May.", []string{"in May=2024-05"}}, // no tense: the nearest May
	{"2024-03-23", "The talks may resume May 5, 2024.", []string{"May 5, 2024=2024-05-05"}},
	{"2024-03-23", "May they rest in peace.", nil},
	{"2024-03-23", "The plan was criticised by May and her cabinet.", nil},

	// No publication date: relative stays unresolved, absolute resolves.
	{"", "The attack on Friday killed dozens.", []string{"on Friday="}},
	{"", "He told Congress last March that the group was growing.", []string{"last March="}},
	{"", "In early January, the group struck again.", []string{"In early January=~start"}},
	{"", "Membership peaked in about 2018.", []string{"about 2018=2018~"}},
	{"", "Roughly a decade old, the group is named after a region.", []string{"Roughly a decade old=~"}},
	{"", "It has grown for the past two years.", []string{"the past two years="}},
	{"", "The bombing on Jan. 3, 2024 killed many.", []string{"Jan. 3, 2024=2024-01-03"}},
	{"", "The bombing on Jan. 3 killed many.", []string{"Jan. 3="}},
	{"", "In September 2022, militants struck.", []string{"In September 2022=2022-09"}},
	{"", "It began in the 1990s and peaked three years ago.", []string{"in the 1990s=1990..1999~", "three years ago="}},
	{"", "Officials spoke yesterday.", []string{"yesterday="}},
	{"", "The vote was held Tuesday, March 12.", []string{"Tuesday, March 12="}},
	{"", "It was a boom in the ’20s.", []string{"in the ’20s=~"}},
	{"", "The fighting ended early 2024 and flared again in mid-March.", []string{"early 2024=2024~start", "in mid-March=~mid"}},

	// Years before 1900 after a preposition; counts are not years.
	{"2019-01-03", "More than 5,000 strandings have been recorded since 1872.", []string{"since 1872=1872"}},
	{"2019-01-03", "The abbey was founded in 1136, and rebuilt in 1542 after a fire.", []string{"in 1136=1136", "in 1542=1542"}},
	{"2019-01-03", "The fire destroyed 1500 homes and damaged 1200 more.", nil},
	{"2019-01-03", "Prices rose in 1500 shops across the region.", nil},
	{"2019-01-03", "The census counted 1850 people.", nil},
	// A month that acts in the past tense, with no year: the last one.
	{"2019-01-03", "November marked the start of the stranding season.", []string{"November=2018-11"}},
	{"2019-01-03", "Last spring was dry, but October brought heavy rain.", []string{"Last spring=2018~", "October=2018-10"}},
	{"2019-01-03", "March is usually the wettest month.", nil},
	{"2019-01-03", "May said the plan would work.", nil},
	{"2019-01-03", "Officials met Ann November, who wanted a delay.", nil},
	// 9/11 names a day; a numeric date with it is not that day.
	{"2015-07-24", "Fewer than 100 people were killed that way since 9/11.", []string{"9/11=2001-09-11"}},
	{"2015-07-24", "The form was filed on 9/11/2014.", nil},
	// Seasons and financial years written with a slash or a dash.
	{"2019-11-20", "He signed until the end of the 2022/23 season.", []string{"until the end of the 2022/23=2023"}},
	{"2019-11-20", "The review is due at the start of the 2020-21 season.", []string{"at the start of the 2020-21=2020"}},
	{"2019-11-20", "Spending rose in 2019/20 and again in 2020/21.", []string{"in 2019/20=2019..2020", "in 2020/21=2020..2021"}},
	{"2019-11-20", "The tally was 2019/2023.", nil},
}

func TestFindDates(t *testing.T) {
	for _, c := range cases {
		t.Run(c.pub+" "+c.sentence, func(t *testing.T) {
			pub := pubDate(t, c.pub)
			got := Find(c.sentence, pub)
			var gs []string
			for _, m := range got {
				gs = append(gs, formatMention(m))
				if c.sentence[m.Start:m.End] != m.Expr {
					t.Errorf("offsets [%d:%d] give %q, Expr is %q", m.Start, m.End, c.sentence[m.Start:m.End], m.Expr)
				}
			}
			if fmt.Sprint(gs) != fmt.Sprint(c.want) {
				t.Errorf("Find(%q, %s)\n got  %q\n want %q", c.sentence, c.pub, gs, c.want)
			}
		})
	}
}

// The mentions come in sentence order, without overlaps.
func TestFindDatesOrder(t *testing.T) {
	s := "On Saturday, officials said the attack on Friday, the worst since 2019, followed warnings in early January and last March."
	got := Find(s, pubDate(t, "2024-03-23"))
	want := []string{"On Saturday=2024-03-23", "on Friday=2024-03-22", "since 2019=2019", "in early January=2024-01~start", "last March=2023-03"}
	var gs []string
	for i, m := range got {
		gs = append(gs, formatMention(m))
		if i > 0 && m.Start < got[i-1].End {
			t.Errorf("%q overlaps %q", m.Expr, got[i-1].Expr)
		}
	}
	if fmt.Sprint(gs) != fmt.Sprint(want) {
		t.Errorf("got  %q\nwant %q", gs, want)
	}
}

func TestFutureTense(t *testing.T) {
	for _, c := range []struct {
		s      string
		expr   string
		future bool
	}{
		{"Leaders will meet on Monday.", "on Monday", true},
		{"Leaders met on Monday.", "on Monday", false},
		{"He said the leaders will meet on Monday.", "on Monday", true},
		{"He said on Monday that leaders will meet.", "on Monday", false},
		{"They’ll meet on Monday.", "on Monday", true},
		{"The vote is expected on Monday.", "on Monday", true},
		{"The vote is on Monday.", "on Monday", false},
	} {
		i := strings.Index(c.s, c.expr)
		if got := tenseAt(c.s, i, i+len(c.expr)).future(); got != c.future {
			t.Errorf("futureTense(%q, %q) = %v, want %v", c.s, c.expr, got, c.future)
		}
	}
}

var wellFormedDate = regexp.MustCompile(`^$|^\d{4}(-\d{2}(-\d{2})?)?$`)

// checkMentions is what the fuzz test holds every result to.
func checkMentions(t *testing.T, s string, ms []Mention) {
	t.Helper()
	prevEnd := 0
	for _, m := range ms {
		if m.Start < prevEnd || m.End <= m.Start || m.End > len(s) {
			t.Fatalf("bad offsets [%d:%d] after %d in %q", m.Start, m.End, prevEnd, s)
		}
		prevEnd = m.End
		if s[m.Start:m.End] != m.Expr {
			t.Fatalf("s[%d:%d] = %q, Expr %q", m.Start, m.End, s[m.Start:m.End], m.Expr)
		}
		for _, d := range []string{m.Date, m.EndDate} {
			if !wellFormedDate.MatchString(d) {
				t.Fatalf("malformed date %q for %q in %q", d, m.Expr, s)
			}
			if d != "" {
				layout := "2006-01-02"[:len(d)]
				if _, err := time.Parse(layout, d); err != nil && len(d) > 4 {
					t.Fatalf("invalid date %q for %q: %v", d, m.Expr, err)
				}
			}
		}
		if m.EndDate != "" && (m.Date == "" || m.EndDate < m.Date[:min(len(m.Date), len(m.EndDate))]) {
			t.Fatalf("span %q..%q for %q", m.Date, m.EndDate, m.Expr)
		}
		switch m.Mod {
		case "", "start", "mid", "end":
		default:
			t.Fatalf("bad Mod %q", m.Mod)
		}
	}
}

func TestFindDatesWellFormed(t *testing.T) {
	for _, pub := range []string{"", "2024-03-23", "0001-01-01", "9999-12-31", "2000-02-29"} {
		for _, c := range cases {
			checkMentions(t, c.sentence, Find(c.sentence, pubDate(t, pub)))
		}
	}
}

// BenchmarkFindDates reports the time per sentence on the date-dense test
// table and on the seed article's text, split crudely into sentences.
func BenchmarkFindDates(b *testing.B) {
	pub := pubDate(b, "2024-03-23")
	var table []string
	for _, c := range cases {
		table = append(table, c.sentence)
	}
	var seed []string
	if data, err := os.ReadFile("../testdata/seed.txt"); err == nil {
		for _, p := range strings.Split(string(data), "\n") {
			seed = append(seed, strings.SplitAfter(p, ". ")...)
		}
	}
	for _, set := range []struct {
		name      string
		sentences []string
	}{{"table", table}, {"seed", seed}} {
		b.Run(set.name, func(b *testing.B) {
			if len(set.sentences) == 0 {
				b.Skip("no sentences")
			}
			b.ReportAllocs()
			n := 0
			for b.Loop() {
				for _, s := range set.sentences {
					Find(s, pub)
				}
				n += len(set.sentences)
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(n), "ns/sentence")
		})
	}
}

// TestReader reads short texts sentence by sentence: expressions anchored
// to a date the text gave resolve against it, and stay unresolved without
// one.
func TestReader(t *testing.T) {
	tests := []struct {
		pub       string
		sentences []string // "¶" starts a paragraph
		want      []string
	}{
		{"2019-11-19", []string{"No checks were made from 10:30 p.m. Aug. 9 to 6:30 a.m. the following morning."},
			[]string{"Aug. 9=2019-08-09", "the following morning=2019-08-10"}},
		{"2019-11-18", []string{"In May, the agency awarded the orders, but one firm canceled its order two months later."},
			[]string{"In May=2019-05", "two months later=2019-07"}},
		{"2024-03-23", []string{"The dam was inspected on Jan. 10, 2023.", "A week earlier, engineers had found a crack."},
			[]string{"Jan. 10, 2023=2023-01-10", "A week earlier=2023-01-03"}},
		{"2024-03-23", []string{"The dam was inspected in 2019.", "¶", "The next year, it was closed.", "It reopened a year later."},
			[]string{"in 2019=2019", "The next year=2020", "a year later=2021"}},
		{"2024-03-23", []string{"A few days earlier, the firm cut prices."},
			[]string{"A few days earlier=~"}},
		{"2024-03-23", []string{"The council voted on Feb. 2.", "Three weeks before the vote, residents protested."},
			[]string{"Feb. 2=2024-02-02"}},
		{"2024-03-23", []string{"The storm hit on Feb. 2.", "Later that day, the power failed.", "The day after, crews arrived."},
			[]string{"Feb. 2=2024-02-02", "Later that day=2024-02-02", "The day after=2024-02-03"}},
		{"2024-03-23", []string{"The storm hit on Feb. 2.", "The bridge had been closed.", "A week later, it reopened."},
			[]string{"Feb. 2=2024-02-02", "A week later="}},
		{"2024-03-23", []string{"The firm was founded in 2001.", "¶", "Sales grew.", "¶", "Profits fell.", "¶", "The next year, it moved."},
			[]string{"in 2001=2001", "The next year="}},
		{"", []string{"The storm hit on Feb. 2, 2022.", "The next day, crews arrived."},
			[]string{"Feb. 2, 2022=2022-02-02", "The next day=2022-02-03"}},
	}
	for _, tt := range tests {
		r := NewReader(pubDate(t, tt.pub))
		var got []string
		for _, s := range tt.sentences {
			if s == "¶" {
				r.Paragraph()
				continue
			}
			for _, m := range r.Read(s) {
				got = append(got, formatMention(m))
				if s[m.Start:m.End] != m.Expr {
					t.Errorf("offsets [%d:%d] give %q, Expr is %q", m.Start, m.End, s[m.Start:m.End], m.Expr)
				}
			}
		}
		if fmt.Sprint(got) != fmt.Sprint(tt.want) {
			t.Errorf("Read(%q)\n got  %q\n want %q", tt.sentences, got, tt.want)
		}
	}
}
