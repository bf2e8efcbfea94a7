// Package storetest gives tests a fresh database of each dialect: a SQLite
// file in a temporary folder, and a schema of its own in the PostgreSQL
// server that TEST_DATABASE_URL names (.ci/postgres starts one);
// EachDialect, to run a test on both; and DB, a direct handle on either,
// for tests that look behind a Store's back.
//
// Without TEST_DATABASE_URL, or with a server that does not answer, the
// PostgreSQL tests skip with a message saying what to install, except under
// CI=true, where they fail: CI must run them.
package storetest
