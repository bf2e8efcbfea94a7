package fetch_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/briefbot/briefbot/bot/fetch"
)

// userMessage returns the user-facing message of err, as a caller that does
// not import fetch would find it.
func userMessage(tb testing.TB, err error) string {
	tb.Helper()
	var um interface{ UserMessage() string }
	if !errors.As(err, &um) {
		tb.Fatalf("error %v has no UserMessage", err)
	}
	return um.UserMessage()
}

// loopbackOK is the policy for tests whose servers are on loopback: the real
// one, except that loopback is allowed.
func loopbackOK(a netip.Addr) error {
	if a.Unmap().IsLoopback() {
		return nil
	}
	return fetch.Public(a)
}

// resolver answers every name with fixed addresses, one list per call
// (the last list repeats).
type resolver struct {
	answers [][]netip.Addr
	calls   atomic.Int32
}

func (r *resolver) LookupNetIP(ctx context.Context, network, host string) ([]netip.Addr, error) {
	i := int(r.calls.Add(1)) - 1
	return r.answers[min(i, len(r.answers)-1)], nil
}

func addrs(ss ...string) []netip.Addr {
	var out []netip.Addr
	for _, s := range ss {
		out = append(out, netip.MustParseAddr(s))
	}
	return out
}

func TestPublicPolicy(t *testing.T) {
	refused := []string{
		"127.0.0.1", "127.8.9.10", "10.0.0.1", "172.16.5.4", "172.31.255.255", "192.168.1.1",
		"169.254.169.254", "100.64.1.1", "100.127.255.254", "0.0.0.0", "0.1.2.3", "224.0.0.1", "239.255.255.250",
		"255.255.255.255", "240.0.0.1", "192.0.2.1", "198.18.0.1",
		"::1", "::", "fc00::1", "fd12:3456::1", "fe80::1", "ff02::1", "ff05::2", "fec0::1",
		"::ffff:127.0.0.1", "::ffff:10.0.0.1", "::ffff:169.254.169.254", "::127.0.0.1",
		"64:ff9b::a00:1", "64:ff9b::7f00:1", "2002:a00:1::1", "2002:7f00:1::1", "2001:db8::1", "2001::1",
	}
	for _, s := range refused {
		if err := fetch.Public(netip.MustParseAddr(s)); err == nil {
			t.Errorf("Public(%s) = nil, want a refusal", s)
		}
	}
	allowed := []string{"93.184.216.34", "1.1.1.1", "8.8.8.8", "100.128.0.1", "172.32.0.1", "2606:4700::1111", "2a00:1450::1", "64:ff9b::808:808"}
	for _, s := range allowed {
		if err := fetch.Public(netip.MustParseAddr(s)); err != nil {
			t.Errorf("Public(%s) = %v, want nil", s, err)
		}
	}
	if msg := userMessage(t, fetch.Public(netip.MustParseAddr("10.0.0.1"))); msg != "That address is on a private network; I only fetch public pages." {
		t.Errorf("private address message = %q", msg)
	}
}

