package dev.telescale.core.filter;

import static dev.telescale.core.filter.Updates.message;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.telescale.api.TelegramJson;
import dev.telescale.api.types.Update;
import dev.telescale.api.types.User;
import org.junit.jupiter.api.Test;

/** {@code Filters.mention}: PTB's {@code Mention} over mention and text-mention entities (§8.3). */
class MentionFiltersTest {

    private static final String BOB = "{'id':42,'is_bot':false,'first_name':'Bob','username':'bob'}";
    private static final String NAMELESS = "{'id':43,'is_bot':false,'first_name':'Nora'}";

    /** "hi @bob" with a mention entity. */
    private static final Update AT_BOB = message("'text':'hi @bob','entities':[{'type':'mention','offset':3,"
            + "'length':4}]");
    /** "hi Bob" with a text mention of Bob. */
    private static final Update TEXT_MENTION_BOB = message("'text':'hi Bob','entities':[{'type':'text_mention',"
            + "'offset':3,'length':3,'user':" + BOB + "}]");

    private static User user(String json) {
        return TelegramJson.parse(json.replace('\'', '"'), User.class);
    }

    @Test
    void byUsernameWithOrWithoutAt() {
        assertTrue(Filters.mention("bob").check(AT_BOB).passed());
        assertTrue(Filters.mention("@bob").check(AT_BOB).passed());
        assertTrue(Filters.mention("alice", "@@bob").check(AT_BOB).passed(), "every leading @ dropped, as PTB");
        assertFalse(Filters.mention("bo").check(AT_BOB).passed());
        assertFalse(Filters.mention("Bob").check(AT_BOB).passed(), "case-sensitive, as PTB");
        assertFalse(Filters.mention("bob").check(message("'text':'hi @bob'")).passed(), "needs the entity");
        assertEquals("Filters.mention(\"bob\")", Filters.mention("@bob").toString());
    }

    @Test
    void byUserIdThroughTextMentions() {
        assertTrue(Filters.mention(42L).check(TEXT_MENTION_BOB).passed());
        assertFalse(Filters.mention(41L).check(TEXT_MENTION_BOB).passed());
        assertFalse(Filters.mention(42L).check(AT_BOB).passed(), "a plain @mention carries no id");
    }

    @Test
    void byUserObject() {
        assertTrue(Filters.mention(user(BOB)).check(AT_BOB).passed(), "by username text");
        assertTrue(Filters.mention(user(BOB)).check(TEXT_MENTION_BOB).passed(), "by id");
        User otherBob = user("{'id':99,'is_bot':false,'first_name':'B','username':'bob'}");
        assertTrue(Filters.mention(otherBob).check(TEXT_MENTION_BOB).passed(), "by the entity user's username");
        Update nameless = message("'text':'hi Nora','entities':[{'type':'text_mention','offset':3,'length':4,"
                + "'user':" + NAMELESS + "}]");
        User otherNameless = user("{'id':44,'is_bot':false,'first_name':'X'}");
        assertTrue(Filters.mention(user(NAMELESS)).check(nameless).passed());
        assertFalse(Filters.mention(otherNameless).check(nameless).passed(), "two missing usernames are not equal");
    }

    @Test
    void utf16OffsetsAndHostileEntities() {
        Update emoji = message("'text':'😀 @bob','entities':[{'type':'mention','offset':3,'length':4}]");
        assertTrue(Filters.mention("bob").check(emoji).passed(), "offsets count UTF-16 units");
        Update outside = message("'text':'hi','entities':[{'type':'mention','offset':1,'length':40}]");
        assertFalse(Filters.mention("bob").check(outside).passed());
        Update negative = message("'text':'hi','entities':[{'type':'mention','offset':-1,'length':1}]");
        assertFalse(Filters.mention("bob").check(negative).passed());
        assertFalse(Filters.mention("bob").check(message("'caption':'@bob','caption_entities':[{'type':'mention',"
                + "'offset':0,'length':4}]")).passed(), "captions do not count, as PTB");
        for (Update u : Updates.withoutMessage()) {
            assertFalse(Filters.mention("bob").check(u).passed());
        }
    }

    @Test
    void badArguments() {
        assertThrows(IllegalArgumentException.class, () -> Filters.mention(new String[0]));
        assertThrows(IllegalArgumentException.class, () -> Filters.mention(new long[0]));
        assertThrows(IllegalArgumentException.class, () -> Filters.mention(new User[0]));
        assertThrows(IllegalArgumentException.class, () -> Filters.mention("@"));
        assertThrows(NullPointerException.class, () -> Filters.mention("a", null));
        assertThrows(NullPointerException.class, () -> Filters.mention((User) null));
    }
}
