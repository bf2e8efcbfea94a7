package qa

import (
	"testing"

	"github.com/briefbot/briefbot/knowledge"
)

func TestWhenOf(t *testing.T) {
	tests := []struct {
		ev   TimelineEvent
		want string
	}{
		{TimelineEvent{Date: "2024-03-22"}, "Friday, March 22, 2024"},
		{TimelineEvent{Date: "2023-03", Expression: "last March"}, "March 2023"},
		{TimelineEvent{Date: "2018", Approx: true, Expression: "about 2018"}, "about 2018"},
		{TimelineEvent{Date: "2024-01", Approx: true, Expression: "in early January"}, "early January 2024"},
		{TimelineEvent{Date: "2022", End: "2024"}, "2022–2024"},
		{TimelineEvent{Date: "2022-03-23", End: "2024-03-23", Approx: true, Expression: "the past two years"}, "about 2022–2024"},
		{TimelineEvent{Date: "2024-03-01", End: "2024-03-10"}, "March 1, 2024 – March 10, 2024"},
		{TimelineEvent{Expression: "last March"}, "last March (date unknown)"},
		{TimelineEvent{}, "date unknown"},
		{TimelineEvent{Date: "20x4-99-99"}, "20x4-99-99"},
		{TimelineEvent{Date: "24", End: "2"}, "24 – 2"},
	}
	for _, tt := range tests {
		t.Run(tt.want, func(t *testing.T) {
			if got := whenOf(tt.ev); got != tt.want {
				t.Errorf("whenOf(%+v) = %q, want %q", tt.ev, got, tt.want)
			}
		})
	}
}

func TestTimeline(t *testing.T) {
	e := mustEngine(t)
	evs := e.Timeline(TimelineFilter{})
	if len(evs) == 0 {
		t.Fatal("Timeline() is empty")
	}
	for i := 1; i < len(evs); i++ {
		if evs[i-1].Date > evs[i].Date && evs[i].Date != "" {
			t.Errorf("Timeline() out of order: %q before %q", evs[i-1].Date, evs[i].Date)
		}
	}
	var kerman []TimelineEvent
	for _, ev := range evs {
		if e.an.terms(ev.Text) != nil && containsTerm(e, ev.Text, "Kerman") {
			kerman = append(kerman, ev)
		}
	}
	if len(kerman) != 1 || kerman[0].Date != "2024-01-03" || kerman[0].When != "Wednesday, January 3, 2024" {
		t.Errorf("Kerman events = %+v, want one, on 2024-01-03", kerman)
	}
	if evs[0].When != "about 2018" {
		t.Errorf("first event %q, want about 2018", evs[0].When)
	}
}

func containsTerm(e *Engine, text, word string) bool {
	return contains(e.an.terms(text), e.an.terms(word)[0])
}

func TestTimelineFilter(t *testing.T) {
	e := mustEngine(t)
	tests := []struct {
		name string
		f    TimelineFilter
		want int
	}{
		{"topic", TimelineFilter{Topic: "Kerman bombings"}, 1},
		{"topic stems", TimelineFilter{Topic: "bombed"}, 2},
		{"topic through alias", TimelineFilter{Topic: "Islamic State Khorasan"}, 9},
		{"from and to", TimelineFilter{From: 2021, To: 2021}, 3},
		{"from, spans included", TimelineFilter{From: 2024}, 7},
		{"to", TimelineFilter{To: 2018}, 1},
		{"span overlaps", TimelineFilter{From: 2023, To: 2023}, 2},
		{"nothing", TimelineFilter{Topic: "bitcoin"}, 0},
		{"stop words only", TimelineFilter{Topic: "the of"}, 13},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := e.Timeline(tt.f)
			if len(got) != tt.want {
				for _, ev := range got {
					t.Logf("%s %.60s", ev.Date, ev.Text)
				}
				t.Errorf("Timeline(%+v) has %d events, want %d", tt.f, len(got), tt.want)
			}
		})
	}
}

func TestTimelineUnresolved(t *testing.T) {
	paras := []handPara{
		{"", knowledge.Lede, []string{"The mill closed last March.", "It reopened in 2020."}},
		{"", knowledge.Body, []string{"Workers returned on Monday."}},
	}
	events := []handEvent{
		{0, 0, "", "", "last March", false, ""},
		{0, 1, "2020", "", "in 2020", false, ""},
		{1, 0, "", "", "on Monday", false, ""},
	}
	e := New(handBriefing(t, "Mill", "", paras, nil, nil, events, nil))
	got := e.Timeline(TimelineFilter{})
	if len(got) != 3 || got[0].Date != "2020" || got[1].When != "last March (date unknown)" || got[2].When != "on Monday (date unknown)" {
		t.Errorf("Timeline() = %+v; want the dated event first, then the unresolved in reading order", got)
	}
	if got := e.Timeline(TimelineFilter{From: 2000}); len(got) != 1 {
		t.Errorf("Timeline(From 2000) = %+v, want only the dated event", got)
	}
}
