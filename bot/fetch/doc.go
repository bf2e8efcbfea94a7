// Package fetch reads web pages for the briefing library, treating every
// URL as hostile: http and https only; every address checked after DNS
// resolution and again at connect time (a dialer that connects only to the
// checked addresses, with a net.Dialer Control hook), so DNS rebinding
// cannot reach the host's own network; at most 3 redirects, each checked
// the same way; 10 s for the whole fetch; at most 5 MiB read; and only
// text/html, text/plain and text/markdown. Proxy settings in the
// environment are ignored, since a proxy would connect past the checks.
//
// Every refusal is a *Refusal whose UserMessage says, for the person who
// asked, what was refused and what to do instead. Callers that should not
// import this package recognise it as interface{ UserMessage() string }.
//
// Attachment reads a file a chat platform stored for a user (a Discord
// attachment) from the exact URL the platform gave: that one host is exempt
// from the address policy, so the fake Discord in tests can serve it on
// loopback. Nothing else is exempt, and the policy cannot be changed from
// outside the package: only its own tests, which serve pages on loopback,
// relax it (export_test.go).
package fetch
