package bot

import (
	"errors"
	"fmt"

	"github.com/bwmarrin/discordgo"
)

// A response is what respond computed: the interaction response to send,
// and the question the engine declined, if it declined one.
type response struct {
	*discordgo.InteractionResponse
	declined string
}

// respond computes the response to one interaction from the engine of its
// guild. It does no I/O and keeps no state, so the gateway and the HTTP
// endpoint both send what it returns, and tests call it directly. The
// response always tells the user something useful; err, when not nil, is
// detail for the log (a malformed or unknown interaction), and the caller
// logs it once. Votes are not its business: they need the feedback store
// (handler.vote).
func respond(e Engine, i *discordgo.Interaction) (response, error) {
	switch i.Type {
	case discordgo.InteractionPing:
		return response{InteractionResponse: &discordgo.InteractionResponse{Type: discordgo.InteractionResponsePong}}, nil
	case discordgo.InteractionApplicationCommand:
		d, ok := i.Data.(discordgo.ApplicationCommandInteractionData)
		if !ok {
			return response{InteractionResponse: message(notice(msgUnreadable))}, fmt.Errorf("command interaction without command data (%T)", i.Data)
		}
		r, declined, err := command(e, d)
		return response{message(r), declined}, err
	case discordgo.InteractionApplicationCommandAutocomplete:
		d, ok := i.Data.(discordgo.ApplicationCommandInteractionData)
		if !ok {
			return response{InteractionResponse: autocompleteResponse(nil)}, fmt.Errorf("autocomplete interaction without command data (%T)", i.Data)
		}
		if e.Catalogue == nil {
			return response{InteractionResponse: autocompleteResponse(nil)}, errNoEngine
		}
		r, err := autocomplete(e.Catalogue, d)
		return response{InteractionResponse: r}, err
	case discordgo.InteractionMessageComponent:
		d, ok := i.Data.(discordgo.MessageComponentInteractionData)
		if !ok {
			return response{InteractionResponse: message(notice(msgUnreadable))}, fmt.Errorf("component interaction without component data (%T)", i.Data)
		}
		r, err := component(e, d, i.Message)
		return response{InteractionResponse: r}, err
	}
	return response{InteractionResponse: message(notice(msgUnreadable))}, fmt.Errorf("unsupported interaction type %d", i.Type)
}

var errNoEngine = errors.New("no engine: no briefings loaded")

// message is a response that posts r as a new message.
func message(r reply) *discordgo.InteractionResponse {
	return &discordgo.InteractionResponse{Type: discordgo.InteractionResponseChannelMessageWithSource, Data: r.data()}
}

// update is a response that replaces the message a button is on with r.
func update(r reply) *discordgo.InteractionResponse {
	return &discordgo.InteractionResponse{Type: discordgo.InteractionResponseUpdateMessage, Data: r.data()}
}

func autocompleteResponse(c []*discordgo.ApplicationCommandOptionChoice) *discordgo.InteractionResponse {
	return &discordgo.InteractionResponse{
		Type: discordgo.InteractionApplicationCommandAutocompleteResult,
		Data: &discordgo.InteractionResponseData{Choices: c},
	}
}

// command answers a slash command: /ask from the engine's answers, /help
// from nothing, the rest from its catalogue. declined is the question /ask
// declined, if it did.
func command(e Engine, d discordgo.ApplicationCommandInteractionData) (r reply, declined string, err error) {
	switch d.Name {
	case cmdHelp:
		return helpReply(), "", nil
	case cmdAsk:
		if e.Answerer == nil {
			return notice(msgNoEngine), "", errNoEngine
		}
		return askCommand(e.Answerer, optionsOf(d), e.OneBriefing)
	case cmdTimeline, cmdSources, cmdQuote, cmdAbout:
		if e.Catalogue == nil {
			return notice(msgNoEngine), "", errNoEngine
		}
		r, err := catalogueCommand(e.Catalogue, d.Name, optionsOf(d))
		return r, "", err
	}
	return notice(msgUnknownCmd), "", fmt.Errorf("unknown command %q", d.Name)
}

// component answers a button click. Stale or foreign custom IDs get a
// friendly ephemeral reply, not an error.
func component(e Engine, d discordgo.MessageComponentInteractionData, m *discordgo.Message) (*discordgo.InteractionResponse, error) {
	b, ok := parseButton(d.CustomID)
	if !ok {
		return message(notice(msgStaleButton)), nil
	}
	switch b.action {
	case actMore, actMoreOne:
		if e.Answerer == nil {
			return message(notice(msgNoEngine)), errNoEngine
		}
		after := b.arg
		if b.action == actMoreOne {
			after = "" // the arg is the briefing, which chose e
		}
		return message(moreAnswers(e.Answerer, m, after)), nil
	case actPara, actTimeline, actSources, actSaid, actQuotes:
		if e.Catalogue == nil {
			return message(notice(msgNoEngine)), errNoEngine
		}
		return catalogueButton(e.Catalogue, b), nil
	}
	return message(notice(msgStaleButton)), nil
}
