package qa

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite testdata/answers.golden")

// TestGolden pins the JSON answers (the `ask --json` lines) for the seed
// questions. Refresh with `go test ./qa -run Golden -update` and review
// the diff.
func TestGolden(t *testing.T) {
	e := New(mustParse(t, "seed.txt"))
	var got bytes.Buffer
	for _, c := range loadCases(t, "testdata/seed-qa.json") {
		line, err := json.Marshal(e.Ask(c.Q))
		if err != nil {
			t.Fatal(err)
		}
		got.Write(line)
		got.WriteByte('\n')
	}
	const path = "testdata/answers.golden"
	if *update {
		if err := os.WriteFile(path, got.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run with -update to create it)", err)
	}
	gl, wl := strings.Split(got.String(), "\n"), strings.Split(string(want), "\n")
	for i := 0; i < len(gl) || i < len(wl); i++ {
		var g, w string
		if i < len(gl) {
			g = gl[i]
		}
		if i < len(wl) {
			w = wl[i]
		}
		if g != w {
			t.Errorf("answers.golden line %d:\n got %s\nwant %s", i+1, g, w)
		}
	}
}
