-- H2 hands out identity values from a cache of 32 and, each time the cache runs out, stores the
-- whole database file from inside the insert that needed the next value. An import of 100,000
-- articles did that 3,125 times, 11 % of its CPU in a profile. A larger cache costs at most a gap
-- of that many ids after a crash. PostgreSQL's sequences cost nothing like it, and their cache is
-- per session (ids would jump by blocks between connections), so there it stays 1 (the
-- identityCache placeholder is set per profile in application.properties).
alter table article alter column id set cache ${identityCache};
