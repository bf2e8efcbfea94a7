-- The briefing library: stored briefings, their parse cache, the version
-- counter every instance polls, and the log of adds for the rate limit.
-- {{id}} and {{blob}} are the dialect's auto-increment key and byte types.
CREATE TABLE briefings (
    id {{id}},
    guild TEXT NOT NULL,
    title TEXT NOT NULL,
    publisher TEXT NOT NULL,
    published TEXT NOT NULL,
    url TEXT NOT NULL,
    kind TEXT NOT NULL,
    text TEXT NOT NULL,
    text_hash TEXT NOT NULL,
    added_by TEXT NOT NULL,
    added_at BIGINT NOT NULL
);
CREATE INDEX briefings_guild ON briefings (guild);
CREATE UNIQUE INDEX briefings_guild_hash ON briefings (guild, text_hash);
CREATE TABLE parse_cache (
    text_hash TEXT NOT NULL,
    parser TEXT NOT NULL,
    data {{blob}} NOT NULL,
    PRIMARY KEY (text_hash, parser)
);
CREATE TABLE library_version (
    id INTEGER PRIMARY KEY,
    version BIGINT NOT NULL
);
INSERT INTO library_version (id, version) VALUES (1, 0);
CREATE TABLE adds (
    guild TEXT NOT NULL,
    at BIGINT NOT NULL
);
CREATE INDEX adds_guild_at ON adds (guild, at);
