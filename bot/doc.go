// Package bot is everything Discord: the discordgo session (gateway), the
// slash commands, autocomplete and buttons, @mentions, DMs and follow-up
// replies, rendering within Discord's limits, and the signed HTTP
// interactions endpoint. It is the only package that imports discordgo.
//
// Run serves the gateway; NewInteractionsHandler serves Discord's HTTP
// interactions endpoint. Both hand every interaction to the same pure
// functions (respond.go, ask.go, catalogue.go, render.go), which turn an
// interaction into the response to send without doing any I/O; handler.go
// adds the rate limit on questions, panic recovery, the 3-second rule
// (answer directly, or defer and edit), votes and declined questions
// (Feedback) and the metrics (Metrics). Each interaction is answered by the
// Engine of its guild (Options.Engines): an Answerer for questions and a
// Catalogue for lists and look-ups. With a Library (Options.Library; a
// *library.Library), /briefing lets members with Manage Server add a
// briefing for their server (a file, read only from the attachment URL in
// the interaction's resolved data, or a link), list and remove them and see
// the questions the briefings did not answer (briefing.go), and /ask
// briefing: asks one briefing only. Button custom IDs carry all their state
// (customid.go), and a reply to an answer finds the answer's ref in the
// replied-to message, so any instance or shard can answer any click or
// follow-up.
//
// The one piece of global state is discordgo.Logger, which discordgo makes
// package-wide: bot sets it once, to a bridge that logs discordgo's messages,
// with tokens redacted, at debug level to the most recently configured
// logger (redact.go).
package bot
