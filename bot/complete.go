package bot

import (
	"cmp"
	"slices"
	"strings"

	"github.com/bwmarrin/discordgo"
)

// choices turns candidate names into autocomplete choices for what the user
// has typed: exact matches first, then names that start with it, then names
// with a word that starts with it, then names that contain it, then the
// rest in the order given (the engine may match on aliases the name does
// not show). Case is ignored, duplicates dropped, and there are at most 25
// choices, however many candidates the engine gives. A name over Discord's
// 100 characters is shown cut with "…"; its value is cut at a word
// boundary, so that it still names the source by whole words.
func choices(typed string, candidates []string) []*discordgo.ApplicationCommandOptionChoice {
	q := strings.ToLower(strings.TrimSpace(typed))
	type ranked struct {
		name string
		rank int
		pos  int
	}
	seen := make(map[string]bool, len(candidates))
	var rs []ranked
	for i, c := range candidates {
		c = strings.TrimSpace(c)
		key := strings.ToLower(c)
		if c == "" || seen[key] {
			continue
		}
		seen[key] = true
		rs = append(rs, ranked{name: c, rank: matchRank(q, key), pos: i})
	}
	slices.SortStableFunc(rs, func(a, b ranked) int { return cmp.Compare(a.rank, b.rank) })
	out := make([]*discordgo.ApplicationCommandOptionChoice, 0, min(len(rs), maxChoices))
	for _, r := range rs[:min(len(rs), maxChoices)] {
		out = append(out, &discordgo.ApplicationCommandOptionChoice{
			Name:  truncate(r.name, maxChoiceName),
			Value: cutWords(r.name, maxChoiceValue), // a value to resolve, so no "…"
		})
	}
	return out
}

// matchRank is 0 for an exact match, 1 for a prefix, 2 for a word prefix,
// 3 for a substring and 4 otherwise. Both arguments are lower case.
func matchRank(q, name string) int {
	switch {
	case q == "":
		return 4
	case name == q:
		return 0
	case strings.HasPrefix(name, q):
		return 1
	case strings.Contains(" "+name, " "+q) || strings.Contains(name, "-"+q):
		return 2
	case strings.Contains(name, q):
		return 3
	}
	return 4
}

// cutWords cuts s to at most n characters, at the last space that keeps
// it within n when there is one.
func cutWords(s string, n int) string {
	cut := cutRunes(s, n)
	if len(cut) == len(s) || s[len(cut)] == ' ' {
		return strings.TrimSpace(cut)
	}
	if i := strings.LastIndexByte(cut, ' '); i > 0 {
		return strings.TrimSpace(cut[:i])
	}
	return cut
}
