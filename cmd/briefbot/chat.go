package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"strings"

	"github.com/briefbot/briefbot/qa"
)

const chatHelp = `Ask a question in plain words, or follow up the last answer ("What else did
he say?", "When was that?", "Why?"), or use a command:
  /timeline [topic]   dated events in order
  /sources [name]     people and organisations quoted, or what one of them said
  /quote NAME         NAME's direct quotes
  /more               other passages that matched the last question
  /about              the loaded briefings
  /help               this text
  /quit               leave (or Ctrl-D)
`

// chat is the terminal stand-in for Discord: a plain line is a question, and
// the slash commands work as they do in Discord.
func chat(ctx context.Context, lib *library, std stdio) error {
	out := bufio.NewWriter(std.out)
	defer out.Flush()
	e := lib.current()
	var titles []string
	for _, b := range e.Briefings() {
		titles = append(titles, b.Title)
	}
	fmt.Fprintln(out, "briefbot (terminal chat): to connect it to Discord, put DISCORD_TOKEN in .env (see .env.example and the README) and run it again.")
	fmt.Fprintf(out, "Briefing: %s. Ask a question, or type /help.\n", strings.Join(titles, "; "))
	fmt.Fprintln(out)

	prompt := isTerminal(std.in)
	var last qa.Answer
	after := "" // the ref of the last answer: the next question follows it up
	return readLines(ctx, std.in, func() {
		if prompt {
			fmt.Fprint(out, "> ")
		}
		out.Flush()
	}, func(line string) error {
		line = strings.TrimSpace(line)
		if line == "" {
			return nil
		}
		e := lib.current() // a reload between lines takes effect at once
		if !strings.HasPrefix(line, "/") {
			if after != "" {
				last = e.FollowUp(after, line)
			} else {
				last = e.Ask(line)
			}
			if last.Answered {
				after = last.Ref // a declined question leaves the last answer to follow up
			}
			if last.Understood != "" {
				fmt.Fprintf(out, "(%s)\n", last.Understood)
			}
			writeAnswer(out, last)
			return nil
		}
		name, arg, _ := strings.Cut(line[1:], " ")
		arg = strings.TrimSpace(arg)
		switch strings.ToLower(name) {
		case "help", "?":
			fmt.Fprint(out, chatHelp+"\n")
		case "quit", "exit", "q":
			return io.EOF
		case "timeline":
			writeTimeline(out, e.Timeline(qa.TimelineFilter{Topic: arg}))
			fmt.Fprintln(out)
		case "sources":
			if arg == "" {
				writeSources(out, e.Sources())
				fmt.Fprintln(out)
			} else {
				showSaid(out, e.SaidBy, arg, "No source named %q. Try /sources for the list.\n")
			}
		case "quote":
			if arg == "" {
				fmt.Fprintln(out, "Whose quotes? For example /quote "+firstSpeaker(e)+". /sources lists everyone quoted.")
				fmt.Fprintln(out)
			} else {
				showSaid(out, e.Quotes, arg, "No one named %q is quoted. Try /sources for the list.\n")
			}
		case "more":
			writeMore(out, last)
		case "about":
			for _, b := range e.Briefings() {
				fmt.Fprintf(out, "%s — %s", b.Title, orDash(b.Publisher))
				if b.Published != "" {
					fmt.Fprintf(out, ", %s", b.Published)
				}
				fmt.Fprintf(out, " (%d passages)\n", b.Passages)
			}
			fmt.Fprintln(out)
		default:
			fmt.Fprintf(out, "Unknown command /%s. Type /help for the commands.\n\n", name)
		}
		return nil
	})
}

// showSaid prints what lookup finds for name, or the missing message.
func showSaid(w io.Writer, lookup func(string) (qa.SourceSummary, []qa.Said, bool), name, missing string) {
	if src, said, ok := lookup(name); ok {
		writeSaid(w, src, said)
	} else {
		fmt.Fprintf(w, missing, name)
	}
	fmt.Fprintln(w)
}

func writeMore(w io.Writer, a qa.Answer) {
	if len(a.More) == 0 {
		fmt.Fprintln(w, "No other passages matched. Ask a question first, or rephrase it.")
		fmt.Fprintln(w)
		return
	}
	for _, m := range a.More {
		fmt.Fprintf(w, "%s\n— %s\n\n", m.Passage, speakerLine(m.Speaker))
	}
}

func firstSpeaker(e *qa.Engine) string {
	if names := e.Complete("", true); len(names) > 0 {
		return names[0]
	}
	return "NAME"
}

func orDash(s string) string {
	if s == "" {
		return "unknown publisher"
	}
	return s
}
