// Package discordtest is a fake Discord on loopback, REST and gateway, that a
// real discordgo v0.29 session connects to unmodified. Tests and benchmarks
// of package bot use it to drive the bot end to end: they dispatch gateway
// events as Discord would, and assert on the REST calls the bot makes.
//
// # Starting it
//
//	fake := discordtest.New(t)              // closes in t.Cleanup
//	opts := bot.Options{Token: "x", APIBase: fake.URL()}
//
// URL is the API base that replaces https://discord.com (Client and Transport
// do the rewrite for a raw discordgo.Session). GET /api/v9/gateway answers
// {"url": GatewayURL()} = ws://127.0.0.1:PORT/ws; GET /api/v9/gateway/bot adds
// the recommended shard count (option Shards) and session_start_limit.
//
// Options: HeartbeatInterval, Shards, Token (the only valid token: others get
// 401 on REST and 4004 on IDENTIFY), RejectToken (4004 on every IDENTIFY),
// RefuseIntents (4014 when IDENTIFY requests one of these intents; default
// the privileged ones), CallbackDeadline (default 3 s, then 10062), Guilds,
// MaxConcurrency (session_start_limit.max_concurrency), ExpectProblems.
//
// # Gateway
//
// Every connection gets HELLO (op 10); IDENTIFY (op 2) gets READY (session_id,
// user, application, guilds of that shard, shard) and, with the Guilds intent,
// a GUILD_CREATE per guild; heartbeats (op 1) get ACKs (op 11); RESUME (op 6)
// of a known session replays the events the client missed and ends with
// RESUMED, while an unknown or invalidated session gets op 9. A client close
// with 1000 or 1001 invalidates its session, as on Discord. Many connections
// may be open at once, one per shard; IdentifyPayloads records each IDENTIFY
// (token, intents, shard).
//
// Dispatch(event, payload) sends an op 0 event to the session Discord would
// use: (guild_id >> 22) % shard count, or shard 0 for events without a guild
// (DMs); DispatchTo picks the shard. While a session's socket is down, events
// wait for its RESUME. DropConnection cuts the TCP connection (the client
// resumes), CloseWith sends a close code such as 4004 or 4014, SendOp sends a
// raw opcode (never 7 or 9 before READY: discordgo v0.29 deadlocks).
// RevokeToken revokes the token mid-session: open connections close with
// 4004, later IDENTIFYs and RESUMEs get 4004 and REST calls 401.
// RefuseConnections makes the gateway refuse connections for a while, as
// during an outage.
// Identifies, Resumes, Heartbeats, Connections, Ready, WaitReady and
// WaitResumes observe the gateway.
//
// # REST
//
// The routes of notes/discord.md section 1.5 live under /api/v9 (see the Route
// constants): command registration (bulk overwrite, global or per guild;
// Commands returns what was registered), interaction callbacks (204; the
// first n answer 429 after RateLimitCallbacks; 10062 after the deadline;
// 40060 on a second acknowledgement; response types checked against the
// interaction type), the original response and followups through webhooks,
// channel messages (replies must reference a message the fake dispatched),
// typing, DM channels, and the bot's own user and application. Any other
// route answers 404 {"message": "404: Not Found", "code": 0} and is recorded
// as unexpected.
//
// Every message the bot sends is checked against Discord's limits: content
// 2000 characters, 10 embeds, title 256, description 4096, 25 fields (name
// 256, value 1024, both non-empty), footer 2048, author 256, 6000 over all
// embeds, 5 rows of 5 buttons, custom_id 1-100 and unique, labels 80, 25
// autocomplete choices (name 1-100, value 100), and command registrations
// (names, descriptions, option order and counts, subcommands and groups
// not mixed with other options nor nested deeper than Discord allows,
// default_member_permissions as a decimal string, known contexts and
// integration types). It must also carry
// allowed_mentions that parse nothing whenever it has content or embeds. A
// violation answers 400 {"code": 50035} and is recorded (Violations); an
// empty message answers 400 {"code": 50006}.
//
// Unless ExpectProblems is given, New's cleanup fails the test when there
// were unexpected routes or violations; AcceptProblems excuses those recorded
// so far.
//
// # Building events and waiting for answers
//
// Command, Autocomplete (with Focused options) and Button (on a message the
// bot sent) build interactions; InDM, InGuild, By and WithPermissions (the
// member's permissions in the channel, member.permissions; a plain
// member's, DefaultPermissions, unless set) adjust them, and Raw sends a
// malformed payload verbatim. Sub makes a subcommand with its options, and
// File an attachment option: Upload stores a file's bytes and returns its
// Attachment, which the interaction carries in data.resolved.attachments
// with a URL on the fake's own loopback host (the stand-in for Discord's
// CDN), signed like the CDN's; the fake serves the bytes at exactly that URL
// (404 otherwise) and Downloads counts the times it did. DispatchInteraction sends one and
// starts its acknowledgement clock. For the HTTP interactions endpoint, Track
// starts the clock without the gateway, and Acknowledge hands the fake the
// bot's HTTP response as if Discord had received it, so that WaitReply works
// and the edits after it are checked the same way. Mention, DirectMessage and
// Plain build MESSAGE_CREATE events (FromSelf, FromBot change the author);
// Reply builds a reply to a message the bot sent, carrying it in
// referenced_message as Discord does (NoPing turns off "ping on reply").
// DispatchMessage sends them, hiding the content of guild messages that do
// not mention the bot unless its IDENTIFY asked for the Message Content
// intent, as Discord does.
//
// Every REST call is recorded as a Request (route, path values, body,
// callback type, status, Discord code, violations, and the resulting
// message); Requests, RequestsFor and RequestCount read the record. WaitFor
// waits for a request matching a predicate (ForToken, ReplyTo, InChannel),
// WaitReply for an interaction's complete answer (the accepted callback, plus
// the edit of a deferred response) with its latency from dispatch, and
// WaitMessageReply for the reply to an @mention or DM; both fail at once with
// a RefusedError when the fake refused the answer. Message decodes what the
// bot sent with discordgo's types, finds buttons by label and flattens the
// text for substring checks. NewID hands out fresh snowflakes, e.g. a user
// per interaction to stay clear of per-user rate limits.
//
// A minimal test:
//
//	fake := discordtest.New(t)
//	go bot.Run(ctx, bot.Options{Token: "x", APIBase: fake.URL(), Engine: engine})
//	fake.WaitReady(ctx, 1)
//	in := fake.Command("ask", discordtest.Str("question", "who said it?"))
//	fake.DispatchInteraction(in)
//	rep, err := fake.WaitReply(ctx, in)   // rep.Message.Embeds[0].Description ...
package discordtest