func TestFetchRefusesBeforeConnecting(t *testing.T) {
	// A server on loopback: the real policy must refuse it, whatever the name.
	var hits atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		fmt.Fprint(w, "<p>secret</p>")
	}))
	defer srv.Close()
	port := srv.URL[strings.LastIndex(srv.URL, ":")+1:]

	tests := []struct {
		name     string
		url      string
		resolver fetch.Resolver
		want     string
	}{
		{name: "Loopback", url: srv.URL, want: "private network"},
		{name: "PrivateTen", url: "http://10.0.0.1/", want: "private network"},
		{name: "IPv6Loopback", url: "http://[::1]:" + port + "/", want: "private network"},
		{name: "MappedLoopback", url: "http://[::ffff:127.0.0.1]:" + port + "/", want: "private network"},
		{name: "Metadata", url: "http://169.254.169.254/latest/meta-data/", want: "private network"},
		{name: "NameToPrivate", url: "http://news.example/", resolver: &resolver{answers: [][]netip.Addr{addrs("10.1.2.3")}}, want: "private network"},
		{name: "NameToLoopback", url: "http://news.example:" + port + "/", resolver: &resolver{answers: [][]netip.Addr{addrs("127.0.0.1")}}, want: "private network"},
		{name: "NameWithOnePrivate", url: "http://news.example/", resolver: &resolver{answers: [][]netip.Addr{addrs("93.184.216.34", "192.168.0.5")}}, want: "private network"},
		// DNS rebinding: public at the check, loopback when the dialer asks again.
		{name: "Rebinding", url: "http://news.example:" + port + "/", resolver: &resolver{answers: [][]netip.Addr{addrs("93.184.216.34"), addrs("127.0.0.1")}}, want: "private network"},
		{name: "Multicast", url: "http://224.0.0.1/", want: "not a public web address"},
		{name: "Unspecified", url: "http://0.0.0.0:" + port + "/", want: "not a public web address"},
		{name: "Scheme", url: "ftp://example.org/file.txt", want: "http:// and https://"},
		{name: "FileScheme", url: "file:///etc/passwd", want: "http:// and https://"},
		{name: "Javascript", url: "javascript:alert(1)", want: "http:// and https://"},
		{name: "Malformed", url: "http://exa mple.org/%zz", want: "doesn't look like a web address"},
		{name: "NoHost", url: "http:///path", want: "doesn't look like a web address"},
		{name: "NotAURL", url: "not a url", want: "http:// and https://"},
		{name: "BadPort", url: "http://example.org:99999/", want: "doesn't look like a web address"},
		{name: "Credentials", url: "http://user:pw@example.org/", want: "user name or password"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := &fetch.Fetcher{Resolver: tt.resolver, Timeout: 2 * time.Second}
			page, err := f.Fetch(context.Background(), tt.url)
			if err == nil {
				t.Fatalf("Fetch(%q) = %q, want a refusal", tt.url, page.Body)
			}
			if msg := userMessage(t, err); !strings.Contains(msg, tt.want) {
				t.Errorf("Fetch(%q) message = %q, want it to contain %q", tt.url, msg, tt.want)
			}
		})
	}
	if n := hits.Load(); n != 0 {
		t.Errorf("the loopback server was reached %d times", n)
	}
}

