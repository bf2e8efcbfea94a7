package bot

import (
	"strings"
	"testing"

	"github.com/briefbot/briefbot/qa"
)

func TestButtonRoundTrip(t *testing.T) {
	tests := []struct {
		name string
		b    button
		id   string // "" to skip the exact check
	}{
		{"more", button{action: actMore}, "v1:more"},
		{"more after a follow-up", button{action: actMore, arg: "b1:p3"}, "v1:more:b1:p3"},
		{"vote up", button{action: actUp, arg: "206a572f:p13"}, "v1:up:206a572f:p13"},
		{"vote down", button{action: actDown, arg: "206a572f:p13"}, "v1:down:206a572f:p13"},
		{"paragraph", button{action: actPara, arg: "b1:p12"}, "v1:para:b1:p12"},
		{"sources", button{action: actSources, page: 3}, "v1:src:3"},
		{"more from one briefing", button{action: actMoreOne, arg: "12"}, "v1:mb:12"},
		{"briefing list", button{action: actLibrary, page: 2}, "v1:bl:2"},
		{"said", button{action: actSaid, page: 1, arg: "Ana Costa"}, "v1:said:1:Ana Costa"},
		{"quotes", button{action: actQuotes, page: 0, arg: "Dr. O'Neil: expert"}, "v1:q:0:Dr. O'Neil: expert"},
		{"timeline", button{action: actTimeline, page: 12, arg: timelineArg(qa.TimelineFilter{Topic: "a:b", From: 2001, To: 2024})}, "v1:tl:12:2001:2024:a:b"},
		{"timeline empty", button{action: actTimeline, arg: timelineArg(qa.TimelineFilter{})}, "v1:tl:0:0:0:"},
		{"long name", button{action: actSaid, page: 99, arg: strings.Repeat("名", 200)}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			id := tt.b.id()
			if tt.id != "" && id != tt.id {
				t.Errorf("id() = %q, want %q", id, tt.id)
			}
			if len(id) > maxCustomID {
				t.Errorf("id() = %d bytes, limit %d", len(id), maxCustomID)
			}
			got, ok := parseButton(id)
			if !ok {
				t.Fatalf("parseButton(%q) failed", id)
			}
			want := tt.b
			want.arg = fitArg(tt.b.prefix(), tt.b.arg)
			if got != want {
				t.Errorf("parseButton(%q) = %+v, want %+v", id, got, want)
			}
		})
	}
}

func TestParseButtonRejects(t *testing.T) {
	for _, id := range []string{
		"", "v1", "v1:", "v0:more", "v2:more", "v1:para:", "v1:up:", "v1:down:", "v1:vote:up:x", "v1:what:1",
		"v1:src", "v1:src:x", "v1:src:-1", "v1:src:01", "v1:src:1:extra", "v1:said:1:", "v1:q:1",
		"v1:tl:1", "v1:tl:1:x:0:", "v1:tl:1:0", "v1:para:" + strings.Repeat("x", 100),
		"v1:mb", "v1:mb:", "v1:bl", "v1:bl:x", "v1:bl:1:extra",
	} {
		if b, ok := parseButton(id); ok {
			t.Errorf("parseButton(%q) = %+v, want rejection", id, b)
		}
	}
}

func TestFitTimelineKeepsEveryPageConsistent(t *testing.T) {
	f := fitTimeline(qa.TimelineFilter{Topic: strings.Repeat("🌊", 60), From: -9999, To: 9999})
	for _, page := range []int{0, 9, 99999} {
		id := button{action: actTimeline, page: page, arg: timelineArg(f)}.id()
		b, ok := parseButton(id)
		if !ok {
			t.Fatalf("parseButton(%q) failed", id)
		}
		got, _ := parseTimelineArg(b.arg)
		if got != f {
			t.Errorf("page %d: filter %+v, want %+v", page, got, f)
		}
	}
}
