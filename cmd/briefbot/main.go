// Command briefbot answers questions about news briefings, in Discord or in
// a terminal. It quotes the briefing's own words and names who said them, or
// says plainly that the briefing does not answer.
//
// Usage:
//
//	briefbot [--briefing PATH]...            the Discord bot when a token is configured, else the terminal chat
//	briefbot run [--briefing PATH]...        the Discord bot (needs DISCORD_TOKEN)
//	briefbot ask [--json] [QUESTION]         one answer; without QUESTION, one question per line from stdin
//	briefbot timeline [--json]               dated events in order
//	briefbot sources [--json] [NAME]         people and organisations quoted, or what NAME said
//	briefbot inspect --json                  the parsed structure of the loaded briefings
//	briefbot serve [--addr :8080]            Discord's HTTP interactions endpoint (needs DISCORD_PUBLIC_KEY), with /healthz and /metrics
//	briefbot briefings add PATH|URL [--guild ID]    store a briefing; list [--json] [--guild ID]; remove ID
//	briefbot gaps [--guild ID] [--days N] [--json]  declined questions and down-voted answers
//
// Every subcommand takes --briefing PATH (repeatable; a file or a folder of
// .txt and .md briefings). Without it, BRIEFINGS (comma-separated paths) is
// used, else the embedded default briefing. Stored briefings live in the
// database DATABASE_URL names (SQLite in briefbot.db by default); ask,
// timeline, sources and inspect take --guild ID to see a guild's too.
// Configuration comes from the
// environment and from .env in the working folder (the real environment
// wins); .env.example documents every variable.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	err := run(ctx, os.Args[1:], os.LookupEnv, stdio{in: os.Stdin, out: os.Stdout, err: os.Stderr})
	stop()
	if errors.Is(err, errUsageShown) {
		os.Exit(2)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "briefbot:", err)
		os.Exit(1)
	}
}

// stdio is the process's standard streams, so tests can supply their own.
type stdio struct {
	in       io.Reader
	out, err io.Writer
}
