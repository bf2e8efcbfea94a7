// Command wordnetgen turns Princeton WordNet 3.0's database files (index.*,
// data.* and *.exc, in the format of wndb(5WN)) into the related-words table
// that package qa embeds as wordnet.table. It is run by go generate in qa:
//
//	apt-get install -y wordnet-base    # WordNet 3.0 in /usr/share/wordnet
//	go generate -run wordnetgen ./qa
//
// The table holds, for the snowball stem of every one-word lemma, the stems
// of the lemmas related to it, each with the kind of relation and the sense
// ranks of both ends; and WordNet's irregular forms ("went" → go). A phrasal
// verb, a word and a particle ("step down", "carry out"), is a term of its
// own: the word's stem, "_" and the particle (step_down, carri_out). Other
// multi-word lemmas are left out, except that the head of a compound noun
// ("capital" in "capital of France", "vehicle" in "motor vehicle") relates
// the nouns it names or classes. With -gloss-senses n, each word also relates to the
// words of the definitions of its first n senses ("passenger" to "ride",
// from "a traveler riding in a vehicle"), and they back to it, leaving out
// words used in more than -gloss-uses definitions. The same input gives the
// same bytes: the header records a SHA-256 of the input files and carries
// WordNet's licence notice.
package main
