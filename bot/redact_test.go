package bot

import (
	"bytes"
	"errors"
	"log/slog"
	"strings"
	"testing"

	"github.com/bwmarrin/discordgo"
)

func TestRedact(t *testing.T) {
	const botToken = "MTAwMDAwMDAwMDAwMDAwMDAw.GaBcDe.abcdefghijklmnopqrstuvwxyz012345"
	const itoken = "aW50ZXJhY3Rpb246MTIzNDU2Nzg5MDpzZWNyZXQ"
	tests := []struct {
		name   string
		in     string
		secret string
		keep   string
	}{
		{"callback URL", "POST https://discord.com/api/v9/interactions/123/" + itoken + "/callback failed", itoken, "/interactions/123/[redacted]/callback"},
		{"webhook URL", "PATCH https://discord.com/api/v9/webhooks/100/" + itoken + "/messages/@original", itoken, "/webhooks/100/[redacted]/messages/@original"},
		{"rate limit error", (discordgo.RateLimitError{RateLimit: &discordgo.RateLimit{TooManyRequests: &discordgo.TooManyRequests{}, URL: "https://discord.com/api/v9/interactions/1/" + itoken + "/callback"}}).Error(), itoken, "Rate limit exceeded"},
		{"event JSON", `{"id":"1","token":"` + itoken + `","type":2}`, itoken, `"token":"[redacted]"`},
		{"identify struct", `{Op:2 Data:{Token:"Bot ` + botToken + `" Properties:{}}}`, botToken, `Token:"[redacted]"`},
		{"authorization header", "authorization: Bot " + botToken, botToken, "Bot [redacted]"},
		{"bare bot token", "token " + botToken + " leaked", botToken, "leaked"},
		{"query string", "/webhooks/100/" + itoken + "?wait=true", itoken, "?wait=true"},
		{"harmless", "connecting to gateway ws://127.0.0.1:1234/ws/?v=9", "", "connecting to gateway ws://127.0.0.1:1234/ws/?v=9"},
		{"signed attachment URL", `Get "https://cdn.discordapp.com/attachments/1/2/a.txt?ex=65f&is=65e&hm=0a1b2c3d4e&": timeout`, "hm=0a1b2c3d4e", `"https://cdn.discordapp.com/attachments/1/2/a.txt?[redacted]": timeout`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := redact(tt.in)
			if tt.secret != "" && strings.Contains(got, tt.secret) {
				t.Errorf("redact(%q) = %q: the secret is still there", tt.in, got)
			}
			if !strings.Contains(got, tt.keep) {
				t.Errorf("redact(%q) = %q, want it to keep %q", tt.in, got, tt.keep)
			}
		})
	}
	if got := errAttr(errors.New("GET /webhooks/1/" + itoken)).Value.String(); strings.Contains(got, itoken) {
		t.Errorf("errAttr leaks the token: %q", got)
	}
}

func TestDiscordgoLogBridge(t *testing.T) {
	var buf bytes.Buffer
	bridgeDiscordgoLog(slog.New(slog.NewTextHandler(&buf, &slog.HandlerOptions{Level: slog.LevelDebug})))
	discordgo.Logger(discordgo.LogError, 0, "error reconnecting %s", "https://discord.com/api/v9/interactions/1/secret-token-value/callback")
	out := buf.String()
	if !strings.Contains(out, "level=DEBUG") || !strings.Contains(out, "msg=discordgo") || strings.Contains(out, "secret-token-value") {
		t.Errorf("bridged log = %q: want a redacted debug record", out)
	}
	buf.Reset()
	bridgeDiscordgoLog(slog.New(slog.NewTextHandler(&buf, &slog.HandlerOptions{Level: slog.LevelInfo})))
	discordgo.Logger(discordgo.LogError, 0, "x")
	if buf.Len() != 0 {
		t.Errorf("bridged log at info level = %q, want nothing", buf.String())
	}
}
