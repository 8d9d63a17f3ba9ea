-- Conversation handler names are stored as JSON strings, like the keys: PostgreSQL's text cannot hold a NUL
-- character, which a name may contain; JSON escapes it (and the text stays readable).
update ${prefix}conversations set name = to_json(name)::text;