func TestFetchResponses(t *testing.T) {
	block := make(chan struct{})
	defer close(block)
	mux := http.NewServeMux()
	page := "<html><head><title>A page</title></head><body><p>Hello.</p></body></html>"
	mux.HandleFunc("/ok", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, page)
	})
	mux.HandleFunc("/md", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/markdown")
		fmt.Fprint(w, "# Title\n\nBody.\n")
	})
	mux.HandleFunc("/untyped", func(w http.ResponseWriter, r *http.Request) {
		w.Header()["Content-Type"] = nil
		fmt.Fprint(w, "Plain words, no type given.\n")
	})
	mux.HandleFunc("/hop/", func(w http.ResponseWriter, r *http.Request) {
		var n int
		fmt.Sscanf(strings.TrimPrefix(r.URL.Path, "/hop/"), "%d", &n)
		if n == 0 {
			http.Redirect(w, r, "/ok", http.StatusFound)
			return
		}
		http.Redirect(w, r, fmt.Sprintf("/hop/%d", n-1), http.StatusFound)
	})
	mux.HandleFunc("/to-private", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "http://10.0.0.1/admin", http.StatusFound)
	})
	mux.HandleFunc("/to-metadata", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "http://169.254.169.254/", http.StatusMovedPermanently)
	})
	mux.HandleFunc("/to-ftp", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "ftp://example.org/", http.StatusFound)
	})
	big := bytes.Repeat([]byte("<p>words and more words</p>\n"), (6<<20)/28+1)
	mux.HandleFunc("/big", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		w.Write(big)
	})
	mux.HandleFunc("/big-chunked", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		for i := 0; i < len(big); i += 1 << 16 {
			w.Write(big[i:min(i+1<<16, len(big))])
			w.(http.Flusher).Flush()
		}
	})
	mux.HandleFunc("/binary", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/octet-stream")
		w.Write([]byte{0x7f, 'E', 'L', 'F', 0, 1, 2, 3})
	})
	mux.HandleFunc("/binary-as-text", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain")
		w.Write([]byte("text\x00\x01\x02\xff\xfe binary"))
	})
	mux.HandleFunc("/image", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "image/png")
		w.Write([]byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"))
	})
	mux.HandleFunc("/pdf", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/pdf")
		fmt.Fprint(w, "%PDF-1.7")
	})
	mux.HandleFunc("/latin1", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain; charset=iso-8859-1")
		w.Write([]byte("caf\xe9 cr\xe8me"))
	})
	mux.HandleFunc("/empty", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
	})
	mux.HandleFunc("/blank", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain")
		fmt.Fprint(w, "  \n\n\t ")
	})
	mux.HandleFunc("/missing", http.NotFound)
	mux.HandleFunc("/cut", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		w.Header().Set("Content-Length", "5000")
		fmt.Fprint(w, "<p>the start of a page that never")
	})
	mux.HandleFunc("/slow-body", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		fmt.Fprint(w, "<p>the start")
		w.(http.Flusher).Flush()
		select {
		case <-block:
		case <-r.Context().Done():
		}
	})
	mux.HandleFunc("/slow-headers", func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-block:
		case <-r.Context().Done():
		}
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()

	tests := []struct {
		path     string
		wantType string // for a page read
		wantURL  string
		wantErr  string // for a refusal: part of its user message
	}{
		{path: "/ok", wantType: "text/html"},
		{path: "/md", wantType: "text/markdown"},
		{path: "/untyped", wantType: "text/plain"},
		{path: "/hop/2", wantType: "text/html", wantURL: "/ok"}, // three redirects
		{path: "/hop/3", wantErr: "redirects too many times"},
		{path: "/to-private", wantErr: "private network"},
		{path: "/to-metadata", wantErr: "private network"},
		{path: "/to-ftp", wantErr: "http:// and https://"},
		{path: "/big", wantErr: "larger than 5 MiB"},
		{path: "/big-chunked", wantErr: "larger than 5 MiB"},
		{path: "/binary", wantErr: "application/octet-stream, not a web page"},
		{path: "/binary-as-text", wantErr: "isn't text"},
		{path: "/image", wantErr: "image"},
		{path: "/pdf", wantErr: "PDF"},
		{path: "/latin1", wantErr: "UTF-8"},
		{path: "/empty", wantErr: "empty"},
		{path: "/blank", wantErr: "empty"},
		{path: "/missing", wantErr: "404 Not Found"},
		{path: "/cut", wantErr: "stopped sending the page"},
		{path: "/slow-body", wantErr: "longer than 300ms"},
		{path: "/slow-headers", wantErr: "longer than 300ms"},
	}
	for _, tt := range tests {
		t.Run(strings.TrimPrefix(tt.path, "/"), func(t *testing.T) {
			f := fetch.WithPolicy(&fetch.Fetcher{Timeout: 10 * time.Second}, loopbackOK)
			if strings.HasPrefix(tt.path, "/slow") {
				f.Timeout = 300 * time.Millisecond
			}
			p, err := f.Fetch(context.Background(), srv.URL+tt.path)
			if tt.wantErr != "" {
				if err == nil {
					t.Fatalf("Fetch(%s) read %d bytes, want a refusal", tt.path, len(p.Body))
				}
				if msg := userMessage(t, err); !strings.Contains(msg, tt.wantErr) {
					t.Errorf("Fetch(%s) message = %q, want it to contain %q", tt.path, msg, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatalf("Fetch(%s) error = %v", tt.path, err)
			}
			if p.ContentType != tt.wantType || len(p.Body) == 0 {
				t.Errorf("Fetch(%s) = type %q, %d bytes; want %s", tt.path, p.ContentType, len(p.Body), tt.wantType)
			}
			if tt.wantURL != "" && p.URL != srv.URL+tt.wantURL {
				t.Errorf("Fetch(%s).URL = %q, want %q", tt.path, p.URL, srv.URL+tt.wantURL)
			}
		})
	}
}

func TestAttachment(t *testing.T) {
	other := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { fmt.Fprint(w, "elsewhere") }))
	defer other.Close()
	mux := http.NewServeMux()
	mux.HandleFunc("/attachments/1/2/brief.md", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/octet-stream") // what a CDN may say of .md
		fmt.Fprint(w, "# A briefing\n\nText.\n")
	})
	mux.HandleFunc("/attachments/1/2/photo.png", func(w http.ResponseWriter, r *http.Request) {
		w.Write([]byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00"))
	})
	mux.HandleFunc("/attachments/1/2/data.txt", func(w http.ResponseWriter, r *http.Request) {
		w.Write([]byte("\x00\x01\x02\x03binary\x00\xff\xfe"))
	})
	mux.HandleFunc("/attachments/1/2/empty.txt", func(w http.ResponseWriter, r *http.Request) {})
	mux.HandleFunc("/attachments/1/2/away.txt", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, other.URL+"/", http.StatusFound)
	})
	cdn := httptest.NewServer(mux)
	defer cdn.Close()

	var f fetch.Fetcher // the real policy
	p, err := f.Attachment(context.Background(), cdn.URL+"/attachments/1/2/brief.md")
	if err != nil {
		t.Fatalf("Attachment() error = %v", err)
	}
	if !strings.HasPrefix(string(p.Body), "# A briefing") {
		t.Errorf("Attachment() body = %q", p.Body)
	}
	// Refusals of attachments speak of a file.
	for name, want := range map[string]string{
		"photo.png": "That file is an image", "data.txt": "That file isn't text", "empty.txt": "That file is empty.",
		"gone.txt": "I couldn't download that file from Discord (it answered 404 Not Found)",
	} {
		if _, err := f.Attachment(context.Background(), cdn.URL+"/attachments/1/2/"+name); err == nil || !strings.HasPrefix(userMessage(t, err), want) {
			t.Errorf("Attachment(%s) error = %v, want a refusal starting %q", name, err, want)
		}
	}
	// The exemption is for the attachment's own host only.
	if _, err := f.Attachment(context.Background(), cdn.URL+"/attachments/1/2/away.txt"); err == nil || !strings.Contains(userMessage(t, err), "private network") {
		t.Errorf("Attachment() redirected to another loopback server: error = %v, want a private-network refusal", err)
	}
	// The same URL through Fetch gets no exemption.
	if _, err := f.Fetch(context.Background(), cdn.URL+"/attachments/1/2/brief.md"); err == nil {
		t.Error("Fetch() of a loopback URL succeeded")
	}
}

