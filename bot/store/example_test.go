package store_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/briefbot/briefbot/bot/store"
)

func ExampleStore_Gaps() {
	ctx := context.Background()
	dir, _ := os.MkdirTemp("", "store-example")
	defer os.RemoveAll(dir)
	s, err := store.Open(ctx, "sqlite:"+filepath.Join(dir, "briefbot.db"))
	if err != nil {
		fmt.Println(err)
		return
	}
	defer s.Close()
	for user, q := range map[string]string{"111": "Who paid for the repairs?", "222": "who paid for the repairs"} {
		s.RecordDeclined(ctx, store.Declined{Guild: "42", UserID: user, Question: q, Briefings: []string{"Harbour ferry"}})
	}
	// cmd passes qa.ContentKey; lower-casing without punctuation will do here.
	key := func(q string) string { return strings.ToLower(strings.Trim(q, "?")) }
	gaps, _ := s.Gaps(ctx, store.GapsQuery{Guild: "42", Since: time.Now().Add(-24 * time.Hour), Key: key})
	for _, g := range gaps.Declined {
		fmt.Printf("%d× %q from %d people\n", g.Count, g.Key, g.Users)
	}
	// Output: 2× "who paid for the repairs" from 2 people
}
