package main

import (
	"context"
	_ "embed"
	"encoding/hex"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"strconv"
	"strings"
	"time"

	"github.com/joho/godotenv"

	"github.com/briefbot/briefbot/bot"
)

// defaultBriefing is the briefing used when none is named.
//
//go:embed briefing.txt
var defaultBriefing []byte

// errUsageShown reports that a usage error was printed; main exits 2.
var errUsageShown = errors.New("usage")

const usage = `briefbot answers questions about news briefings, quoting their own words.

Usage:
  briefbot [--briefing PATH]...         the Discord bot when DISCORD_TOKEN is set, else a terminal chat
  briefbot run                          the Discord bot (needs DISCORD_TOKEN)
  briefbot ask [--json] [QUESTION]      answer QUESTION; without it, one question per line from stdin
  briefbot ask --after REF QUESTION     a follow-up to the answer whose ref was REF
  briefbot timeline [--json] [TOPIC]    dated events in order, relative dates resolved
  briefbot sources [--json] [NAME]      people and organisations quoted, or what NAME said
  briefbot inspect --json               the parsed structure of the loaded briefings
  briefbot serve [--addr :8080]         Discord's HTTP interactions endpoint, with /healthz and /metrics (needs DISCORD_PUBLIC_KEY)
  briefbot briefings add PATH|URL [--guild ID]    store a briefing (.txt, .md or .html file, or a public web page)
  briefbot briefings list [--json] [--guild ID]   the library: everything, or what guild ID sees
  briefbot briefings remove ID                    remove a stored briefing
  briefbot gaps [--guild ID] [--days N] [--json]  declined questions and down-voted answers (default 30 days)
  briefbot help                         this text

Every subcommand takes --briefing PATH (repeatable; a file, or a folder of .txt
and .md briefings). Without it BRIEFINGS (comma-separated paths) is used, else
the embedded default briefing. These are the operator's briefings: global,
read-only, never stored. ask, timeline, sources, inspect and the chat take
--guild ID to see the global briefings plus that guild's stored ones.

Environment (also read from .env in the working folder; the real environment wins):
  DISCORD_TOKEN       bot token from the Discord developer portal
  DISCORD_GUILD_ID    register commands on this guild only (instant); default global
  DISCORD_API_BASE    where REST calls go (default https://discord.com)
  DISCORD_PUBLIC_KEY  the application's public key, for serve
  BRIEFINGS           comma-separated briefing paths, like repeated --briefing
  SHARD_ID, SHARD_COUNT  gateway sharding (default: Discord's recommended count)
  METRICS_ADDR        for run: serve /metrics and /healthz on this address (e.g. :9090)
  LOG_LEVEL           debug | info | warn | error (default info)
  DATABASE_URL        the stored library: unset is SQLite in briefbot.db here (created on first
                      write), sqlite:PATH another file, postgres://... PostgreSQL (several instances)
  RETENTION_DAYS      days declined questions and votes are kept (default 30)
`

// config is everything run reads from the environment.
type config struct {
	token       string
	guildID     string
	apiBase     string
	publicKey   string
	briefings   []string
	shardID     int
	shardCount  int
	metricsAddr string
	logLevel    slog.Level

	databaseURL string        // DATABASE_URL
	retention   time.Duration // RETENTION_DAYS
}

// loadConfig reads the configuration through getenv.
func loadConfig(getenv func(string) string) (config, error) {
	c := config{
		token:       strings.TrimSpace(getenv("DISCORD_TOKEN")),
		guildID:     strings.TrimSpace(getenv("DISCORD_GUILD_ID")),
		apiBase:     strings.TrimSpace(getenv("DISCORD_API_BASE")),
		publicKey:   strings.TrimSpace(getenv("DISCORD_PUBLIC_KEY")),
		metricsAddr: strings.TrimSpace(getenv("METRICS_ADDR")),
	}
	c.token = strings.TrimPrefix(c.token, "Bot ")
	for p := range strings.SplitSeq(getenv("BRIEFINGS"), ",") {
		if p = strings.TrimSpace(p); p != "" {
			c.briefings = append(c.briefings, p)
		}
	}
	var err error
	if c.databaseURL, c.retention, err = storeConfig(getenv); err != nil {
		return c, err
	}
	if c.shardID, err = envInt(getenv, "SHARD_ID"); err != nil {
		return c, err
	}
	if c.shardCount, err = envInt(getenv, "SHARD_COUNT"); err != nil {
		return c, err
	}
	if c.shardCount > 0 && c.shardID >= c.shardCount {
		return c, fmt.Errorf("SHARD_ID %d must be less than SHARD_COUNT %d", c.shardID, c.shardCount)
	}
	if c.shardCount == 0 && c.shardID != 0 {
		return c, errors.New("SHARD_ID is set but SHARD_COUNT is not: set both, or neither to use Discord's recommended count")
	}
	switch lvl := strings.ToLower(strings.TrimSpace(getenv("LOG_LEVEL"))); lvl {
	case "", "info":
		c.logLevel = slog.LevelInfo
	case "debug":
		c.logLevel = slog.LevelDebug
	case "warn", "warning":
		c.logLevel = slog.LevelWarn
	case "error":
		c.logLevel = slog.LevelError
	default:
		return c, fmt.Errorf("LOG_LEVEL %q: want debug, info, warn or error", lvl)
	}
	return c, nil
}

