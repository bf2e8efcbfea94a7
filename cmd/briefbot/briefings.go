package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	booklib "github.com/briefbot/briefbot/bot/library"
)

// storeConfig reads DATABASE_URL and RETENTION_DAYS.
func storeConfig(getenv func(string) string) (string, time.Duration, error) {
	url := strings.TrimSpace(getenv("DATABASE_URL"))
	days := 30
	if s := strings.TrimSpace(getenv("RETENTION_DAYS")); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil || n < 1 {
			return "", 0, fmt.Errorf("RETENTION_DAYS %q: want a whole number of days, 1 or more", s)
		}
		days = n
	}
	return url, time.Duration(days) * 24 * time.Hour, nil
}

// checkLibraryFlags checks --guild and --days and the briefings
// subcommand's arguments.
func checkLibraryFlags(c command, used map[string]bool) error {
	switch c.name {
	case "", "ask", "timeline", "sources", "inspect", "briefings", "gaps":
	default:
		if used["guild"] {
			return errors.New("--guild goes with ask, timeline, sources, inspect, briefings, gaps or the chat")
		}
	}
	if used["days"] && c.name != "gaps" {
		return errors.New("--days goes with gaps")
	}
	if used["days"] && c.days < 1 {
		return errors.New("--days wants a whole number of 1 or more")
	}
	switch c.name {
	case "gaps":
		if len(c.args) > 0 {
			return fmt.Errorf("unexpected argument %q", c.args[0])
		}
	case "briefings":
		if len(c.args) == 0 {
			return errors.New("say what to do: briefings add PATH|URL, briefings list, or briefings remove ID")
		}
		want := map[string]int{"add": 1, "list": 0, "remove": 1}
		n, ok := want[c.args[0]]
		switch {
		case !ok:
			return fmt.Errorf("unknown briefings command %q: want add, list or remove", c.args[0])
		case len(c.args)-1 != n && n == 0:
			return fmt.Errorf("briefings %s takes no argument", c.args[0])
		case len(c.args)-1 != n:
			return fmt.Errorf("briefings %s takes one argument", c.args[0])
		case c.args[0] == "remove" && c.guild != "":
			return errors.New("briefings remove takes no --guild: an ID names one briefing")
		}
	}
	return nil
}

// briefings runs `briefings add|list|remove`.
func briefings(ctx context.Context, lib *library, cmd command, std stdio) error {
	switch cmd.args[0] {
	case "add":
		p, err := addBriefing(ctx, lib, cmd.args[1])
		if err != nil {
			return userFacing(err)
		}
		if cmd.json {
			return writeJSON(std.out, p)
		}
		writePreview(std.out, p)
		return nil
	case "list":
		list := lib.lib.ListAll()
		if cmd.guild != "" {
			list = lib.lib.List(cmd.guild)
		}
		if cmd.json {
			return writeJSON(std.out, nonNil(list))
		}
		writeList(std.out, list)
		return nil
	case "remove":
		e, err := lib.lib.RemoveAny(ctx, cmd.args[1])
		if err != nil {
			return userFacing(err)
		}
		fmt.Fprintf(std.out, "Removed briefing %s: %s\n", e.ID, e.Title)
		return nil
	}
	return fmt.Errorf("unknown briefings command %q", cmd.args[0])
}

// addBriefing adds the file at arg, or the page at arg when it is a URL.
func addBriefing(ctx context.Context, lib *library, arg string) (booklib.Preview, error) {
	req := booklib.AddRequest{Guild: lib.guild, AddedBy: "operator"}
	if strings.HasPrefix(arg, "http://") || strings.HasPrefix(arg, "https://") {
		req.URL = arg
		return lib.lib.Add(ctx, req)
	}
	f, err := os.Open(arg)
	if err != nil {
		return booklib.Preview{}, fmt.Errorf("add briefing: %w", err)
	}
	defer f.Close()
	const maxFile = 5 << 20 // as much as a fetched page
	data, err := io.ReadAll(io.LimitReader(f, maxFile+1))
	if err != nil {
		return booklib.Preview{}, fmt.Errorf("add briefing %s: %w", arg, err)
	}
	if len(data) > maxFile {
		return booklib.Preview{}, fmt.Errorf("add briefing %s: the file is larger than 5 MiB", arg)
	}
	req.Data, req.Filename = data, filepath.Base(arg)
	return lib.lib.Add(ctx, req)
}

// userFacing turns a refusal into an error whose text is its user message.
func userFacing(err error) error {
	var um interface{ UserMessage() string }
	if errors.As(err, &um) {
		return errors.New(um.UserMessage())
	}
	return err
}

