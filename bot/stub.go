package bot

import "github.com/briefbot/briefbot/qa"

var _ Engine = (*qa.Engine)(nil)
