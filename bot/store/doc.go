// Package store keeps the briefing library and readers' feedback in a
// database: SQLite in a file (pure Go, modernc.org/sqlite) by default, or
// PostgreSQL (jackc/pgx) for several instances sharing one library.
//
// It holds briefing records (scope, metadata, the extracted briefing text),
// a cache of what knowledge.Parse made of each text (gob, keyed by the
// text's SHA-256 and knowledge.Version, so a restart does not parse again),
// a library version counter bumped in the same transaction as every change
// (instances poll it to notice changes made elsewhere), and the feedback
// tables: votes on answers and declined questions, each with a keyed hash of
// the user ID, never the ID itself. Purge deletes feedback past retention.
//
// The schema is created and upgraded at start by a small embedded migration
// runner (migrations/NNN_name.sql, applied in order inside one transaction,
// recorded in schema_migrations, serialised across instances by an advisory
// lock on PostgreSQL and an immediate transaction on SQLite).
//
// store knows nothing of Discord or of question answering: it does not
// parse briefings and does not group questions itself (Gaps takes the key
// function, qa.ContentKey in cmd). It never logs.
package store