func envInt(getenv func(string) string, name string) (int, error) {
	s := strings.TrimSpace(getenv(name))
	if s == "" {
		return 0, nil
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < 0 {
		return 0, fmt.Errorf("%s %q: want a whole number of 0 or more", name, s)
	}
	return n, nil
}

// withDotenv returns a lookup that falls back to the values in the .env file
// at path for variables the real environment does not set. A variable set in
// the real environment wins even when empty. A missing file is not an error.
func withDotenv(lookup func(string) (string, bool), path string) (func(string) (string, bool), error) {
	file, err := godotenv.Read(path)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return lookup, nil
		}
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	return func(k string) (string, bool) {
		if v, ok := lookup(k); ok {
			return v, true
		}
		v, ok := file[k]
		return v, ok
	}, nil
}

// paths is a repeatable string flag.
type paths []string

func (p *paths) String() string     { return strings.Join(*p, ",") }
func (p *paths) Set(s string) error { *p = append(*p, s); return nil }

// command is one subcommand's parsed flags.
type command struct {
	name      string
	briefings paths
	json      bool
	addr      string
	after     string // ask: the ref of the answer the question follows up
	args      []string
	guild     string // --guild: see this guild's stored briefings too
	days      int    // --days: how far back gaps looks
}

// commands are the subcommands; "" is the default (bot or chat).
var commands = map[string]bool{"": true, "run": true, "ask": true, "timeline": true, "sources": true, "inspect": true, "serve": true, "help": true, "briefings": true, "gaps": true}

// parseCommand parses args: the subcommand and flags in any order, then the
// subcommand's own arguments.
func parseCommand(args []string, stderr io.Writer) (command, error) {
	c := command{addr: ":8080"}
	set := flag.NewFlagSet("briefbot", flag.ContinueOnError)
	set.SetOutput(stderr)
	set.Usage = func() { fmt.Fprint(stderr, usage) }
	set.Var(&c.briefings, "briefing", "a briefing file or folder (repeatable)")
	set.BoolVar(&c.json, "json", false, "print JSON (ask, timeline, sources, inspect)")
	set.StringVar(&c.addr, "addr", c.addr, "listen address (serve)")
	set.StringVar(&c.after, "after", "", "the ref of the answer a question follows up (ask)")
	set.StringVar(&c.guild, "guild", "", "a guild ID: its stored briefings as well as the global ones")
	set.IntVar(&c.days, "days", 30, "how many days back (gaps)")
	var positional []string
	for {
		if err := set.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				c.name = "help"
				return c, nil
			}
			return c, errUsageShown
		}
		args = set.Args()
		if len(args) == 0 {
			break
		}
		if args[0] == "--" {
			positional = append(positional, args[1:]...)
			break
		}
		positional = append(positional, args[0])
		args = args[1:]
	}
	if len(positional) > 0 {
		c.name, c.args = positional[0], positional[1:]
		if !commands[c.name] {
			fmt.Fprintf(stderr, "briefbot: unknown command %q\n\n%s", c.name, usage)
			return c, errUsageShown
		}
	}
	used := map[string]bool{}
	set.Visit(func(f *flag.Flag) { used[f.Name] = true })
	switch {
	case used["json"] && c.name != "ask" && c.name != "timeline" && c.name != "sources" && c.name != "inspect" && c.name != "briefings" && c.name != "gaps":
		return c, usageError(stderr, c.name, "--json goes with ask, timeline, sources, inspect, briefings or gaps")
	case used["addr"] && c.name != "serve":
		return c, usageError(stderr, c.name, "--addr goes with serve")
	case used["after"] && c.name != "ask":
		return c, usageError(stderr, c.name, "--after goes with ask")
	}
	if err := checkLibraryFlags(c, used); err != nil {
		return c, usageError(stderr, c.name, err.Error())
	}
	switch c.name {
	case "", "run", "inspect", "serve", "help":
		if len(c.args) > 0 {
			return c, usageError(stderr, c.name, fmt.Sprintf("unexpected argument %q", c.args[0]))
		}
	}
	return c, nil
}

