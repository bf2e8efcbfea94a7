package main

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"

	"github.com/briefbot/briefbot/knowledge"
	"github.com/briefbot/briefbot/qa"
)

// maxLine bounds one line of input (a question), so a runaway paste cannot
// exhaust memory; longer lines are cut.
const maxLine = 64 << 10

// ask answers cmd's question, or one question per line of standard input.
func ask(ctx context.Context, e *qa.Engine, cmd command, std stdio) error {
	out := bufio.NewWriter(std.out)
	defer out.Flush()
	answer := func(q string) error {
		a := e.Ask(q)
		if cmd.after != "" {
			a = e.FollowUp(cmd.after, q)
		}
		if cmd.json {
			return writeJSONLine(out, a)
		}
		if a.Understood != "" {
			fmt.Fprintf(out, "(%s)\n", a.Understood)
		}
		writeAnswer(out, a)
		return nil
	}
	if len(cmd.args) > 0 {
		return answer(strings.Join(cmd.args, " "))
	}
	prompt := isTerminal(std.in)
	return readLines(ctx, std.in, func() {
		if prompt {
			fmt.Fprint(out, "question> ")
			out.Flush()
		}
	}, func(line string) error {
		if strings.TrimSpace(line) == "" {
			return nil
		}
		if err := answer(line); err != nil {
			return err
		}
		return out.Flush()
	})
}

// readLines calls prompt, then fn for each line of r, until EOF or ctx is done.
func readLines(ctx context.Context, r io.Reader, prompt func(), fn func(string) error) error {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 4096), maxLine)
	prompt()
	for sc.Scan() {
		if ctx.Err() != nil {
			return nil
		}
		if err := fn(sc.Text()); err != nil {
			if errors.Is(err, io.EOF) { // the caller asked to stop
				return nil
			}
			return err
		}
		prompt()
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("read questions: %w", err)
	}
	return nil
}

func isTerminal(r io.Reader) bool {
	f, ok := r.(*os.File)
	if !ok {
		return false
	}
	info, err := f.Stat()
	return err == nil && info.Mode()&os.ModeCharDevice != 0
}

func writeJSONLine(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}

// nonNil makes an empty list print as [] rather than null.
func nonNil[T any](list []T) []T {
	if list == nil {
		return []T{}
	}
	return list
}

func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

// writeAnswer prints an answer for a person: the passage, who said it, and
// where it came from.
func writeAnswer(w io.Writer, a qa.Answer) {
	if !a.Answered {
		writeDeclined(w, a)
		return
	}
	fmt.Fprintln(w, a.Passage)
	fmt.Fprintln(w, "— "+speakerLine(a.Speaker))
	fmt.Fprintln(w, "  "+whereLine(a.Briefing, a.Section))
	fmt.Fprintln(w)
}

// writeDeclined prints a declined question: that it was not answered and
// why, then the closest passages, labelled as such, or suggestions.
func writeDeclined(w io.Writer, a qa.Answer) {
	if len(a.Closest) > 0 {
		fmt.Fprintln(w, "Not answered directly. Closest passages in the briefing:")
		for _, m := range a.Closest {
			fmt.Fprintf(w, "  • %s\n    — %s\n", indent(m.Passage), speakerLine(m.Speaker))
		}
	} else {
		fmt.Fprintln(w, "The briefing doesn't answer that.")
	}
	if a.Why != "" {
		fmt.Fprintln(w, "  ("+a.Why+")")
	}
	if len(a.Closest) == 0 && len(a.Suggestions) > 0 {
		// Suggestions use Discord's option syntax; the terminal takes
		// the name as a plain argument.
		try := strings.ReplaceAll(strings.Join(a.Suggestions, " · "), "/sources name:", "/sources ")
		fmt.Fprintln(w, "Try: "+try)
	}
	fmt.Fprintln(w)
}

// indent continues a passage's later lines under its bullet.
func indent(s string) string { return strings.ReplaceAll(s, "\n", "\n    ") }

