// Package webpage turns a news web page (HTML) into briefing text that
// knowledge.Parse reads: the article extracted by a Readability port
// (codeberg.org/readeck/go-readability/v2), with its paragraphs, subheadings
// and captions, under a key: value header whose title, publisher,
// publication date and URL come from the page's metadata (JSON-LD,
// Open Graph and article: tags, <link rel=canonical>).
//
// It is the one knowledge package with a third-party dependency, kept apart
// so that knowledge itself stays on the standard library. Like knowledge, it
// is a pure function of what it is handed: it does no I/O (the caller
// fetches the page) and never logs.
package webpage
