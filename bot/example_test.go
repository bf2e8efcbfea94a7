package bot_test

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"encoding/hex"
	"fmt"
	"net/http/httptest"
	"strconv"
	"time"

	"github.com/briefbot/briefbot/bot"
)

// Discord checks an interactions endpoint by sending it a signed PING; the
// endpoint must answer PONG, and refuse anything unsigned with 401.
func ExampleNewInteractionsHandler() {
	private := ed25519.NewKeyFromSeed(bytes.Repeat([]byte{7}, ed25519.SeedSize))
	h := bot.NewInteractionsHandler(bot.InteractionsOptions{
		PublicKey: private.Public().(ed25519.PublicKey),
		Engines:   func(context.Context, string) bot.Engine { return bot.Engine{} }, // no briefings needed to answer a PING
	})

	body := `{"id":"1","application_id":"100","type":1,"token":"t","version":1}`
	stamp := strconv.FormatInt(time.Now().Unix(), 10)
	r := httptest.NewRequest("POST", "/interactions", bytes.NewBufferString(body))
	r.Header.Set("X-Signature-Timestamp", stamp)
	r.Header.Set("X-Signature-Ed25519", hex.EncodeToString(ed25519.Sign(private, []byte(stamp+body))))
	w := httptest.NewRecorder()
	h.ServeHTTP(w, r)
	fmt.Println(w.Code, w.Body)

	unsigned := httptest.NewRequest("POST", "/interactions", bytes.NewBufferString(body))
	w = httptest.NewRecorder()
	h.ServeHTTP(w, unsigned)
	fmt.Println(w.Code)
	// Output:
	// 200 {"type":1}
	// 401
}
