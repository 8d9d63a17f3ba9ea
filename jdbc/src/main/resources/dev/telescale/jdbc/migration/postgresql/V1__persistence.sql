-- Persistence: one row per user / chat, JSON text (text rather than jsonb: stored as written, read back as is).
create table ${prefix}user_data (
    id bigint primary key,
    data text not null
);
create table ${prefix}chat_data (
    id bigint primary key,
    data text not null
);
-- Single values: kind 'bot_data' and 'callback_data'.
create table ${prefix}bot_state (
    kind varchar(32) primary key,
    data text not null
);
-- Conversation states by handler name and key (a JSON object of the key's parts, in a fixed order).
create table ${prefix}conversations (
    name text not null,
    conv_key text not null,
    state text not null,
    primary key (name, conv_key)
);
