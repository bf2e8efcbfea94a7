package bot

import (
	"context"
	"fmt"
	"log/slog"
	"regexp"
	"sync"
	"sync/atomic"

	"github.com/bwmarrin/discordgo"
)

const redacted = "[redacted]"

// secrets match what must never reach a log: the bot token (alone, after
// "Bot ", or in an Identify payload) and interaction tokens (in callback and
// webhook URLs, and in event JSON).
var secrets = []struct {
	re   *regexp.Regexp
	with string
}{
	// /interactions/{id}/{token}/callback and /webhooks/{app}/{token}/...
	{regexp.MustCompile(`(/(?:interactions|webhooks)/[^/\s"'?]+/)[^/\s"'?]+`), "${1}" + redacted},
	// "token":"..." in JSON; Token:"..." in a %#v of a Go struct
	{regexp.MustCompile(`((?i:"token")\s*:\s*")[^"]*(")`), "${1}" + redacted + "${2}"},
	{regexp.MustCompile(`(\bToken:\s*")[^"]*(")`), "${1}" + redacted + "${2}"},
	// Authorization: Bot xxx / Bearer xxx
	{regexp.MustCompile(`(?i)(\b(?:Bot|Bearer)\s+)[A-Za-z0-9._\-]{8,}`), "${1}" + redacted},
	// anything shaped like a bot token: base64(user id).timestamp.hmac
	{regexp.MustCompile(`[A-Za-z0-9_\-]{20,}\.[A-Za-z0-9_\-]{4,}\.[A-Za-z0-9_\-]{20,}`), redacted},
	// the query of a signed URL, such as an attachment's on Discord's CDN
	// (ex=…&is=…&hm=…): whoever has it can download the file
	{regexp.MustCompile(`(?i)(https?://[^\s"'?]+\?)[^\s"']*\b(?:hm|sig|signature|x-amz-signature|token)=[^\s"']*`), "${1}" + redacted},
}

// redact removes tokens from s, for logs.
func redact(s string) string {
	for _, x := range secrets {
		s = x.re.ReplaceAllString(s, x.with)
	}
	return s
}

// errAttr is the log attribute of an error, redacted: discordgo's errors
// quote URLs, and interaction URLs hold tokens.
func errAttr(err error) slog.Attr {
	if err == nil {
		return slog.String("err", "")
	}
	return slog.String("err", redact(err.Error()))
}

// discordgoLog bridges discordgo's package-level Logger, the one global the
// bot sets. discordgo.Logger is process-wide, so it is set once, on the
// first Run or NewInteractionsHandler, to a function that writes every
// discordgo message, redacted, at debug level, to the Log of the most recent
// of those calls. Nothing else in bot is global.
var discordgoLog struct {
	once sync.Once
	to   atomic.Pointer[slog.Logger]
}

// bridgeDiscordgoLog points discordgo's logging at log.
func bridgeDiscordgoLog(log *slog.Logger) {
	discordgoLog.to.Store(log)
	discordgoLog.once.Do(func() { discordgo.Logger = logDiscordgo })
}

func logDiscordgo(level, _ int, format string, a ...any) {
	log := discordgoLog.to.Load()
	if log == nil || !log.Enabled(context.Background(), slog.LevelDebug) {
		return
	}
	log.Debug("discordgo", "level", discordgoLevel(level), "detail", redact(fmt.Sprintf(format, a...)))
}

func discordgoLevel(level int) string {
	switch level {
	case discordgo.LogError:
		return "error"
	case discordgo.LogWarning:
		return "warning"
	case discordgo.LogInformational:
		return "info"
	}
	return "debug"
}
