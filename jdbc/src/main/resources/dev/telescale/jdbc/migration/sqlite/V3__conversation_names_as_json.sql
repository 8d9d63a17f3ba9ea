-- Conversation handler names are stored as JSON strings, like the keys (the same layout as on PostgreSQL, whose
-- text cannot hold a NUL character).
update ${prefix}conversations set name = json_quote(name);
