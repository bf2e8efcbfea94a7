package discordtest

import (
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"time"
)

// An Attachment is a file a user uploaded with a slash command, as Discord
// describes it in an interaction's data.resolved.attachments. Its URL is on
// the fake's own loopback host, standing in for Discord's CDN, and signed
// the way the CDN's are (ex, is and hm query parameters): the fake serves
// the bytes only at exactly that URL.
type Attachment struct {
	ID          string `json:"id"`
	Filename    string `json:"filename"`
	Size        int    `json:"size"`
	URL         string `json:"url"`
	ProxyURL    string `json:"proxy_url"`
	ContentType string `json:"content_type,omitempty"`
	Ephemeral   bool   `json:"ephemeral"`
}

// An upload is a file the fake's CDN serves.
type upload struct {
	filename    string
	contentType string
	data        []byte
	downloads   int
}

// Upload stores data as a file the user uploads, served from the fake's
// CDN path /attachments/{channel}/{id}/{filename} with a signed query, and
// returns the Attachment to pass to File. contentType may be "" (Discord
// leaves it out when it cannot tell).
func (s *Server) Upload(filename, contentType string, data []byte) Attachment {
	id := s.newID()
	path := "/attachments/" + ChannelID + "/" + id + "/" + url.PathEscape(filename)
	ex := strconv.FormatInt(time.Now().Add(24*time.Hour).Unix(), 16)
	is := strconv.FormatInt(time.Now().Unix(), 16)
	signed := s.URL() + path + "?ex=" + ex + "&is=" + is + "&hm=" + s.sign(path, ex, is) + "&"
	s.mu.Lock()
	s.uploads[id] = &upload{filename: filename, contentType: contentType, data: data}
	s.mu.Unlock()
	return Attachment{
		ID: id, Filename: filename, Size: len(data), URL: signed, ProxyURL: signed,
		ContentType: contentType, Ephemeral: true,
	}
}

// Downloads counts the times the fake's CDN served the attachment id.
func (s *Server) Downloads(id string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	if u, ok := s.uploads[id]; ok {
		return u.downloads
	}
	return 0
}

// sign is the hm parameter of an attachment URL: an HMAC of its path and
// times under the fake's own key.
func (s *Server) sign(path, ex, is string) string {
	m := hmac.New(sha256.New, s.cdnKey)
	fmt.Fprintf(m, "%s\x00%s\x00%s", path, ex, is)
	return hex.EncodeToString(m.Sum(nil))
}

// serveAttachment is the CDN: it serves an uploaded file at its signed URL,
// and 404 "This content is no longer available." otherwise, as Discord's
// CDN answers an unsigned or tampered link.
func (s *Server) serveAttachment(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	path := r.URL.EscapedPath()
	s.mu.Lock()
	u, ok := s.uploads[r.PathValue("id")]
	valid := ok && hmac.Equal([]byte(q.Get("hm")), []byte(s.sign(path, q.Get("ex"), q.Get("is"))))
	if valid {
		u.downloads++
	}
	s.mu.Unlock()
	if !valid {
		http.Error(w, "This content is no longer available.", http.StatusNotFound)
		return
	}
	if u.contentType != "" {
		w.Header().Set("Content-Type", u.contentType)
	}
	w.Header().Set("Content-Length", strconv.Itoa(len(u.data)))
	_, _ = w.Write(u.data)
}

// newKey is a fresh random signing key.
func newKey() []byte {
	k := make([]byte, 32)
	_, _ = rand.Read(k)
	return k
}
