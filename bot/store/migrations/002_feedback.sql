-- Feedback: votes on answers and declined questions, each with a keyed hash
-- of the user ID (never the ID itself), and the key, generated once.
CREATE TABLE secrets (
    name TEXT PRIMARY KEY,
    value {{blob}} NOT NULL
);
CREATE TABLE votes (
    guild TEXT NOT NULL,
    ref TEXT NOT NULL,
    user_hash TEXT NOT NULL,
    question TEXT NOT NULL,
    briefings TEXT NOT NULL,
    value INTEGER NOT NULL,
    at BIGINT NOT NULL,
    PRIMARY KEY (guild, ref, user_hash)
);
CREATE INDEX votes_guild_at ON votes (guild, at);
CREATE TABLE declined (
    id {{id}},
    guild TEXT NOT NULL,
    question TEXT NOT NULL,
    briefings TEXT NOT NULL,
    user_hash TEXT NOT NULL,
    at BIGINT NOT NULL
);
CREATE INDEX declined_guild_at ON declined (guild, at);
