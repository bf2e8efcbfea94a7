package knowledge

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// writeFile writes text to dir/name, creating folders, and returns the path.
func writeFile(t *testing.T, dir, name, text string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestLoad(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "b.txt", "Second\n\nBody two.\n")
	writeFile(t, dir, "a.md", "# First\n\nBody one.\n")
	writeFile(t, dir, "notes.json", "{}")
	writeFile(t, dir, ".hidden.txt", "Hidden\n\nNot loaded.\n")
	writeFile(t, dir, "sub/c.txt", "Nested\n\nNot loaded either.\n")
	single := writeFile(t, t.TempDir(), "single.txt", "Single\n\nBody three.\n")

	bs, err := Load(dir, single)
	if err != nil {
		t.Fatal(err)
	}
	var titles []string
	for _, b := range bs {
		titles = append(titles, b.Title)
	}
	if !slices.Equal(titles, []string{"First", "Second", "Single"}) {
		t.Errorf("titles %q", titles)
	}
	if bs[0].Source != filepath.Join(dir, "a.md") {
		t.Errorf("source %q", bs[0].Source)
	}
}

func TestLoadErrors(t *testing.T) {
	empty := t.TempDir()
	writeFile(t, empty, "readme.json", "{}")
	bad := writeFile(t, t.TempDir(), "bad.txt", "title: T\npublished: 23/03/2024\n---\nBody.\n")
	big := writeFile(t, t.TempDir(), "big.txt", strings.Repeat("word ", MaxSize/5+10))
	bin := writeFile(t, t.TempDir(), "bin.txt", "\xff\xd8\xff\xe0\x00\x10")
	missing := filepath.Join(t.TempDir(), "missing.txt")

	tests := []struct {
		path   string
		target error
		text   []string
	}{
		{empty, errNoBriefings, []string{empty}},
		{bad, errBadDate, []string{bad, "line 2", "23/03/2024"}},
		{big, errTooLarge, []string{big}},
		{bin, errNotText, []string{bin}},
		{missing, fs.ErrNotExist, []string{missing}},
	}
	for _, tt := range tests {
		_, err := Load(tt.path)
		if !errors.Is(err, tt.target) {
			t.Errorf("Load(%s) = %v, want %v", tt.path, err, tt.target)
			continue
		}
		for _, s := range tt.text {
			if !strings.Contains(err.Error(), s) {
				t.Errorf("error %q does not mention %q", err, s)
			}
		}
	}
	if _, err := Load(); err == nil {
		t.Error("Load() with no paths succeeded")
	}
	// Every bad path is reported, not just the first.
	_, err := Load(missing, bad)
	if err == nil || !strings.Contains(err.Error(), missing) || !strings.Contains(err.Error(), bad) {
		t.Errorf("Load(missing, bad) = %v", err)
	}
}

// TestParseAll checks that ParseAll keeps the files' order and gives each
// file its own briefing or error.
func TestParseAll(t *testing.T) {
	var files []File
	for i := range 40 {
		body := fmt.Sprintf("Title %d\n\n“Line %d is here,” said Jane Doe%d.\n", i, i, i)
		if i%7 == 3 {
			body = "" // an error in the middle
		}
		files = append(files, File{Name: fmt.Sprintf("f%d.txt", i), Data: []byte(body)})
	}
	briefings, errs := ParseAll(files)
	if len(briefings) != len(files) || len(errs) != len(files) {
		t.Fatalf("got %d briefings and %d errors for %d files", len(briefings), len(errs), len(files))
	}
	for i := range files {
		switch {
		case i%7 == 3 && (errs[i] == nil || briefings[i] != nil):
			t.Errorf("file %d: briefing %v, error %v; want an error", i, briefings[i], errs[i])
		case i%7 != 3 && (errs[i] != nil || briefings[i] == nil || briefings[i].Title != fmt.Sprintf("Title %d", i)):
			t.Errorf("file %d: briefing %+v, error %v", i, briefings[i], errs[i])
		}
	}
	if b, errs := ParseAll(nil); len(b) != 0 || len(errs) != 0 {
		t.Errorf("ParseAll(nil) = %v, %v", b, errs)
	}
}