func speakerLine(s *qa.Speaker) string {
	switch {
	case s == nil:
		return "the briefing's own narration"
	case s.Role == "":
		return s.Name
	default:
		return s.Name + ", " + s.Role
	}
}

func whereLine(briefing, section string) string {
	if section == "" {
		return briefing
	}
	return briefing + " · " + section
}

// timeline prints the dated events in order; cmd.args narrows them to a topic.
func timeline(e *qa.Engine, cmd command, w io.Writer) error {
	events := e.Timeline(qa.TimelineFilter{Topic: strings.Join(cmd.args, " ")})
	if cmd.json {
		return writeJSON(w, nonNil(events))
	}
	writeTimeline(w, events)
	return nil
}

func writeTimeline(w io.Writer, events []qa.TimelineEvent) {
	if len(events) == 0 {
		fmt.Fprintln(w, "No dated events found.")
		return
	}
	for _, ev := range events {
		when := ev.When
		if when == "" {
			when = ev.Date
		}
		fmt.Fprintf(w, "%-28s %s\n", when, ev.Text)
	}
}

// sources prints the people and organisations quoted, or what one said.
func sources(e *qa.Engine, cmd command, w io.Writer) error {
	if name := strings.Join(cmd.args, " "); name != "" {
		src, said, ok := e.SaidBy(name)
		if !ok {
			return fmt.Errorf("no source named %q in the briefing: run `briefbot sources` to list them", name)
		}
		if cmd.json {
			return writeJSON(w, struct {
				Source qa.SourceSummary `json:"source"`
				Said   []qa.Said        `json:"said"`
			}{src, said})
		}
		writeSaid(w, src, said)
		return nil
	}
	list := e.Sources()
	if cmd.json {
		return writeJSON(w, nonNil(list))
	}
	writeSources(w, list)
	return nil
}

func writeSources(w io.Writer, list []qa.SourceSummary) {
	if len(list) == 0 {
		fmt.Fprintln(w, "The briefing quotes no one.")
		return
	}
	for _, s := range list {
		line := s.Name
		if s.Role != "" {
			line += ", " + s.Role
		}
		fmt.Fprintf(w, "%s (%s) · %s\n", line, s.Kind, counts(s))
	}
}

func counts(s qa.SourceSummary) string {
	if s.Kind == string(knowledge.MediaCredit) {
		return "media credit"
	}
	return plural(s.Quotes, "quote") + ", " + plural(s.Statements, "statement")
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return strconv.Itoa(n) + " " + word + "s"
}

func writeSaid(w io.Writer, src qa.SourceSummary, said []qa.Said) {
	who := src.Name
	if src.Role != "" {
		who += ", " + src.Role
	}
	fmt.Fprintln(w, who)
	if len(said) == 0 {
		fmt.Fprintln(w, "  (cited, but nothing quoted)")
	}
	for _, s := range said {
		fmt.Fprintf(w, "  • %s\n    %s\n", s.Text, whereLine(s.Briefing, s.Section))
	}
}

// inspect prints the parsed structure of the briefings.
func inspect(bs []*knowledge.Briefing, asJSON bool, w io.Writer) error {
	if asJSON {
		if len(bs) == 1 {
			return writeJSON(w, bs[0])
		}
		return writeJSON(w, struct {
			Briefings []*knowledge.Briefing `json:"briefings"`
		}{bs})
	}
	for _, b := range bs {
		fmt.Fprintf(w, "%s\n  publisher %q, published %q\n", b.Title, b.Publisher, b.Published)
		fmt.Fprintf(w, "  %d sections, %d passages, %d quotes, %d statements, %d sources, %d events\n",
			len(b.Sections), len(b.Passages), len(b.Quotes), len(b.Statements), len(b.Sources), len(b.Events))
	}
	fmt.Fprintln(w, "(add --json for the full structure)")
	return nil
}
