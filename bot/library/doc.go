// Package library serves the question-answering engines briefbot answers
// from, over two kinds of briefing:
//
//   - the operator's: the files named by --briefing or BRIEFINGS, or the
//     embedded default; global, read-only, not stored, reloaded when Watch's
//     reload channel says so (cmd sends SIGHUP there) and when the files
//     change (polled every 2 s);
//   - stored ones (bot/store): added from Discord or `briefbot briefings
//     add`, global or for one guild, in SQLite or PostgreSQL.
//
// Engine(ctx, guildID) returns the engine over the global briefings plus
// that guild's ("" is DMs: global only). A guild with no briefings of its
// own shares the global engine; the others' engines are built on first use,
// kept in a least-recently-used cache (Options.MaxEngines, dropped after
// Options.Idle unused), and rebuilt in the background when the library
// changes, then swapped in atomically: a caller keeps the engine it got.
// Watch polls the store's version counter (every second by default), so a
// change made by any instance is served by every instance within 2 s; the
// instance that made it serves it when Add or Remove returns. Parsed
// briefings come from the store's parse cache: a restart parses nothing.
//
// What the Discord side uses:
//
//	Engine(ctx, guild)                    /ask, /timeline, /sources, /quote, mentions, DMs
//	BriefingEngine(ctx, guild, id)        /ask briefing: (one briefing only)
//	Complete(guild, prefix, ownOnly)      autocomplete for briefing: (ownOnly for /briefing remove)
//	Add(ctx, AddRequest{Guild, AddedBy, Attachment+Filename | URL})
//	                                      /briefing add: a Preview for the reply embed
//	List(guild)                           /briefing list
//	Remove(ctx, guild, id)                /briefing remove (a guild removes only its own)
//	RecordVote, RecordDeclined            👍/👎 buttons and declined questions
//	GapReport(ctx, GapQuery{Guild, Since})   /briefing gaps (and briefbot gaps): grouped
//	                                      declined questions and down votes, each with the
//	                                      closest passage
//
// Options.OnReload hears of every reload (a change seen in the store, the
// operator's files read again) and of every failed one, with the library's
// size by scope, for the bot's metrics.
//
// Refusals meant for the user (bad links, limits, unreadable files) are
// errors with a UserMessage() string method; anything else is an internal
// error to log. Permissions (Manage Server) are the caller's to check.
package library
