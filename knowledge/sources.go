package knowledge

import (
	"slices"
	"strings"

	"github.com/briefbot/briefbot/knowledge/english"
)

// finish fills the briefing's quotes, statements and sources: everyone who
// is quoted or cited, and the media credits, in order of first appearance.
func (d *doc) finish(credits []credit) {
	order := make(map[string]int, len(d.b.Passages))
	for i, p := range d.b.Passages {
		order[p.ID] = i
	}
	type entry struct {
		src        Source
		at         [2]int // passage, sentence of first appearance
		surname    string
		personRole string
	}
	var entries []*entry
	index := map[string]*entry{}
	get := func(name string, kind SourceKind, passage string, sentence int) *entry {
		key := string(kind) + "\x00" + name
		if e := index[key]; e != nil {
			return e
		}
		e := &entry{src: Source{Name: name, Kind: kind, Aliases: []string{}, Members: []string{}}, at: [2]int{order[passage], sentence}}
		index[key] = e
		entries = append(entries, e)
		return e
	}
	for _, q := range d.quotes {
		if q.Speaker == "" {
			continue
		}
		get(q.Speaker, d.kindOf(q.Speaker), q.Passage, q.Sentence).src.Quotes++
	}
	for _, s := range d.statements {
		get(s.Speaker, d.kindOf(s.Speaker), s.Passage, s.Sentence).src.Statements++
	}
	for _, c := range credits {
		for _, name := range splitCredit(c.text) {
			get(name, MediaCredit, c.passage, 1<<20)
		}
	}
	counted := map[string]int{}
	mentions := func(place string) int {
		if n, ok := counted[place]; ok {
			return n
		}
		n := 0
		for _, p := range d.b.Passages {
			n += strings.Count(p.Text, place)
		}
		counted[place] = n
		return n
	}
	for _, e := range entries {
		switch e.src.Kind {
		case Person:
			if p := d.byName[e.src.Name]; p != nil {
				e.src.Role = dropPlace(p.role, mentions)
				e.src.Aliases = p.aliases()
			}
		case Organisation, Group, Anonymous:
			if o := d.orgs[e.src.Name]; o != nil {
				e.src.Role = o.role
				e.src.Aliases = append(e.src.Aliases, o.aliases...)
				e.src.Members = append(e.src.Members, o.members...)
			}
			if i, ok := d.aliasGroup[e.src.Name]; ok {
				for _, l := range d.b.Aliases[i] {
					if l != e.src.Name && !contains(e.src.Aliases, l) {
						e.src.Aliases = append(e.src.Aliases, l)
					}
				}
			}
		}
	}
	slices.SortStableFunc(entries, func(a, b *entry) int {
		if a.at[0] != b.at[0] {
			return a.at[0] - b.at[0]
		}
		return a.at[1] - b.at[1]
	})
	roles := map[string]string{}
	for _, e := range entries {
		if o := d.orgs[e.src.Name]; o != nil && o.document {
			continue // "court records": who a statement is attributed to, not a source
		}
		if (e.src.Kind == Organisation || e.src.Kind == Group) && bareGroup(e.src.Name) {
			continue // "experts said": a statement's speaker, but no one to list
		}
		d.b.Sources = append(d.b.Sources, e.src)
		if e.src.Kind != MediaCredit {
			roles[e.src.Name] = e.src.Role
		}
	}
	for i := range d.quotes {
		d.quotes[i].Role = roles[d.quotes[i].Speaker]
	}
	d.b.Quotes = append(d.b.Quotes, d.quotes...)
	d.b.Statements = append(d.b.Statements, d.statements...)
}

// bareGroup reports whether a speaker is a bare plural group ("experts",
// "officials") rather than a named organisation or a described group
// ("Security analysts", "Russian officials").
func bareGroup(name string) bool {
	lower := strings.ToLower(name)
	return !strings.ContainsAny(name, " -.") && english.IsGroupNoun(lower) && !institutions[lower]
}

// institutions are collective nouns that name one body even when bare:
// "Police said" is the force that covers the story.
var institutions = map[string]bool{"police": true}

// kindOf says what kind of speaker a name is.
func (d *doc) kindOf(name string) SourceKind {
	if o := d.orgs[name]; o != nil {
		return o.kind
	}
	if d.byName[name] != nil {
		return Person
	}
	return Organisation
}

// aliases returns the other ways the briefing refers to a person: the
// surname and each title with the surname ("Gen. Doe").
func (p *person) aliases() []string {
	out := []string{}
	if p.surname != "" && p.surname != p.name {
		out = append(out, p.surname)
	}
	for _, h := range p.honorific {
		if a := h + " " + p.surname; !contains(out, a) && !strings.EqualFold(a, p.name) {
			out = append(out, a)
		}
	}
	return out
}