func writePreview(w io.Writer, p booklib.Preview) {
	fmt.Fprintf(w, "Added briefing %s (%s): %s\n", p.ID, scopeName(p.Entry), p.Title)
	var about []string
	for _, s := range []string{p.Publisher, p.Published, p.URL} {
		if s != "" {
			about = append(about, s)
		}
	}
	if len(about) > 0 {
		fmt.Fprintf(w, "  %s\n", strings.Join(about, " · "))
	}
	fmt.Fprintf(w, "  %s, %s, %s, %s\n", plural(p.Passages, "passage"), plural(p.Quotes, "quote"), plural(p.Sources, "source"), plural(p.Events, "dated event"))
	if len(p.First) > 0 {
		var names []string
		for _, s := range p.First {
			if s.Role != "" {
				names = append(names, s.Name+" ("+s.Role+")")
			} else {
				names = append(names, s.Name)
			}
		}
		fmt.Fprintf(w, "  Sources: %s\n", strings.Join(names, "; "))
	}
	if p.Warning != "" {
		fmt.Fprintf(w, "  Warning: %s\n", p.Warning)
	}
}

func scopeName(e booklib.Entry) string {
	switch {
	case e.Operator:
		return "operator's file"
	case e.Guild == "":
		return "global"
	}
	return "guild " + e.Guild
}

func writeList(w io.Writer, list []booklib.Entry) {
	fmt.Fprintf(w, "%-6s %-26s %-10s %s\n", "ID", "SCOPE", "PUBLISHED", "TITLE")
	for _, e := range list {
		date := e.Published
		if date == "" {
			date = "-"
		}
		title := e.Title
		if e.Publisher != "" {
			title += " — " + e.Publisher
		}
		fmt.Fprintf(w, "%-6s %-26s %-10s %s\n", e.ID, scopeName(e), date, title)
	}
}

// A gapReport is `gaps --json`: the groups with the passage closest to each.
type gapReport struct {
	Guild string `json:"guild"` // "" with no --guild: every guild
	Days  int    `json:"days"`
	booklib.GapReport
}

// gaps prints the declined questions and down-voted answers of the last
// --days days, for --guild or every guild, each with the closest passage
// (the same report as /briefing gaps in Discord).
func gaps(ctx context.Context, lib *library, cmd command, w io.Writer) error {
	g, err := lib.lib.GapReport(ctx, booklib.GapQuery{Guild: cmd.guild, AllGuilds: cmd.guild == "", Since: time.Now().AddDate(0, 0, -cmd.days)})
	if err != nil {
		return err
	}
	report := gapReport{Guild: cmd.guild, Days: cmd.days, GapReport: g}
	if cmd.json {
		return writeJSON(w, report)
	}
	writeGaps(w, report)
	return nil
}

func writeGaps(w io.Writer, r gapReport) {
	where := "every guild"
	if r.Guild != "" {
		where = "guild " + r.Guild
	}
	fmt.Fprintf(w, "Declined questions in %s, last %s:\n", where, plural(r.Days, "day"))
	if len(r.Declined) == 0 {
		fmt.Fprintln(w, "  none")
	}
	for _, g := range r.Declined {
		writeGap(w, g, "")
	}
	fmt.Fprintln(w)
	fmt.Fprintf(w, "Down-voted answers in %s, last %s:\n", where, plural(r.Days, "day"))
	if len(r.DownVoted) == 0 {
		fmt.Fprintln(w, "  none")
	}
	for _, g := range r.DownVoted {
		writeGap(w, g, g.Answer)
	}
}

func writeGap(w io.Writer, g booklib.GapGroup, answer string) {
	fmt.Fprintf(w, "  %d× %q", g.Count, g.Questions[0])
	if len(g.Questions) > 1 {
		quoted := make([]string, 0, len(g.Questions)-1)
		for _, q := range g.Questions[1:] {
			quoted = append(quoted, strconv.Quote(q))
		}
		fmt.Fprintf(w, " (also %s)", strings.Join(quoted, ", "))
	}
	fmt.Fprintf(w, " · %s\n", people(g.Users))
	if answer != "" {
		fmt.Fprintf(w, "     answered: %s\n", answer)
	}
	if g.Closest == nil {
		fmt.Fprintln(w, "     closest:  nothing in the briefings comes near")
		return
	}
	fmt.Fprintf(w, "     closest:  %s\n               — %s · %s\n", g.Closest.Passage, speakerLine(g.Closest.Speaker), whereLine(g.Closest.Briefing, g.Closest.Section))
}

func people(n int) string {
	if n == 1 {
		return "1 person"
	}
	return strconv.Itoa(n) + " people"
}
