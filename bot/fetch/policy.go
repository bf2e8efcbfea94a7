package fetch

import (
	"fmt"
	"net/netip"
)

// A Refusal is a fetch briefbot would not make or finish, with a message
// for the person who asked. Callers recognise it without importing this
// package through its UserMessage method.
type Refusal struct {
	msg string
	err error
}

func refuse(msg string, err error) *Refusal { return &Refusal{msg: msg, err: err} }

// Error says what was refused and why, for logs.
func (r *Refusal) Error() string { return "fetch refused: " + r.err.Error() }

// UserMessage is the refusal as said to the user, with what to do next.
func (r *Refusal) UserMessage() string { return r.msg }

// Unwrap returns the underlying cause.
func (r *Refusal) Unwrap() error { return r.err }

// What the user is told for each refusal.
const (
	msgBadURL      = "That doesn't look like a web address. Paste the full link, starting with https://."
	msgScheme      = "I only fetch http:// and https:// links. Paste the article's full address, starting with https://."
	msgCredentials = "That link has a user name or password in it; I only fetch public pages. Remove them, or attach the page as a file."
	msgPrivate     = "That address is on a private network; I only fetch public pages."
	msgReserved    = "That address is not a public web address; I only fetch public pages."
	msgNoHost      = "I couldn't find that website (the name doesn't resolve). Check the link."
	msgUnreachable = "I couldn't connect to that website. Check the link, or attach the page as a file."
	msgBroken      = "The website stopped sending the page halfway. Try again, or attach the page as a file."
	msgTimeout     = "The page took longer than %s to load, so I gave up. Try again later, or attach the page as a file."
	msgRedirects   = "That link redirects too many times (more than 3). Paste the article's final address."
	msgStatus      = "The website answered %s instead of the page. Check the link."
	msgTooLarge    = "That page is larger than 5 MiB, more than a news article. Paste the article's own link, or attach it as a file."
	msgEmpty       = "That page is empty. Check the link, or attach the article as a file."
	msgImage       = "That link is an image; I read articles (web pages, text or Markdown), not pictures. Link the article's page instead."
	msgPDF         = "That link is a PDF; I read web pages, text and Markdown. Copy the text into a .txt file and attach it."
	msgType        = "That link is %s, not a web page or text; I read web pages, text and Markdown. Link the article's page, or attach its text as a .txt file."
	msgBinary      = "That file isn't text (it looks binary); I read web pages, text and Markdown. Save the article as a .txt file and attach that."
	msgCharset     = "That page isn't in UTF-8, the only text encoding I read. Save it as UTF-8 text and attach it."

	msgFileStatus   = "I couldn't download that file from Discord (it answered %s). Attach it again."
	msgFileBroken   = "Discord stopped sending that file halfway. Attach it again."
	msgFileTooLarge = "That file is larger than 5 MiB, more than a news article. Trim it to the article's text and attach it again."
	msgFileEmpty    = "That file is empty. Attach the file with the briefing's text."
	msgFileImage    = "That file is an image; I read briefings from .txt, .md and .html files, not pictures. Attach the article's text instead."
	msgFilePDF      = "That file is a PDF; I read .txt, .md and .html files. Copy its text into a .txt file and attach that."
)

// Ranges that are not public beyond what netip's predicates cover.
var reserved = []netip.Prefix{
	netip.MustParsePrefix("0.0.0.0/8"),       // "this network"
	netip.MustParsePrefix("100.64.0.0/10"),   // carrier-grade NAT (shared address space)
	netip.MustParsePrefix("192.0.0.0/24"),    // IETF protocol assignments
	netip.MustParsePrefix("192.0.2.0/24"),    // documentation
	netip.MustParsePrefix("198.18.0.0/15"),   // benchmarking
	netip.MustParsePrefix("198.51.100.0/24"), // documentation
	netip.MustParsePrefix("203.0.113.0/24"),  // documentation
	netip.MustParsePrefix("240.0.0.0/4"),     // reserved, and broadcast
	netip.MustParsePrefix("::/96"),           // IPv4-compatible (deprecated)
	netip.MustParsePrefix("100::/64"),        // discard
	netip.MustParsePrefix("2001::/23"),       // IETF special purpose, Teredo included
	netip.MustParsePrefix("2001:db8::/32"),   // documentation
	netip.MustParsePrefix("fec0::/10"),       // site-local (deprecated)
}

// Embedding ranges: an IPv6 address that carries an IPv4 one, checked as that.
var (
	nat64     = netip.MustParsePrefix("64:ff9b::/96")
	sixToFour = netip.MustParsePrefix("2002::/16")
)

// Public is the address policy: it refuses loopback, private (RFC 1918 and
// IPv6 unique-local), link-local, multicast, unspecified, carrier-grade NAT
// and other reserved addresses, including IPv4 ones written in IPv6 form.
func Public(a netip.Addr) error {
	if !a.IsValid() {
		return refuse(msgReserved, fmt.Errorf("invalid address"))
	}
	a = a.Unmap()
	if a.Is6() {
		b := a.As16()
		switch {
		case nat64.Contains(a):
			return Public(netip.AddrFrom4([4]byte{b[12], b[13], b[14], b[15]}))
		case sixToFour.Contains(a):
			return Public(netip.AddrFrom4([4]byte{b[2], b[3], b[4], b[5]}))
		}
	}
	switch {
	case a.IsLoopback(), a.IsPrivate(), a.IsLinkLocalUnicast():
		return refuse(msgPrivate, fmt.Errorf("address %s is loopback, private or link-local", a))
	case a.IsUnspecified(), a.IsMulticast(), a.IsLinkLocalMulticast(), a.IsInterfaceLocalMulticast():
		return refuse(msgReserved, fmt.Errorf("address %s is unspecified or multicast", a))
	}
	for _, p := range reserved {
		if p.Contains(a) {
			if p.Bits() == 10 && a.Is4() { // carrier-grade NAT is someone's private network
				return refuse(msgPrivate, fmt.Errorf("address %s is in %s", a, p))
			}
			return refuse(msgReserved, fmt.Errorf("address %s is in %s", a, p))
		}
	}
	return nil
}
