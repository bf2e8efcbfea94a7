package fetch

import (
	"context"
	"errors"
	"fmt"
	"io"
	"mime"
	"net"
	"net/http"
	"net/netip"
	"net/url"
	"strconv"
	"strings"
	"syscall"
	"time"
	"unicode/utf8"
)

// Defaults for a Fetcher's zero fields.
const (
	DefaultTimeout   = 10 * time.Second
	DefaultMaxBytes  = 5 << 20
	DefaultRedirects = 3
)

// A Page is what a fetch read.
type Page struct {
	URL         string // the final URL, after redirects
	ContentType string // the media type, without parameters: text/html, text/plain or text/markdown
	Body        []byte // UTF-8 text
}

// A Resolver looks up a host's addresses; *net.Resolver is one.
type Resolver interface {
	LookupNetIP(ctx context.Context, network, host string) ([]netip.Addr, error)
}

// A Fetcher fetches web pages as hostile input. Its zero value is ready to
// use, with the limits above and the public-address policy (Public), which
// nothing outside this package can change.
type Fetcher struct {
	Timeout  time.Duration // for the whole fetch, body included; 0 means DefaultTimeout
	MaxBytes int64         // largest body read; 0 means DefaultMaxBytes
	Resolver Resolver      // nil means net.DefaultResolver

	// policy decides which addresses may be connected to; nil means Public.
	// Only this package's tests set it (export_test.go), since their
	// servers are on loopback.
	policy func(netip.Addr) error
}

// Fetch reads the page at rawURL: http or https only, every address (after
// DNS resolution, at connect time, and after each of at most 3 redirects)
// public, within the time and size limits, and text/html, text/plain or
// text/markdown. Its refusals are *Refusal errors with a message for the user.
func (f *Fetcher) Fetch(ctx context.Context, rawURL string) (*Page, error) {
	return f.get(ctx, rawURL, "")
}

// Attachment reads a file the chat platform stored for a user, such as a
// Discord attachment. The caller asserts that rawURL is exactly the
// attachment URL the platform gave with the user's command: only that host
// is exempt from the address policy (a redirect elsewhere is checked as
// usual). Size, time and text checks apply as for Fetch; any text type is
// accepted, since the file's name says what it holds.
func (f *Fetcher) Attachment(ctx context.Context, rawURL string) (*Page, error) {
	u, err := checkURL(rawURL)
	if err != nil {
		return nil, err
	}
	return f.get(ctx, rawURL, u.Host)
}

// get fetches rawURL; exempt is a host:port the address policy does not apply to.
func (f *Fetcher) get(ctx context.Context, rawURL, exempt string) (*Page, error) {
	u, err := checkURL(rawURL)
	if err != nil {
		return nil, err
	}
	timeout := orDefault(f.Timeout, DefaultTimeout)
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	exemptHost := ""
	if exempt != "" {
		exemptHost = hostPort(u)
	}
	client := f.client(exemptHost)
	if exemptHost == "" {
		if err := f.checkHost(ctx, u.Hostname()); err != nil {
			return nil, err
		}
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return nil, refuse(msgBadURL, err)
	}
	req.Header.Set("User-Agent", "briefbot (+https://github.com/briefbot/briefbot)")
	req.Header.Set("Accept", "text/html, text/markdown, text/plain;q=0.9")
	resp, err := client.Do(req)
	if err != nil {
		return nil, transportError(err, ctx, timeout)
	}
	defer resp.Body.Close()
	page, err := f.read(resp, exempt != "")
	if err != nil {
		if ctx.Err() != nil {
			return nil, transportError(ctx.Err(), ctx, timeout)
		}
		return nil, err
	}
	return page, nil
}

// checkURL refuses what is not an absolute http(s) URL with a host.
func checkURL(rawURL string) (*url.URL, error) {
	u, err := url.Parse(strings.TrimSpace(rawURL))
	if err != nil {
		return nil, refuse(msgBadURL, err)
	}
	switch {
	case u.Scheme != "http" && u.Scheme != "https":
		return nil, refuse(msgScheme, fmt.Errorf("scheme %q", u.Scheme))
	case u.Host == "" || u.Hostname() == "":
		return nil, refuse(msgBadURL, errors.New("no host"))
	case u.User != nil:
		return nil, refuse(msgCredentials, errors.New("user info in URL"))
	}
	if p := u.Port(); p != "" {
		if n, err := strconv.Atoi(p); err != nil || n <= 0 || n > 65535 {
			return nil, refuse(msgBadURL, fmt.Errorf("port %q", p))
		}
	}
	return u, nil
}

func hostPort(u *url.URL) string {
	port := u.Port()
	if port == "" {
		port = "80"
		if u.Scheme == "https" {
			port = "443"
		}
	}
	return net.JoinHostPort(u.Hostname(), port)
}

