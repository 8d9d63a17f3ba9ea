package dev.telescale.core.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.telescale.api.TelegramJson;
import dev.telescale.api.types.Update;
import java.util.List;
import java.util.Map;
import java.util.regex.MatchResult;
import org.junit.jupiter.api.Test;

/** Filter semantics of PTB's filters module (reference §8.1–§8.4, basic filters). */
class FiltersTest {

    private static Update message(String kind, String chatType, String text, boolean command) {
        String entities = command ? ",\"entities\":[{\"type\":\"bot_command\",\"offset\":0,\"length\":"
                + text.split(" ")[0].length() + "}]" : "";
        String textField = text == null ? "" : ",\"text\":\"" + text + "\"";
        return TelegramJson.parse("{\"update_id\":1,\"" + kind + "\":{\"message_id\":1,\"date\":0,\"chat\":{\"id\":1,"
                + "\"type\":\"" + chatType + "\"}" + textField + entities + "}}", Update.class);
    }

    private static Update text(String text) {
        return message("message", "private", text, text.startsWith("/"));
    }

    private static final Update CALLBACK = TelegramJson.parse("{\"update_id\":1,\"callback_query\":{\"id\":\"q\","
            + "\"from\":{\"id\":1,\"is_bot\":false,\"first_name\":\"a\"},\"chat_instance\":\"c\",\"data\":\"d\"}}",
            Update.class);

    @Test
    void basicFiltersOnMessages() {
        assertTrue(Filters.TEXT.check(text("hi")).passed());
        assertTrue(Filters.TEXT.check(text("/start")).passed(), "TEXT includes commands");
        assertFalse(Filters.TEXT.check(message("message", "private", null, false)).passed());
        assertTrue(Filters.COMMAND.check(text("/start x")).passed());
        assertFalse(Filters.COMMAND.check(text("hi")).passed());
        assertTrue(Filters.ALL.check(message("channel_post", "channel", "x", false)).passed());
        assertTrue(Filters.text("yes", "no").check(text("no")).passed());
        assertFalse(Filters.text("yes", "no").check(text("maybe")).passed());
    }

    @Test
    void everyFilterRejectsUpdatesWithoutAMessage() {
        for (Filter f : List.of(Filters.ALL, Filters.TEXT, Filters.COMMAND, Filters.ALL.not(), Filters.TEXT.not(),
                Filters.regex("."), Filters.ChatType.PRIVATE, Filters.UpdateType.MESSAGES)) {
            assertFalse(f.check(CALLBACK).passed(), f.toString());
        }
    }

    @Test
    void chatTypes() {
        assertTrue(Filters.ChatType.PRIVATE.check(message("message", "private", "x", false)).passed());
        assertTrue(Filters.ChatType.GROUP.check(message("message", "group", "x", false)).passed());
        assertTrue(Filters.ChatType.SUPERGROUP.check(message("message", "supergroup", "x", false)).passed());
        assertTrue(Filters.ChatType.CHANNEL.check(message("channel_post", "channel", "x", false)).passed());
        assertTrue(Filters.ChatType.GROUPS.check(message("message", "supergroup", "x", false)).passed());
        assertTrue(Filters.ChatType.GROUPS.check(message("message", "group", "x", false)).passed());
        assertFalse(Filters.ChatType.GROUPS.check(message("message", "private", "x", false)).passed());
    }

    @Test
    void updateTypes() {
        assertTrue(Filters.UpdateType.MESSAGES.check(message("edited_message", "group", "x", false)).passed());
        assertFalse(Filters.UpdateType.MESSAGE.check(message("edited_message", "group", "x", false)).passed());
        assertFalse(Filters.UpdateType.MESSAGES.check(message("channel_post", "channel", "x", false)).passed());
        assertTrue(Filters.UpdateType.CHANNEL_POSTS.check(message("edited_channel_post", "channel", "x", false))
                .passed());
        assertTrue(Filters.UpdateType.EDITED.check(message("edited_channel_post", "channel", "x", false)).passed());
    }

    @Test
    void regexSearchesAnywhereAndCarriesTheMatch() {
        FilterResult r = Filters.regex("(\\d+)").check(text("order 66 now"));
        FilterResult.Pass pass = assertInstanceOf(FilterResult.Pass.class, r);
        MatchResult m = (MatchResult) pass.data().get(FilterResult.MATCHES).get(0);
        assertEquals("66", m.group(1));
        assertFalse(Filters.regex("^\\d").check(text("order 66")).passed());
        assertFalse(Filters.regex(".").check(message("message", "private", null, false)).passed());
    }

    @Test
    void combinatorsShortCircuitMergeDataAndNameThemselves() {
        Filter a = Filters.regex("a(\\w)");
        Filter b = Filters.regex("b(\\w)");
        FilterResult.Pass both = (FilterResult.Pass) a.and(b).check(text("ax by"));
        assertEquals(2, both.data().get(FilterResult.MATCHES).size(), "and concatenates matches");
        FilterResult.Pass either = (FilterResult.Pass) a.or(b).check(text("ax by"));
        assertEquals("ax", ((MatchResult) either.data().get(FilterResult.MATCHES).get(0)).group());
        assertEquals(1, either.data().get(FilterResult.MATCHES).size(), "or keeps only the first side's data");
        assertTrue(a.xor(b).check(text("ax")).passed());
        assertFalse(a.xor(b).check(text("ax by")).passed());
        assertFalse(a.xor(b).check(text("none")).passed());
        assertTrue(Filters.TEXT.and(Filters.COMMAND.not()).check(text("hello")).passed());
        assertFalse(Filters.TEXT.and(Filters.COMMAND.not()).check(text("/start")).passed());
        assertEquals("<Text and <inverted Command>>", Filters.TEXT.and(Filters.COMMAND.not()).toString());
        assertEquals("<Text or Command>", Filters.TEXT.or(Filters.COMMAND).toString());

        Filter explodes = u -> {
            throw new AssertionError("must not be evaluated");
        };
        assertFalse(Filters.COMMAND.and(explodes).check(text("hi")).passed());
        assertTrue(Filters.TEXT.or(explodes).check(text("hi")).passed());
    }

    @Test
    void dataPassesMergeListsPerName() {
        FilterResult.Pass x = FilterResult.pass(Map.of("k", List.of(1)));
        FilterResult.Pass y = FilterResult.pass(Map.of("k", List.of(2), "j", List.of(3)));
        FilterResult.Pass merged = x.merge(y);
        assertEquals(List.of(1, 2), merged.data().get("k"));
        assertEquals(List.of(3), merged.data().get("j"));
        assertEquals(x, x.merge(FilterResult.pass()));
    }

    @Test
    void customFiltersMayReturnNullWhichIsARejection() {
        Filter nullish = Filter.messageData("Nullish", m -> null);
        assertFalse(nullish.check(text("x")).passed());
        Filter longText = Filter.message("Long", m -> m.text().orElse("").length() > 3);
        assertTrue(longText.check(text("hello")).passed());
        assertEquals("Long", longText.toString());
    }
}
