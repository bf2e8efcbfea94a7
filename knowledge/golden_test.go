package knowledge

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"testing"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden.json from the parser's output")

// TestGoldenSeed compares the inspect-style JSON of the seed briefing with
// testdata/seed.golden.json. Run with -update to rewrite it after a
// deliberate change, and read the diff.
func TestGoldenSeed(t *testing.T) {
	b := mustParseFile(t, "testdata/seed.txt")
	got, err := json.MarshalIndent(b, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	got = append(got, '\n')
	golden := filepath.Join("testdata", "seed.golden.json")
	if *update {
		if err := os.WriteFile(golden, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test -run TestGoldenSeed -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("inspect JSON of the seed differs from %s; run with -update and review the diff", golden)
	}
}

// mustParseFile parses a briefing from testdata.
func mustParseFile(t testing.TB, path string) *Briefing {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	b, err := Parse(filepath.Base(path), data)
	if err != nil {
		t.Fatal(err)
	}
	return b
}
