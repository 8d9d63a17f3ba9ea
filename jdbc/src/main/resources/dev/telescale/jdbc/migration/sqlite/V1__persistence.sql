-- Persistence: one row per user / chat, JSON text. INTEGER PRIMARY KEY is SQLite's 64-bit rowid.
create table ${prefix}user_data (
    id integer primary key,
    data text not null
);
create table ${prefix}chat_data (
    id integer primary key,
    data text not null
);
-- Single values: kind 'bot_data' and 'callback_data'.
create table ${prefix}bot_state (
    kind text primary key,
    data text not null
);
-- Conversation states by handler name and key (a JSON object of the key's parts, in a fixed order).
create table ${prefix}conversations (
    name text not null,
    conv_key text not null,
    state text not null,
    primary key (name, conv_key)
);
