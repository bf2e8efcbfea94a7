package bot

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/gorilla/websocket"
)

// miniDiscord is the least of Discord that Run needs: the gateway URL,
// HELLO, READY, heartbeat ACKs, command registration, interaction callbacks
// and channel messages. (bot/discordtest is the full fake, for the
// end-to-end tests.)
type miniDiscord struct {
	srv       *httptest.Server
	token     string // the only token accepted
	closeWith int    // close code sent after IDENTIFY instead of READY; 0 for READY
	shards    int    // recommended by /gateway/bot

	mu         sync.Mutex
	conns      []*miniConn
	identifies []json.RawMessage
	requests   chan recorded
}

type miniConn struct {
	mu sync.Mutex
	ws *websocket.Conn
	s  int
}

func (c *miniConn) send(op int, t string, d any) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	m := map[string]any{"op": op, "d": d}
	if op == 0 {
		c.s++
		m["s"], m["t"] = c.s, t
	}
	return c.ws.WriteJSON(m)
}

func newMiniDiscord(t *testing.T) *miniDiscord {
	d := &miniDiscord{token: "good-token", shards: 1, requests: make(chan recorded, 64)}
	mux := http.NewServeMux()
	ws := func() string { return "ws" + strings.TrimPrefix(d.srv.URL, "http") + "/ws" }
	mux.HandleFunc("/ws/", d.gateway)
	mux.HandleFunc("/api/v9/", func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		if r.Header.Get("Authorization") != "Bot "+d.token && !strings.HasPrefix(r.URL.Path, "/api/v9/interactions/") {
			status(401, `{"message":"401: Unauthorized","code":0}`)(w)
			return
		}
		d.requests <- recorded{r.Method, r.URL.Path, body, time.Now()}
		switch {
		case r.URL.Path == "/api/v9/gateway":
			status(200, `{"url":"`+ws()+`"}`)(w)
		case r.URL.Path == "/api/v9/gateway/bot":
			b, _ := json.Marshal(map[string]any{"url": ws(), "shards": d.shards, "session_start_limit": map[string]any{"max_concurrency": 16}})
			status(200, string(b))(w)
		case strings.HasSuffix(r.URL.Path, "/commands"):
			status(200, "[]")(w)
		case strings.HasSuffix(r.URL.Path, "/callback"):
			status(204, "")(w)
		default:
			status(200, `{"id":"901"}`)(w)
		}
	})
	d.srv = httptest.NewServer(mux)
	t.Cleanup(d.srv.Close)
	return d
}

func (d *miniDiscord) gateway(w http.ResponseWriter, r *http.Request) {
	ws, err := (&websocket.Upgrader{}).Upgrade(w, r, nil)
	if err != nil {
		return
	}
	c := &miniConn{ws: ws}
	defer ws.Close()
	_ = c.send(10, "", map[string]any{"heartbeat_interval": 41250})
	for {
		var in struct {
			Op int             `json:"op"`
			D  json.RawMessage `json:"d"`
		}
		if ws.ReadJSON(&in) != nil {
			return
		}
		switch in.Op {
		case 1:
			_ = c.send(11, "", nil)
		case 2:
			d.mu.Lock()
			d.identifies = append(d.identifies, in.D)
			d.conns = append(d.conns, c)
			d.mu.Unlock()
			var id struct {
				Token string `json:"token"`
				Shard *[2]int
			}
			_ = json.Unmarshal(in.D, &id)
			code := d.closeWith
			if id.Token != "Bot "+d.token {
				code = 4004
			}
			if code != 0 {
				c.mu.Lock()
				_ = ws.WriteMessage(websocket.CloseMessage, websocket.FormatCloseMessage(code, "refused"))
				c.mu.Unlock()
				return
			}
			_ = c.send(0, "READY", map[string]any{
				"v": 9, "session_id": "sess", "shard": id.Shard,
				"user":        map[string]any{"id": "100", "username": "briefbot", "bot": true},
				"application": map[string]any{"id": "100"},
			})
		}
	}
}

// dispatch sends an event on the first connection.
func (d *miniDiscord) dispatch(t *testing.T, event, payload string) {
	t.Helper()
	d.mu.Lock()
	c := d.conns[0]
	d.mu.Unlock()
	if err := c.send(0, event, json.RawMessage(payload)); err != nil {
		t.Fatal(err)
	}
}

// next waits for the next REST request whose path has suffix.
func (d *miniDiscord) next(t *testing.T, suffix string) recorded {
	t.Helper()
	timeout := time.After(5 * time.Second)
	for {
		select {
		case r := <-d.requests:
			if strings.HasSuffix(r.path, suffix) {
				return r
			}
		case <-timeout:
			t.Fatalf("no request to …%s", suffix)
		}
	}
}

