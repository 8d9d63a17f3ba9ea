package dev.telescale.core.filter;

import static dev.telescale.core.filter.Updates.message;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.telescale.api.types.Update;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The namespaces ChatType, UpdateType, Document, Sticker, Dice and SenderChat (§8.3, §8.4). */
class NamespaceFiltersTest {

    private static Update inChat(String type) {
        return Updates.of("message", "{'id':-1,'type':'" + type + "','title':'T'}", Updates.USER, "'text':'x'");
    }

    private static Update document(String fileName, String mimeType) {
        String name = fileName == null ? "" : ",'file_name':'" + fileName + "'";
        String mime = mimeType == null ? "" : ",'mime_type':'" + mimeType + "'";
        return message("'document':{'file_id':'f','file_unique_id':'u'" + name + mime + "}");
    }

    private static Update sticker(boolean animated, boolean video, boolean premium) {
        return message("'sticker':{'file_id':'f','file_unique_id':'u','type':'regular','width':1,'height':1,"
                + "'is_animated':" + animated + ",'is_video':" + video
                + (premium ? ",'premium_animation':{'file_id':'p','file_unique_id':'q'}" : "") + "}");
    }

    private static Update dice(String emoji, int value) {
        return message("'dice':{'emoji':'" + emoji + "','value':" + value + "}");
    }

    private static void onlyPasses(Filter f, Update passing, Update... rejected) {
        assertTrue(f.check(passing).passed(), f + " passes");
        for (Update u : rejected) {
            assertFalse(f.check(u).passed(), f + " rejects");
        }
        for (Update u : Updates.withoutMessage()) {
            assertFalse(f.check(u).passed(), f + " without message");
            assertFalse(f.not().check(u).passed(), f + " inverted without message");
        }
    }

    @Test
    void chatTypes() {
        onlyPasses(Filters.ChatType.PRIVATE, message("'text':'x'"), inChat("group"));
        onlyPasses(Filters.ChatType.GROUP, inChat("group"), inChat("supergroup"));
        onlyPasses(Filters.ChatType.SUPERGROUP, inChat("supergroup"), inChat("group"));
        onlyPasses(Filters.ChatType.CHANNEL, Updates.of("channel_post", "{'id':-1,'type':'channel'}", null, "'text':'x'"),
                inChat("supergroup"));
        onlyPasses(Filters.ChatType.GROUPS, inChat("group"), message("'text':'x'"), inChat("channel"));
        assertTrue(Filters.ChatType.GROUPS.check(inChat("supergroup")).passed());
        assertEquals("Filters.ChatType.PRIVATE", Filters.ChatType.PRIVATE.toString());
    }

    @Test
    void updateTypes() {
        Map<String, Update> byKind = new java.util.LinkedHashMap<>();
        for (String kind : List.of("message", "edited_message", "channel_post", "edited_channel_post",
                "business_message", "edited_business_message", "guest_message")) {
            byKind.put(kind, Updates.of(kind, Updates.PRIVATE, Updates.USER, "'text':'x'"));
        }
        Map<Filter, List<String>> expected = Map.ofEntries(
                Map.entry(Filters.UpdateType.MESSAGE, List.of("message")),
                Map.entry(Filters.UpdateType.EDITED_MESSAGE, List.of("edited_message")),
                Map.entry(Filters.UpdateType.MESSAGES, List.of("message", "edited_message")),
                Map.entry(Filters.UpdateType.CHANNEL_POST, List.of("channel_post")),
                Map.entry(Filters.UpdateType.EDITED_CHANNEL_POST, List.of("edited_channel_post")),
                Map.entry(Filters.UpdateType.CHANNEL_POSTS, List.of("channel_post", "edited_channel_post")),
                Map.entry(Filters.UpdateType.EDITED, List.of("edited_message", "edited_channel_post",
                        "edited_business_message")),
                Map.entry(Filters.UpdateType.BUSINESS_MESSAGE, List.of("business_message")),
                Map.entry(Filters.UpdateType.EDITED_BUSINESS_MESSAGE, List.of("edited_business_message")),
                Map.entry(Filters.UpdateType.BUSINESS_MESSAGES, List.of("business_message",
                        "edited_business_message")),
                Map.entry(Filters.UpdateType.GUEST_MESSAGE, List.of("guest_message")));
        expected.forEach((filter, kinds) -> {
            byKind.forEach((kind, update) -> assertEquals(kinds.contains(kind), filter.check(update).passed(),
                    filter + " on " + kind));
            for (Update u : Updates.withoutMessage()) {
                assertFalse(filter.check(u).passed());
                assertFalse(filter.not().check(u).passed());
            }
        });
        assertEquals("Filters.UpdateType.GUEST_MESSAGE", Filters.UpdateType.GUEST_MESSAGE.toString());
    }

