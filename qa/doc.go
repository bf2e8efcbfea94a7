// Package qa answers questions from parsed briefings: it tokenises and stems
// (github.com/kljensen/snowball), indexes every sentence with BM25, ranks by
// the kind of answer the question asks for, and abstains when the briefing
// does not answer. An Engine is built once, is safe for concurrent use, does
// no I/O and never logs.
package qa