func orDefault[T int64 | time.Duration](v, def T) T {
	if v <= 0 {
		return def
	}
	return v
}

// client is an HTTP client whose every connection goes through the
// address policy (except to exemptHost), that follows at most 3 redirects
// to http(s) URLs and ignores proxy settings (a proxy would connect for us,
// past the policy).
func (f *Fetcher) client(exemptHost string) *http.Client {
	transport := &http.Transport{
		Proxy:                 nil,
		DialContext:           f.dialContext(exemptHost),
		TLSHandshakeTimeout:   orDefault(f.Timeout, DefaultTimeout),
		ResponseHeaderTimeout: orDefault(f.Timeout, DefaultTimeout),
		MaxIdleConns:          1,
		DisableKeepAlives:     true,
		ForceAttemptHTTP2:     true,
	}
	return &http.Client{
		Transport: transport,
		Timeout:   orDefault(f.Timeout, DefaultTimeout),
		CheckRedirect: func(req *http.Request, via []*http.Request) error {
			if len(via) > DefaultRedirects {
				return refuse(msgRedirects, fmt.Errorf("more than %d redirects", DefaultRedirects))
			}
			if _, err := checkURL(req.URL.String()); err != nil {
				return err
			}
			if hostPort(req.URL) == exemptHost {
				return nil
			}
			return f.checkHost(req.Context(), req.URL.Hostname())
		},
	}
}

// dialContext resolves the host, checks every address, and connects to a
// checked address with a dialer that checks it again at connect time: the
// name is not looked up a second time, so DNS rebinding cannot swap in a
// private address between the check and the connection.
func (f *Fetcher) dialContext(exemptHost string) func(ctx context.Context, network, addr string) (net.Conn, error) {
	return func(ctx context.Context, network, addr string) (net.Conn, error) {
		host, port, err := net.SplitHostPort(addr)
		if err != nil {
			return nil, err
		}
		exempt := addr == exemptHost
		addrs, err := f.resolve(ctx, host)
		if err != nil {
			return nil, err
		}
		if !exempt {
			for _, a := range addrs {
				if err := f.check(a); err != nil {
					return nil, err
				}
			}
		}
		d := net.Dialer{Timeout: orDefault(f.Timeout, DefaultTimeout)}
		if !exempt {
			d.Control = func(_, address string, _ syscall.RawConn) error {
				ap, err := netip.ParseAddrPort(address)
				if err != nil {
					return refuse(msgPrivate, err)
				}
				return f.check(ap.Addr())
			}
		}
		var last error
		for _, a := range addrs {
			conn, err := d.DialContext(ctx, network, net.JoinHostPort(a.String(), port))
			if err == nil {
				return conn, nil
			}
			last = err
		}
		return nil, last
	}
}

// check applies the address policy to a.
func (f *Fetcher) check(a netip.Addr) error {
	if f.policy != nil {
		return f.policy(a)
	}
	return Public(a)
}

// checkHost resolves host and refuses it unless every address is allowed.
func (f *Fetcher) checkHost(ctx context.Context, host string) error {
	addrs, err := f.resolve(ctx, host)
	if err != nil {
		return err
	}
	for _, a := range addrs {
		if err := f.check(a); err != nil {
			return err
		}
	}
	return nil
}

// resolve returns host's addresses: itself when it is an IP literal.
func (f *Fetcher) resolve(ctx context.Context, host string) ([]netip.Addr, error) {
	if a, err := netip.ParseAddr(strings.Trim(host, "[]")); err == nil {
		return []netip.Addr{a.Unmap()}, nil
	}
	var r Resolver = net.DefaultResolver
	if f.Resolver != nil {
		r = f.Resolver
	}
	addrs, err := r.LookupNetIP(ctx, "ip", host)
	if err != nil || len(addrs) == 0 {
		if ctx.Err() != nil {
			return nil, refuse(fmt.Sprintf(msgTimeout, "the time limit"), ctx.Err())
		}
		return nil, refuse(msgNoHost, fmt.Errorf("look up %s: %w", host, errors.Join(err, errors.New("no addresses"))))
	}
	for i := range addrs {
		addrs[i] = addrs[i].Unmap()
	}
	return addrs, nil
}

