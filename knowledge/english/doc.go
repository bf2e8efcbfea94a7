// Package english holds the general English word lists briefbot reads news
// with: month and weekday names, honorifics and titles, reporting verbs,
// nouns for roles, groups and organisations, function and stop words,
// irregular forms, number words, abbreviations and demonyms.
//
// Nothing here knows any particular article. The lists are unexported and
// never change; callers use the lookups, which take a word in any case
// unless a function says otherwise. The package uses only the standard
// library and is safe for concurrent use.
package english
