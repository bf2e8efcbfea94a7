// Package bot is everything Discord: the discordgo session (gateway), the
// slash commands, autocomplete and buttons, @mentions and DMs, rendering
// within Discord's limits, and the signed HTTP interactions endpoint. It is
// the only package that imports discordgo.
package bot
