package main

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// The four parts of speech, in the order of WordNet's file names.
var partsOfSpeech = []struct {
	file string // the suffix of index.* and data.*, the prefix of *.exc
	pos  byte   // the ss_type letter; satellites ('s') are read as 'a'
}{{"noun", 'n'}, {"verb", 'v'}, {"adj", 'a'}, {"adv", 'r'}}

// A synsetID names a synset: its part of speech and byte offset.
type synsetID struct {
	pos byte
	off uint32
}

// A pointer is one relation from a synset. Word numbers are 1-based; both
// are 0 for a relation between whole synsets.
type pointer struct {
	symbol   string
	target   synsetID
	src, dst int
}

// A synset is one line of a data.* file.
type synset struct {
	id    synsetID
	words []string // as written, with any adjective marker dropped
	ptrs  []pointer
	gloss string // its definition, without the example sentences
}

// A senseKey names one word in one synset; index.* gives it a rank.
type senseKey struct {
	id    synsetID
	lemma string // lower case, as in index.*
}

// An exception is one line of a *.exc file: an inflected form and its
// base forms.
type exception struct {
	form  string
	bases []string
	pos   byte
}

// A database is what the generator reads from a WordNet folder.
type database struct {
	synsets    []*synset // in file order: noun, verb, adj, adv
	byID       map[synsetID]*synset
	rank       map[senseKey]int // 1 for a word's most frequent sense
	exceptions []exception
}

// readDatabase reads the index, data and exception files of dir.
func readDatabase(dir string) (*database, error) {
	db := &database{byID: map[synsetID]*synset{}, rank: map[senseKey]int{}}
	for _, p := range partsOfSpeech {
		if err := eachLine(filepath.Join(dir, "index."+p.file), db.readIndexLine(p.pos)); err != nil {
			return nil, err
		}
		if err := eachLine(filepath.Join(dir, "data."+p.file), db.readDataLine); err != nil {
			return nil, err
		}
		if err := eachLine(filepath.Join(dir, p.file+".exc"), db.readExceptionLine(p.pos)); err != nil {
			return nil, err
		}
	}
	return db, nil
}

// eachLine calls fn on each line of path that is not part of the licence
// header (header lines start with two spaces).
func eachLine(path string, fn func(string) error) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 64*1024), 1<<20)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if strings.HasPrefix(line, "  ") || strings.TrimSpace(line) == "" {
			continue
		}
		if err := fn(line); err != nil {
			return fmt.Errorf("%s:%d: %w", path, n, err)
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("read %s: %w", path, err)
	}
	return nil
}

// readIndexLine records the sense ranks of one index.* line:
// lemma pos synset_cnt p_cnt [ptr_symbol...] sense_cnt tagsense_cnt synset_offset...
func (db *database) readIndexLine(pos byte) func(string) error {
	return func(line string) error {
		f := strings.Fields(line)
		if len(f) < 4 {
			return fmt.Errorf("index line has %d fields", len(f))
		}
		n, err := strconv.Atoi(f[2])
		if err != nil {
			return fmt.Errorf("synset_cnt: %w", err)
		}
		p, err := strconv.Atoi(f[3])
		if err != nil {
			return fmt.Errorf("p_cnt: %w", err)
		}
		offs := 4 + p + 2
		if n < 1 || len(f) != offs+n {
			return fmt.Errorf("index line has %d fields, want %d", len(f), offs+n)
		}
		for i, o := range f[offs:] {
			off, err := strconv.ParseUint(o, 10, 32)
			if err != nil {
				return fmt.Errorf("synset_offset: %w", err)
			}
			db.rank[senseKey{synsetID{pos, uint32(off)}, f[0]}] = i + 1
		}
		return nil
	}
}

// readDataLine reads one data.* line:
// synset_offset lex_filenum ss_type w_cnt word lex_id [word lex_id...] p_cnt [ptr...] [frames...] | gloss
func (db *database) readDataLine(line string) error {
	gloss := ""
	if i := strings.Index(line, " | "); i >= 0 {
		line, gloss = line[:i], definition(line[i+3:])
	}
	f := strings.Fields(line)
	if len(f) < 5 {
		return fmt.Errorf("data line has %d fields", len(f))
	}
	off, err := strconv.ParseUint(f[0], 10, 32)
	if err != nil {
		return fmt.Errorf("synset_offset: %w", err)
	}
	s := &synset{id: synsetID{normPOS(f[2]), uint32(off)}, gloss: gloss}
	nw, err := strconv.ParseUint(f[3], 16, 8)
	if err != nil {
		return fmt.Errorf("w_cnt: %w", err)
	}
	k := 4
	for range nw {
		if k+1 >= len(f) {
			return fmt.Errorf("data line ends inside its words")
		}
		s.words = append(s.words, dropMarker(f[k]))
		k += 2
	}
	np, err := strconv.Atoi(f[k])
	if err != nil {
		return fmt.Errorf("p_cnt: %w", err)
	}
	k++
	for range np {
		if k+3 >= len(f) {
			return fmt.Errorf("data line ends inside its pointers")
		}
		p, err := parsePointer(f[k : k+4])
		if err != nil {
			return err
		}
		s.ptrs = append(s.ptrs, p)
		k += 4
	}
	if db.byID[s.id] != nil {
		return fmt.Errorf("synset %c %08d appears twice", s.id.pos, s.id.off)
	}
	db.byID[s.id] = s
	db.synsets = append(db.synsets, s)
	return nil
}

// parsePointer reads pointer_symbol synset_offset pos source/target.
func parsePointer(f []string) (pointer, error) {
	off, err := strconv.ParseUint(f[1], 10, 32)
	if err != nil {
		return pointer{}, fmt.Errorf("pointer offset: %w", err)
	}
	st, err := strconv.ParseUint(f[3], 16, 16)
	if err != nil || len(f[3]) != 4 {
		return pointer{}, fmt.Errorf("pointer source/target %q", f[3])
	}
	return pointer{symbol: f[0], target: synsetID{normPOS(f[2]), uint32(off)}, src: int(st >> 8), dst: int(st & 0xff)}, nil
}

// readExceptionLine reads one *.exc line: an inflected form and its base forms.
func (db *database) readExceptionLine(pos byte) func(string) error {
	return func(line string) error {
		f := strings.Fields(line)
		if len(f) < 2 {
			return fmt.Errorf("exception line has %d fields", len(f))
		}
		db.exceptions = append(db.exceptions, exception{form: f[0], bases: f[1:], pos: pos})
		return nil
	}
}

// definition returns a gloss without its example sentences, which stand
// in double quotes after the definition: "move fast; \"he runs daily\"".
func definition(gloss string) string {
	if i := strings.IndexByte(gloss, '"'); i >= 0 {
		gloss = gloss[:i]
	}
	return strings.TrimRight(strings.TrimSpace(gloss), "; ")
}

// normPOS reads an adjective satellite as an adjective.
func normPOS(s string) byte {
	if s == "s" {
		return 'a'
	}
	return s[0]
}

// dropMarker removes an adjective's syntactic marker: "galore(ip)" → "galore".
func dropMarker(w string) string {
	if i := strings.IndexByte(w, '('); i > 0 && strings.HasSuffix(w, ")") {
		return w[:i]
	}
	return w
}
