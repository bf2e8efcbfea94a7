package knowledge

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// errNoBriefings means a folder holds no .txt or .md files.
var errNoBriefings = errors.New("no briefings (.txt or .md files)")

// Load reads the briefings at paths: files, or folders whose .txt and .md
// files are read in name order, and parses them concurrently (ParseAll).
// Errors name the file; every path is tried and all errors are reported
// together, in order.
func Load(paths ...string) ([]*Briefing, error) {
	if len(paths) == 0 {
		return nil, errors.New("load: no briefing paths given")
	}
	var files []File
	var errs []error
	for _, path := range paths {
		names, err := briefingFiles(path)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		for _, name := range names {
			data, err := readFile(name)
			if err != nil {
				errs = append(errs, err)
				continue
			}
			files = append(files, File{Name: name, Data: data})
		}
	}
	briefings, parseErrs := ParseAll(files)
	for _, err := range parseErrs {
		if err != nil {
			errs = append(errs, err)
		}
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	return briefings, nil
}

// briefingFiles returns path if it is a file, or the briefing files in it
// if it is a folder.
func briefingFiles(path string) ([]string, error) {
	info, err := os.Stat(path)
	if err != nil {
		return nil, fmt.Errorf("load %s: %w", path, err)
	}
	if !info.IsDir() {
		return []string{path}, nil
	}
	entries, err := os.ReadDir(path)
	if err != nil {
		return nil, fmt.Errorf("load %s: %w", path, err)
	}
	var files []string
	for _, e := range entries {
		if e.IsDir() || strings.HasPrefix(e.Name(), ".") {
			continue
		}
		switch strings.ToLower(filepath.Ext(e.Name())) {
		case ".txt", ".md", ".markdown":
			files = append(files, filepath.Join(path, e.Name()))
		}
	}
	if len(files) == 0 {
		return nil, fmt.Errorf("load %s: %w", path, errNoBriefings)
	}
	slices.Sort(files)
	return files, nil
}

// readFile reads one briefing file, at most one byte more than MaxSize.
func readFile(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("load %s: %w", path, err)
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, MaxSize+1))
	if err != nil {
		return nil, fmt.Errorf("load %s: %w", path, err)
	}
	return data, nil // Parse refuses it if it is over MaxSize
}
