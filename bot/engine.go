package bot

import "github.com/briefbot/briefbot/qa"

// An Engine is what answers one guild's interactions: questions go to its
// Answerer, lists and look-ups to its Catalogue. Both are usually the same
// *qa.Engine; a nil one means that no briefings are loaded for that guild.
type Engine struct {
	Answerer
	Catalogue

	// OneBriefing, when set, is the ID of the one briefing this engine
	// answers from (/ask briefing:); its answers' "More answers" button
	// stays with that briefing.
	OneBriefing string
}

// Both returns the Engine whose answers and catalogue are e.
func Both(e *qa.Engine) Engine {
	if e == nil {
		return Engine{}
	}
	return Engine{Answerer: e, Catalogue: e}
}

var (
	_ Answerer  = (*qa.Engine)(nil)
	_ Catalogue = (*qa.Engine)(nil)
)
