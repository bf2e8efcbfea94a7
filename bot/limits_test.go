package bot

import (
	"encoding/json"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/bwmarrin/discordgo"
)

func TestTruncate(t *testing.T) {
	tests := []struct {
		name string
		in   string
		n    int
		want string
	}{
		{"short", "hello", 10, "hello"},
		{"exact", "hello", 5, "hello"},
		{"cut", "hello world", 8, "hello w…"},
		{"trailing space trimmed", "hello world", 7, "hello…"},
		{"multibyte", "ééééé", 3, "éé…"},
		{"emoji", "👍👍👍👍", 2, "👍…"},
		{"zero", "abc", 0, ""},
		{"one", "abc", 1, "…"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := truncate(tt.in, tt.n)
			if got != tt.want {
				t.Errorf("truncate(%q, %d) = %q, want %q", tt.in, tt.n, got, tt.want)
			}
			if !utf8.ValidString(got) || length(got) > max(tt.n, 0) {
				t.Errorf("truncate(%q, %d) = %q: invalid or too long", tt.in, tt.n, got)
			}
		})
	}
}

func TestCutRunes(t *testing.T) {
	if got := cutRunes("héllo", 2); got != "hé" {
		t.Errorf("cutRunes = %q, want %q", got, "hé")
	}
	if got := cutRunes("hi", 5); got != "hi" {
		t.Errorf("cutRunes = %q, want %q", got, "hi")
	}
}

func TestClampEnforcesEveryLimit(t *testing.T) {
	long := strings.Repeat("word ", 3000)
	var fields []*discordgo.MessageEmbedField
	for range 40 {
		fields = append(fields, &discordgo.MessageEmbedField{Name: long, Value: long})
	}
	fields = append(fields, &discordgo.MessageEmbedField{Name: "", Value: " "})
	var embeds []*discordgo.MessageEmbed
	for range 12 {
		embeds = append(embeds, &discordgo.MessageEmbed{
			Title: long, Description: long, Fields: fields,
			Author: &discordgo.MessageEmbedAuthor{Name: long}, Footer: &discordgo.MessageEmbedFooter{Text: long},
		})
	}
	var buttons []discordgo.MessageComponent
	for i := range 8 {
		buttons = append(buttons, discordgo.Button{Label: long, CustomID: "v1:para:" + strings.Repeat("x", i*20)})
	}
	var rows []discordgo.MessageComponent
	for range 7 {
		rows = append(rows, discordgo.ActionsRow{Components: buttons})
	}
	r := reply{content: long, embeds: embeds, components: rows}
	checkData(t, r.data())
	checkSend(t, r.message(nil))
	checkEdit(t, r.edit())
}

// checkData fails t unless d is within every Discord limit and pings no one.
func checkData(t *testing.T, d *discordgo.InteractionResponseData) {
	t.Helper()
	if d == nil {
		t.Fatal("nil response data")
	}
	checkMessage(t, d.Content, d.Embeds, d.Components, d.AllowedMentions)
}

func checkSend(t *testing.T, m *discordgo.MessageSend) {
	t.Helper()
	checkMessage(t, m.Content, m.Embeds, m.Components, m.AllowedMentions)
}

func checkEdit(t *testing.T, e *discordgo.WebhookEdit) {
	t.Helper()
	if e.Content == nil || e.Embeds == nil || e.Components == nil {
		t.Fatalf("edit leaves content, embeds or components unset: %+v", e)
	}
	checkMessage(t, *e.Content, *e.Embeds, *e.Components, e.AllowedMentions)
}

func checkMessage(t *testing.T, content string, embeds []*discordgo.MessageEmbed, rows []discordgo.MessageComponent, am *discordgo.MessageAllowedMentions) {
	t.Helper()
	if am == nil || am.Parse == nil || len(am.Parse) != 0 || len(am.Users) != 0 || len(am.Roles) != 0 || am.RepliedUser {
		t.Errorf("allowed mentions = %+v, want parse:[] and nothing else", am)
	}
	if b, _ := json.Marshal(am); !strings.Contains(string(b), `"parse":[]`) {
		t.Errorf("allowed mentions JSON = %s, want \"parse\":[]", b)
	}
	if n := length(content); n > maxContent {
		t.Errorf("content has %d characters, limit %d", n, maxContent)
	}
	if len(embeds) > maxEmbeds {
		t.Errorf("%d embeds, limit %d", len(embeds), maxEmbeds)
	}
	if content == "" && len(embeds) == 0 {
		t.Errorf("empty message")
	}
	for _, e := range embeds {
		within(t, "title", e.Title, maxEmbedTitle)
		within(t, "description", e.Description, maxEmbedDescription)
		if e.Author != nil {
			within(t, "author", e.Author.Name, maxAuthor)
		}
		if e.Footer != nil {
			within(t, "footer", e.Footer.Text, maxFooter)
		}
		if len(e.Fields) > maxEmbedFields {
			t.Errorf("%d fields, limit %d", len(e.Fields), maxEmbedFields)
		}
		for _, f := range e.Fields {
			within(t, "field name", f.Name, maxFieldName)
			within(t, "field value", f.Value, maxFieldValue)
			if strings.TrimSpace(f.Name) == "" || strings.TrimSpace(f.Value) == "" {
				t.Errorf("empty field %+v", f)
			}
		}
	}
	if n := embedsLength(embeds); n > maxEmbedTotal {
		t.Errorf("embeds total %d characters, limit %d", n, maxEmbedTotal)
	}
	if len(rows) > maxRows {
		t.Errorf("%d rows, limit %d", len(rows), maxRows)
	}
	ids := map[string]bool{}
	for _, c := range rows {
		row, ok := c.(discordgo.ActionsRow)
		if !ok {
			t.Errorf("top-level component %T, want ActionsRow", c)
			continue
		}
		if len(row.Components) == 0 || len(row.Components) > maxButtonsPerRow {
			t.Errorf("row of %d buttons, want 1 to %d", len(row.Components), maxButtonsPerRow)
		}
		for _, c := range row.Components {
			b := c.(discordgo.Button)
			within(t, "button label", b.Label, maxButtonLabel)
			if b.CustomID == "" || length(b.CustomID) > maxCustomID {
				t.Errorf("custom ID %q: want 1 to %d characters", b.CustomID, maxCustomID)
			}
			if ids[b.CustomID] {
				t.Errorf("duplicate custom ID %q", b.CustomID)
			}
			ids[b.CustomID] = true
		}
	}
}

func within(t *testing.T, what, s string, limit int) {
	t.Helper()
	if n := length(s); n > limit {
		t.Errorf("%s has %d characters, limit %d", what, n, limit)
	}
	if !utf8.ValidString(s) {
		t.Errorf("%s is not valid UTF-8: %q", what, s)
	}
}