    @Test
    void documentCategoriesAndMimeTypes() {
        onlyPasses(Filters.Document.ALL, document("a.txt", "text/plain"), message("'text':'x'"));
        onlyPasses(Filters.Document.APPLICATION, document("a", "application/zip"), document("a", "text/plain"),
                document("a", null));
        onlyPasses(Filters.Document.AUDIO, document("a", "audio/ogg"), document("a", "video/mp4"));
        onlyPasses(Filters.Document.IMAGE, document("a", "image/png"), document("a", "audio/ogg"));
        onlyPasses(Filters.Document.VIDEO, document("a", "video/webm"), document("a", "image/png"));
        onlyPasses(Filters.Document.TEXT, document("a", "text/csv"), document("a", "Text/csv"));
        onlyPasses(Filters.Document.category("image/sv"), document("a", "image/svg+xml"), document("a", "image/png"));
        Map<Filter, String> mimes = Map.ofEntries(
                Map.entry(Filters.Document.APK, "application/vnd.android.package-archive"),
                Map.entry(Filters.Document.DOC, "application/msword"),
                Map.entry(Filters.Document.DOCX,
                        "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
                Map.entry(Filters.Document.EXE, "application/octet-stream"),
                Map.entry(Filters.Document.GIF, "image/gif"),
                Map.entry(Filters.Document.JPG, "image/jpeg"),
                Map.entry(Filters.Document.MP3, "audio/mpeg"),
                Map.entry(Filters.Document.MP4, "video/mp4"),
                Map.entry(Filters.Document.PDF, "application/pdf"),
                Map.entry(Filters.Document.PY, "text/x-python"),
                Map.entry(Filters.Document.SVG, "image/svg+xml"),
                Map.entry(Filters.Document.TXT, "text/plain"),
                Map.entry(Filters.Document.TARGZ, "application/x-compressed-tar"),
                Map.entry(Filters.Document.WAV, "audio/x-wav"),
                Map.entry(Filters.Document.XML, "text/xml"),
                Map.entry(Filters.Document.ZIP, "application/zip"));
        mimes.forEach((filter, mime) -> {
            onlyPasses(filter, document("f", mime), document("f", mime + "x"), document("f", null));
            assertEquals("Filters.Document.mimeType(\"" + mime + "\")", filter.toString());
        });
        onlyPasses(Filters.Document.mimeType("application/pdf"), document("a.pdf", "application/pdf"),
                document("a.pdf", "Application/PDF"));
    }

    @Test
    void documentFileExtensionsFollowPtbsRules() {
        Filter jpg = Filters.Document.fileExtension("jpg");
        onlyPasses(jpg, document("photo.JPG", null), document("photo.jpeg", null), document("jpg", null),
                document(null, "image/jpeg"));
        assertEquals("Filters.Document.fileExtension(\"jpg\")", Filters.Document.fileExtension("JPG").toString());
        onlyPasses(Filters.Document.fileExtension(".jpg"), document("a..jpg", null), document("a.jpg", null));
        onlyPasses(Filters.Document.fileExtension("tar.gz"), document("x.TAR.GZ", null), document("x.gz", null));
        Filter dockerfile = Filters.Document.fileExtension("Dockerfile", true);
        onlyPasses(dockerfile, document("app.Dockerfile", null), document("app.dockerfile", null));
        assertEquals("Filters.Document.fileExtension(\"Dockerfile\", true)", dockerfile.toString());
        onlyPasses(Filters.Document.NO_FILE_EXTENSION, document("Makefile", null), document("a.b", null),
                document(null, "text/plain"));
        assertThrows(IllegalArgumentException.class, () -> Filters.Document.fileExtension(""));
        assertThrows(NullPointerException.class, () -> Filters.Document.fileExtension(null));
        assertThrows(IllegalArgumentException.class, () -> Filters.Document.mimeType(""));
        assertThrows(IllegalArgumentException.class, () -> Filters.Document.category(""));
        assertThrows(NullPointerException.class, () -> Filters.Document.category(null));
    }

    @Test
    void stickers() {
        Update plain = sticker(false, false, false);
        Update animated = sticker(true, false, false);
        Update video = sticker(false, true, false);
        Update premium = sticker(false, false, true);
        onlyPasses(Filters.Sticker.ALL, plain, message("'text':'x'"));
        onlyPasses(Filters.Sticker.ANIMATED, animated, plain, video);
        onlyPasses(Filters.Sticker.STATIC, plain, animated, video, message("'text':'x'"));
        assertTrue(Filters.Sticker.STATIC.check(premium).passed());
        onlyPasses(Filters.Sticker.VIDEO, video, animated, plain);
        onlyPasses(Filters.Sticker.PREMIUM, premium, plain);
        assertEquals("Filters.Sticker.STATIC", Filters.Sticker.STATIC.toString());
    }

    @Test
    void diceByEmojiAndValue() {
        Map<Filter, String> byEmoji = Map.of(Filters.Dice.BASKETBALL, "🏀", Filters.Dice.BOWLING, "🎳",
                Filters.Dice.DARTS, "🎯", Filters.Dice.DICE, "🎲", Filters.Dice.FOOTBALL, "⚽",
                Filters.Dice.SLOT_MACHINE, "🎰");
        byEmoji.forEach((filter, emoji) -> {
            for (String other : byEmoji.values()) {
                assertEquals(other.equals(emoji), filter.check(dice(other, 1)).passed(), filter + " on " + other);
            }
            assertTrue(Filters.Dice.ALL.check(dice(emoji, 3)).passed());
        });
        onlyPasses(Filters.Dice.ALL, dice("🎲", 1), message("'text':'🎲'"));
        onlyPasses(Filters.Dice.darts(6), dice("🎯", 6), dice("🎯", 5), dice("🎲", 6));
        onlyPasses(Filters.Dice.basketball(4, 5), dice("🏀", 5), dice("🏀", 3), dice("⚽", 5));
        onlyPasses(Filters.Dice.bowling(6), dice("🎳", 6), dice("🎳", 1));
        onlyPasses(Filters.Dice.dice(1), dice("🎲", 1), dice("🎲", 2), dice("🎯", 1));
        onlyPasses(Filters.Dice.football(5), dice("⚽", 5), dice("⚽", 1));
        onlyPasses(Filters.Dice.slotMachine(64), dice("🎰", 64), dice("🎰", 1));
        assertEquals("Filters.Dice.darts(6)", Filters.Dice.darts(6).toString());
        assertEquals("Filters.Dice.DARTS", Filters.Dice.DARTS.toString());
        assertThrows(IllegalArgumentException.class, () -> Filters.Dice.darts());
    }

    @Test
    void senderChatKinds() {
        Update anonymousAdmin = Updates.of("message", "{'id':-1,'type':'supergroup'}", null,
                "'text':'x','sender_chat':{'id':-1,'type':'supergroup','title':'G'}");
        Update asChannel = Updates.of("message", "{'id':-1,'type':'supergroup'}", null,
                "'text':'x','sender_chat':{'id':-2,'type':'channel','title':'C'}");
        onlyPasses(Filters.SenderChat.ALL, anonymousAdmin, message("'text':'x'"));
        assertTrue(Filters.SenderChat.ALL.check(asChannel).passed());
        onlyPasses(Filters.SenderChat.SUPER_GROUP, anonymousAdmin, asChannel, message("'text':'x'"));
        onlyPasses(Filters.SenderChat.CHANNEL, asChannel, anonymousAdmin, message("'text':'x'"));
    }
}
