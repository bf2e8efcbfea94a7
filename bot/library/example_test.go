package library_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"

	"github.com/briefbot/briefbot/bot/library"
	"github.com/briefbot/briefbot/bot/store"
)

func ExampleLibrary_Add() {
	ctx := context.Background()
	dir, _ := os.MkdirTemp("", "library-example")
	defer os.RemoveAll(dir)
	st, _ := store.Open(ctx, "sqlite:"+filepath.Join(dir, "briefbot.db"))
	defer st.Close()
	lib, err := library.Open(ctx, library.Options{Store: st})
	if err != nil {
		fmt.Println(err)
		return
	}
	text := []byte(`title: Town hall clock restarts
publisher: The Example Gazette
published: 2025-02-03
---
Town hall clock restarts

The clock on the town hall started again on Monday, the council said.

"It is good to hear it strike again," said Ada Munro, who wound it for thirty years.
`)
	p, err := lib.Add(ctx, library.AddRequest{Guild: "1234", AddedBy: "5678", Filename: "clock.txt", Data: text})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("%s (%s, %s): %d passages, %d quotes, first source %s\n", p.Title, p.Publisher, p.Published, p.Passages, p.Quotes, p.First[0].Name)
	e, _ := lib.Engine(ctx, "1234")
	fmt.Println(e.Ask("What did Ada Munro say?").Speaker.Name)
	// Output:
	// Town hall clock restarts (The Example Gazette, 2025-02-03): 2 passages, 1 quotes, first source Ada Munro
	// Ada Munro
}
