package knowledge

import "errors"

// Parse reads one briefing. name is used in errors and as Briefing.Source.
// TODO(helper): replace this stub.
func Parse(name string, data []byte) (*Briefing, error) {
	return nil, errors.New("knowledge: Parse not implemented yet")
}

// Load reads the briefings at paths: files, or folders of .txt and .md files.
// TODO(helper): replace this stub.
func Load(paths ...string) ([]*Briefing, error) {
	return nil, errors.New("knowledge: Load not implemented yet")
}
