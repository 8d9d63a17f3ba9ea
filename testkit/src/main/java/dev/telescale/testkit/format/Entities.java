package dev.telescale.testkit.format;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.LongFunction;

/**
 * The entities a parse_mode parser finds, written out as MessageEntity JSON in Telegram's order (by offset, the
 * longer first); empty entities are dropped, as Telegram drops them.
 */
final class Entities {

    /** One entity under construction. */
    private record Entity(int offset, int length, String type, String url, JsonNode user, String language,
                          String customEmojiId) {
    }

    private final List<Entity> list = new ArrayList<>();
    private final LongFunction<JsonNode> users;

    Entities(LongFunction<JsonNode> users) {
        this.users = users;
    }

    void add(String type, int start, int end) {
        add(new Entity(start, end - start, type, null, null, null, null));
    }

    /** A pre block, with its language when the markup named one. */
    void pre(int start, int end, String language) {
        add(new Entity(start, end - start, "pre", null, null, language, null));
    }

    /** A custom emoji with its sticker id. */
    void customEmoji(int start, int end, String customEmojiId) {
        add(new Entity(start, end - start, "custom_emoji", null, null, null, customEmojiId));
    }

    private void add(Entity entity) {
        if (entity.length() > 0) {
            list.add(entity);
        }
    }

    /** A link: a text_mention for tg://user?id= of a known user, nothing for an unknown one, else text_link. */
    void link(String url, int start, int end) {
        String prefix = "tg://user?id=";
        if (url.regionMatches(true, 0, prefix, 0, prefix.length())) {
            JsonNode user = null;
            try {
                user = users.apply(Long.parseLong(url.substring(prefix.length())));
            } catch (NumberFormatException e) {
                // not a user id: no mention
            }
            if (user != null) {
                add(new Entity(start, end - start, "text_mention", null, user, null, null));
            }
            return;
        }
        if (!url.isEmpty()) {
            add(new Entity(start, end - start, "text_link", url, null, null, null));
        }
    }

    FormattedText finish(String text) {
        list.sort(Comparator.comparingInt(Entity::offset).thenComparing(Comparator.comparingInt(Entity::length).reversed()));
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        for (Entity e : list) {
            ObjectNode node = array.addObject().put("offset", e.offset()).put("length", e.length()).put("type", e.type());
            if (e.url() != null) {
                node.put("url", e.url());
            }
            if (e.user() != null) {
                node.set("user", e.user());
            }
            if (e.language() != null) {
                node.put("language", e.language());
            }
            if (e.customEmojiId() != null) {
                node.put("custom_emoji_id", e.customEmojiId());
            }
        }
        return new FormattedText(text, array);
    }
}