// read checks the response's status, type and size and reads its body.
// anyText is set for an attachment: any text type goes (the file's name
// says what it holds), and the refusals speak of a file, not a page.
func (f *Fetcher) read(resp *http.Response, anyText bool) (*Page, error) {
	say := func(page, file string) string {
		if anyText {
			return file
		}
		return page
	}
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		return nil, refuse(fmt.Sprintf(say(msgStatus, msgFileStatus), resp.Status), fmt.Errorf("status %s", resp.Status))
	}
	limit := orDefault(f.MaxBytes, DefaultMaxBytes)
	if resp.ContentLength > limit {
		return nil, refuse(say(msgTooLarge, msgFileTooLarge), fmt.Errorf("content length %d", resp.ContentLength))
	}
	mediaType, params, err := mime.ParseMediaType(resp.Header.Get("Content-Type"))
	if err != nil {
		mediaType = ""
	}
	if !anyText && mediaType != "" && !allowedType(mediaType) {
		return nil, typeRefusal(mediaType)
	}
	body, err := io.ReadAll(io.LimitReader(resp.Body, limit+1))
	if err != nil {
		return nil, refuse(say(msgBroken, msgFileBroken), fmt.Errorf("read body: %w", err))
	}
	if int64(len(body)) > limit {
		return nil, refuse(say(msgTooLarge, msgFileTooLarge), fmt.Errorf("more than %d bytes", limit))
	}
	if len(strings.TrimSpace(string(body))) == 0 {
		return nil, refuse(say(msgEmpty, msgFileEmpty), errors.New("empty body"))
	}
	mediaType, body, err = checkText(body, mediaType, params["charset"], anyText)
	if err != nil {
		return nil, err
	}
	return &Page{URL: resp.Request.URL.String(), ContentType: mediaType, Body: body}, nil
}

// checkText checks that body is text by its content, whatever the server
// said, and returns its media type (sniffed when the server gave none, or
// gave none of ours for an attachment) and the body as UTF-8.
func checkText(body []byte, mediaType, charset string, anyText bool) (string, []byte, error) {
	sniffed, _, _ := mime.ParseMediaType(http.DetectContentType(body))
	if mediaType == "" || anyText {
		if !strings.HasPrefix(sniffed, "text/") && anyText {
			return "", nil, fileRefusal(sniffed)
		}
		if !strings.HasPrefix(sniffed, "text/") {
			return "", nil, typeRefusal(sniffed)
		}
		if mediaType == "" || !allowedType(mediaType) {
			mediaType = sniffed
		}
	}
	if strings.IndexByte(string(body), 0) >= 0 {
		return "", nil, refuse(msgBinary, errors.New("NUL bytes in body"))
	}
	if !utf8.Valid(body) {
		cs := strings.ToLower(charset)
		switch {
		case cs != "" && cs != "utf-8" && cs != "utf8" && cs != "us-ascii":
			return "", nil, refuse(msgCharset, fmt.Errorf("charset %s", cs))
		case mediaType == "text/html":
			// A few stray bytes in a page: keep the rest.
			body = []byte(strings.ToValidUTF8(string(body), "\uFFFD"))
		default:
			return "", nil, refuse(msgBinary, errors.New("not UTF-8 text"))
		}
	}
	return mediaType, body, nil
}

func allowedType(t string) bool {
	switch t {
	case "text/html", "text/plain", "text/markdown", "text/x-markdown":
		return true
	}
	return false
}

func typeRefusal(mediaType string) error {
	switch {
	case strings.HasPrefix(mediaType, "image/"):
		return refuse(msgImage, fmt.Errorf("content type %s", mediaType))
	case mediaType == "application/pdf":
		return refuse(msgPDF, fmt.Errorf("content type %s", mediaType))
	}
	return refuse(fmt.Sprintf(msgType, mediaType), fmt.Errorf("content type %s", mediaType))
}

// fileRefusal refuses an attachment that is not text.
func fileRefusal(mediaType string) error {
	switch {
	case strings.HasPrefix(mediaType, "image/"):
		return refuse(msgFileImage, fmt.Errorf("attachment of type %s", mediaType))
	case mediaType == "application/pdf":
		return refuse(msgFilePDF, fmt.Errorf("attachment of type %s", mediaType))
	}
	return refuse(msgBinary, fmt.Errorf("attachment of type %s", mediaType))
}

// transportError turns what the HTTP client returned into a refusal.
func transportError(err error, ctx context.Context, timeout time.Duration) error {
	var r *Refusal
	if errors.As(err, &r) {
		return r
	}
	if errors.Is(err, context.DeadlineExceeded) || errors.Is(ctx.Err(), context.DeadlineExceeded) || isTimeout(err) {
		return refuse(fmt.Sprintf(msgTimeout, roundDuration(timeout)), err)
	}
	if errors.Is(err, context.Canceled) {
		return err
	}
	return refuse(msgUnreachable, err)
}

func isTimeout(err error) bool {
	var ne net.Error
	return errors.As(err, &ne) && ne.Timeout()
}

// roundDuration shows a time limit as a person would say it: "10s", "300ms".
func roundDuration(d time.Duration) string {
	if d >= time.Second {
		return d.Round(time.Second).String()
	}
	return d.Round(time.Millisecond).String()
}