func TestRun(t *testing.T) {
	t.Parallel()
	d := newMiniDiscord(t)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	h, logs := testHandler(newFake().engine())
	go func() {
		done <- Run(ctx, Options{
			Token: d.token, GuildID: "200", APIBase: d.srv.URL, ShardCount: 1,
			Engines: h.engines, Log: h.log,
		})
	}()
	reg := d.next(t, "/commands")
	if reg.method != http.MethodPut || reg.path != "/api/v9/applications/100/guilds/200/commands" {
		t.Errorf("registration %s %s", reg.method, reg.path)
	}
	var cmds []struct{ Name string }
	if err := json.Unmarshal(reg.body, &cmds); err != nil || len(cmds) != 6 {
		t.Errorf("registered %s: %v", reg.body, err)
	}
	d.mu.Lock()
	identify := string(d.identifies[0])
	d.mu.Unlock()
	if !strings.Contains(identify, `"intents":4609`) || strings.Contains(identify, `"shard"`) {
		t.Errorf("identify %s, want intents 4609 (guilds, guild messages, DMs) and no shard", identify)
	}

	d.dispatch(t, "INTERACTION_CREATE", askBody)
	cb := d.next(t, "/callback")
	if cb.path != "/api/v9/interactions/2/tok/callback" || !strings.Contains(string(cb.body), "reopen in May") {
		t.Errorf("callback %s %s", cb.path, cb.body)
	}
	d.dispatch(t, "MESSAGE_CREATE", `{"id":"888","channel_id":"300","guild_id":"200","content":"<@100> when?","author":{"id":"42","username":"alice"},"mentions":[{"id":"100","bot":true}]}`)
	reply := d.next(t, "/messages")
	if reply.path != "/api/v9/channels/300/messages" || !strings.Contains(string(reply.body), `"message_id":"888"`) {
		t.Errorf("reply %s %s", reply.path, reply.body)
	}
	d.dispatch(t, "MESSAGE_CREATE", `{"id":"889","channel_id":"300","content":"I am the bot","author":{"id":"100","bot":true}}`)
	d.dispatch(t, "INTERACTION_CREATE", `{"id":"3","application_id":"100","type":2,"token":"t3"}`) // malformed: no data
	cb = d.next(t, "/callback")
	if cb.path != "/api/v9/interactions/3/t3/callback" || !strings.Contains(string(cb.body), `"flags":64`) {
		t.Errorf("malformed interaction answered %s %s, want an ephemeral error", cb.path, cb.body)
	}

	start := time.Now()
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("Run = %v, want nil after cancel", err)
		}
		if took := time.Since(start); took > 5*time.Second {
			t.Errorf("shutdown took %v, limit 5s", took)
		}
	case <-time.After(6 * time.Second):
		t.Fatal("Run did not return within 6 s of cancel")
	}
	for {
		select {
		case r := <-d.requests:
			if strings.HasPrefix(r.path, "/api/v9/channels/") {
				t.Errorf("unexpected reply %s %s (to its own message?)", r.path, r.body)
			}
			continue
		default:
		}
		break
	}
	if out := logs.String(); strings.Contains(out, "/tok/") || strings.Contains(out, `"tok"`) || strings.Contains(out, d.token) {
		t.Errorf("log leaks a token:\n%s", logs)
	}
}

func TestRunRefused(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name  string
		token string
		close int
		want  error
	}{
		{"rejected token (REST 401)", "bad", 0, ErrTokenRejected},
		{"rejected token (close 4004)", "good-token", 4004, ErrTokenRejected},
		{"refused intents (close 4014)", "good-token", 4014, ErrIntentsRefused},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			d := newMiniDiscord(t)
			d.closeWith = tt.close
			err := Run(context.Background(), Options{Token: tt.token, APIBase: d.srv.URL, Engines: func(context.Context, string) Engine { return Engine{} }})
			if !errors.Is(err, tt.want) {
				t.Errorf("Run = %v, want %v", err, tt.want)
			}
			if err != nil && strings.Contains(err.Error(), tt.token) {
				t.Errorf("error leaks the token: %v", err)
			}
		})
	}
}

func TestRunOptionsChecked(t *testing.T) {
	engine := func(context.Context, string) Engine { return Engine{} }
	for _, o := range []Options{
		{Engines: engine},
		{Token: "x"},
		{Token: "x", Engines: engine, ShardID: 1},
		{Token: "x", Engines: engine, ShardID: 2, ShardCount: 2},
		{Token: "x", Engines: engine, ShardCount: -1},
		{Token: "x", Engines: engine, APIBase: "ftp://nowhere"},
	} {
		if err := Run(context.Background(), o); err == nil {
			t.Errorf("Run(%+v) = nil, want an error", o)
		}
	}
}

func TestRunRecommendedShards(t *testing.T) {
	t.Parallel()
	d := newMiniDiscord(t)
	d.shards = 2
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() {
		done <- Run(ctx, Options{Token: d.token, APIBase: d.srv.URL, Engines: func(context.Context, string) Engine { return newFake().engine() }})
	}()
	reg := d.next(t, "/commands")
	if reg.path != "/api/v9/applications/100/commands" {
		t.Errorf("global registration path %s", reg.path)
	}
	d.mu.Lock()
	var shards []string
	for _, id := range d.identifies {
		var v struct{ Shard []int }
		_ = json.Unmarshal(id, &v)
		shards = append(shards, jsonString(v.Shard))
	}
	d.mu.Unlock()
	if strings.Join(shards, " ") != "[0,2] [1,2]" {
		t.Errorf("identified shards %q, want [0,2] and [1,2]", shards)
	}
	cancel()
	if err := <-done; err != nil {
		t.Errorf("Run = %v", err)
	}
}

func jsonString(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}