func ExampleFetcher_Fetch() {
	var f fetch.Fetcher
	_, err := f.Fetch(context.Background(), "http://192.168.1.1/admin")
	var um interface{ UserMessage() string }
	if errors.As(err, &um) {
		fmt.Println(um.UserMessage())
	}
	// Output: That address is on a private network; I only fetch public pages.
}

func TestConnectTimeCheck(t *testing.T) {
	var hits atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { hits.Add(1) }))
	defer srv.Close()
	// A policy that allows the lookups' checks and then refuses: only the
	// dialer's Control hook, at connect time, sees the third call.
	var calls atomic.Int32
	var connectTime string
	f := fetch.WithPolicy(&fetch.Fetcher{}, func(a netip.Addr) error {
		if calls.Add(1) <= 2 {
			return nil
		}
		connectTime = a.String()
		return fetch.Public(a)
	})
	_, err := f.Fetch(context.Background(), srv.URL)
	if err == nil || !strings.Contains(userMessage(t, err), "private network") {
		t.Fatalf("Fetch() error = %v, want the connect-time check to refuse", err)
	}
	if connectTime != "127.0.0.1" || hits.Load() != 0 {
		t.Errorf("connect-time check saw %q and the server %d requests; want 127.0.0.1 and none", connectTime, hits.Load())
	}
}

// FuzzFetchURL checks that no URL, however written, reaches the network
// when the policy refuses every address, and that each refusal has a
// message for the user.
func FuzzFetchURL(f *testing.F) {
	for _, u := range []string{"http://example.org/", "https://[::1]:443/x", "http://0x7f.1/", "http://127.1/", "http://2130706433/",
		"http://example.org@10.0.0.1/", "HTTP://EXAMPLE.ORG", "http://[fe80::1%25eth0]/", "//example.org", "http://:80/", "https://ex ample.org"} {
		f.Add(u)
	}
	f.Fuzz(func(t *testing.T, rawURL string) {
		refuseAll := func(a netip.Addr) error { return fmt.Errorf("refused %s", a) }
		fe := fetch.WithPolicy(&fetch.Fetcher{Resolver: &resolver{answers: [][]netip.Addr{addrs("192.0.2.1")}}, Timeout: time.Second}, refuseAll)
		page, err := fe.Fetch(context.Background(), rawURL)
		if err == nil {
			t.Fatalf("Fetch(%q) = %q with every address refused", rawURL, page.Body)
		}
	})
}