// usageError prints what is wrong with the command line, then the usage.
func usageError(stderr io.Writer, name, msg string) error {
	if name == "" {
		fmt.Fprintf(stderr, "briefbot: %s\n\n%s", msg, usage)
	} else {
		fmt.Fprintf(stderr, "briefbot %s: %s\n\n%s", name, msg, usage)
	}
	return errUsageShown
}

// run is the whole program: it parses args, reads the configuration, loads
// the briefings and runs the chosen subcommand until ctx is done.
func run(ctx context.Context, args []string, lookupEnv func(string) (string, bool), std stdio) error {
	cmd, err := parseCommand(args, std.err)
	if err != nil {
		return err
	}
	if cmd.name == "help" {
		_, err := fmt.Fprint(std.out, usage)
		return err
	}
	lookupEnv, err = withDotenv(lookupEnv, ".env")
	if err != nil {
		return err
	}
	cfg, err := loadConfig(func(k string) string { v, _ := lookupEnv(k); return v })
	if err != nil {
		return err
	}
	log := slog.New(slog.NewTextHandler(std.err, &slog.HandlerOptions{Level: cfg.logLevel}))

	lib, err := openLibrary(ctx, cmd, cfg, log)
	if err != nil {
		return err
	}
	defer lib.close()

	switch cmd.name {
	case "":
		if cfg.token == "" {
			lib.watch(ctx) // briefings added or edited elsewhere show at the next line
			return chat(ctx, lib, std)
		}
		return runBot(ctx, cfg, lib, log)
	case "run":
		if cfg.token == "" {
			return errors.New("DISCORD_TOKEN is not set: put the bot token from the Discord developer portal in .env (see .env.example), or run without a subcommand for the terminal chat")
		}
		return runBot(ctx, cfg, lib, log)
	case "serve":
		return serve(ctx, cmd.addr, cfg, lib, log)
	case "ask":
		return ask(ctx, lib.current(), cmd, std)
	case "timeline":
		return timeline(lib.current(), cmd, std.out)
	case "sources":
		return sources(lib.current(), cmd, std.out)
	case "inspect":
		return inspect(lib.briefings(), cmd.json, std.out)
	case "briefings":
		return briefings(ctx, lib, cmd, std)
	case "gaps":
		return gaps(ctx, lib, cmd, std.out)
	}
	return fmt.Errorf("unknown command %q", cmd.name)
}

// runBot runs the Discord gateway bot, reloading briefings as they change,
// with /metrics and /healthz on METRICS_ADDR when it is set.
func runBot(ctx context.Context, cfg config, lib *library, log *slog.Logger) error {
	metrics, err := newMetrics()
	if err != nil {
		return err
	}
	if cfg.metricsAddr != "" {
		stop, err := serveMetrics(cfg.metricsAddr, metrics.Handler(healthyWithin), log)
		if err != nil {
			return err
		}
		defer stop()
	}
	lib.observe(metrics)
	lib.watch(ctx)
	return bot.Run(ctx, bot.Options{
		Token:      cfg.token,
		GuildID:    cfg.guildID,
		APIBase:    cfg.apiBase,
		ShardID:    cfg.shardID,
		ShardCount: cfg.shardCount,
		Engines:    lib.engines,
		Library:    lib.lib,
		Feedback:   lib.feedback(),
		Metrics:    metrics,
		Log:        log,
	})
}

// parsePublicKey decodes a hex Ed25519 public key.
func parsePublicKey(s string) ([]byte, error) {
	if s == "" {
		return nil, errors.New("DISCORD_PUBLIC_KEY is not set: copy the public key from your application's General Information page in the Discord developer portal")
	}
	k, err := hex.DecodeString(s)
	if err != nil || len(k) != 32 {
		return nil, errors.New("DISCORD_PUBLIC_KEY is not a 64-character hex Ed25519 public key: copy it again from the developer portal")
	}
	return k, nil
}
