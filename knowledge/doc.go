// Package knowledge turns a news briefing (plain text or Markdown) into the
// structure briefbot answers from: passages split into sentences, direct
// quotes and indirect statements with their speakers, the sources quoted,
// aliases the text defines, and a timeline of dated events resolved against
// the publication date.
//
// knowledge knows nothing about any particular article: everything it knows
// is general English (reporting verbs, titles, month names, organisation
// words), kept in package english; dates are read by package dates. It does
// no I/O beyond reading the paths it is handed, and never logs.
package knowledge
