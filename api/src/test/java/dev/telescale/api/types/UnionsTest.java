package dev.telescale.api.types;

import static dev.telescale.api.SpecSamples.tree;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.telescale.api.SpecSamples;
import dev.telescale.api.TelegramJson;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every variant of every union parses to its own class and writes back; unknown variants keep their JSON. */
class UnionsTest {

    static List<Arguments> variants() {
        SpecSamples s = SpecSamples.get();
        List<Arguments> args = new ArrayList<>();
        List<String> unions = new ArrayList<>(s.unionNames());
        unions.add("ReplyMarkup");
        for (String union : unions) {
            List<String> variants = s.variantsOf(union);
            for (int i = 0; i < variants.size(); i++) {
                String expected = switch (variants.get(i)) {
                    case "String" -> union + "Plain";
                    case "Array of RichText" -> union + "Sequence";
                    default -> variants.get(i);
                };
                args.add(Arguments.of(union, i, expected));
            }
        }
        return args;
    }

    @ParameterizedTest(name = "{0} as {2}")
    @MethodSource("variants")
    void eachVariantParsesToItsClassAndRoundTrips(String union, int index, String expectedClass) throws Exception {
        Class<?> unionClass = Class.forName("dev.telescale.api.types." + union);
        String json = SpecSamples.get().variant(union, index, 0).toString();
        Object parsed = TelegramJson.parse(json, unionClass);
        assertEquals(expectedClass, parsed.getClass().getSimpleName());
        assertEquals(tree(json), tree(TelegramJson.write(parsed)));
    }

    @Test
    void thereAre25SpecUnionsPlusReplyMarkup() {
        assertEquals(25, SpecSamples.get().unionNames().size());
        assertTrue(ReplyMarkup.class.isSealed());
    }

    @Test
    void unknownReactionTypeKeepsItsJson() {
        String json = "{\"type\":\"sparkle\",\"sparkle_id\":\"s1\",\"intensity\":3}";
        ReactionType r = TelegramJson.parse(json, ReactionType.class);
        UnknownReactionType u = assertInstanceOf(UnknownReactionType.class, r);
        assertEquals("sparkle", u.type());
        assertEquals("s1", u.unknownField("sparkle_id").orElseThrow().asText());
        assertEquals(json, TelegramJson.write(r));
    }

    @Test
    void unknownChatMemberStatusWithDiscriminatorNotFirstKeepsItsJson() {
        String json = "{\"user\":{\"id\":1,\"is_bot\":false,\"first_name\":\"G\"},\"status\":\"ghost\",\"until_date\":5}";
        ChatMember m = TelegramJson.parse(json, ChatMember.class);
        UnknownChatMember u = assertInstanceOf(UnknownChatMember.class, m);
        assertEquals("ghost", u.status());
        assertEquals(tree(json), tree(TelegramJson.write(m)));
    }

    @Test
    void knownVariantIsFoundWhenTheDiscriminatorComesLast() {
        ChatMember m = TelegramJson.parse("{\"user\":{\"id\":1,\"is_bot\":false,\"first_name\":\"O\"},"
                + "\"is_anonymous\":false,\"status\":\"creator\"}", ChatMember.class);
        ChatMemberOwner owner = assertInstanceOf(ChatMemberOwner.class, m);
        assertEquals("O", owner.user().firstName());
        assertEquals("creator", owner.status());
    }

    @Test
    void unknownVariantsOfOtherUnionsRoundTrip() {
        assertUnknown(MessageOrigin.class, UnknownMessageOrigin.class, "{\"type\":\"bot\",\"date\":1,\"bot\":{\"x\":1}}");
        assertUnknown(BackgroundType.class, UnknownBackgroundType.class, "{\"type\":\"video\",\"video_id\":\"v\"}");
        assertUnknown(PaidMedia.class, UnknownPaidMedia.class, "{\"type\":\"hologram\"}");
        assertUnknown(TransactionPartner.class, UnknownTransactionPartner.class, "{\"type\":\"moon\",\"n\":[1,2]}");
        assertUnknown(InputMessageContent.class, UnknownInputMessageContent.class, "{\"dice_emoji\":\"x\"}");
        assertUnknown(ReplyMarkup.class, UnknownReplyMarkup.class, "{\"mind_control\":true}");
        assertUnknown(MaybeInaccessibleMessage.class, UnknownMaybeInaccessibleMessage.class, "{\"chat\":{\"id\":1,\"type\":\"private\"}}");
        assertUnknown(RichText.class, UnknownRichText.class, "{\"type\":\"blink\",\"text\":\"b\"}");
        assertUnknown(RichText.class, UnknownRichText.class, "42");
        assertUnknown(MenuButton.class, UnknownMenuButton.class, "{}");
    }

    private static void assertUnknown(Class<?> union, Class<?> unknown, String json) {
        Object parsed = TelegramJson.parse(json, union);
        assertInstanceOf(unknown, parsed);
        assertEquals(tree(json), tree(TelegramJson.write(parsed)));
    }

    @Test
    void maybeInaccessibleMessageIsDecidedByDate() {
        MaybeInaccessibleMessage gone = TelegramJson.parse(
                "{\"chat\":{\"id\":1,\"type\":\"private\"},\"message_id\":4,\"date\":0}", MaybeInaccessibleMessage.class);
        assertInstanceOf(InaccessibleMessage.class, gone);
        MaybeInaccessibleMessage here = TelegramJson.parse(
                "{\"message_id\":4,\"date\":17,\"chat\":{\"id\":1,\"type\":\"private\"},\"text\":\"hi\"}", MaybeInaccessibleMessage.class);
        assertEquals("hi", assertInstanceOf(Message.class, here).text().orElseThrow());
    }

    @Test
    void inlineQueryResultsSharingATypeAreToldApartByTheirFields() {
        InlineQueryResult cached = TelegramJson.parse(
                "{\"type\":\"photo\",\"id\":\"1\",\"photo_file_id\":\"f\"}", InlineQueryResult.class);
        assertInstanceOf(InlineQueryResultCachedPhoto.class, cached);
        InlineQueryResult byUrl = TelegramJson.parse(
                "{\"type\":\"photo\",\"id\":\"1\",\"photo_url\":\"https://x/p.jpg\",\"thumbnail_url\":\"https://x/t.jpg\"}",
                InlineQueryResult.class);
        assertInstanceOf(InlineQueryResultPhoto.class, byUrl);
    }

    @Test
    void richTextIsPlainStringSequenceOrObject() {
        RichText plain = TelegramJson.parse("\"hello\"", RichText.class);
        assertEquals("hello", assertInstanceOf(RichTextPlain.class, plain).text());
        RichText seq = TelegramJson.parse("[\"a\",{\"type\":\"bold\",\"text\":\"b\"},[\"c\"]]", RichText.class);
        RichTextSequence s = assertInstanceOf(RichTextSequence.class, seq);
        assertEquals(3, s.parts().size());
        assertInstanceOf(RichTextBold.class, s.parts().get(1));
        assertInstanceOf(RichTextSequence.class, s.parts().get(2));
        assertEquals("[\"a\",{\"type\":\"bold\",\"text\":\"b\"},[\"c\"]]", TelegramJson.write(seq));
    }

    @Test
    void variantsWriteTheirDiscriminatorWithoutBeingToldIt() {
        ReactionTypeEmoji emoji = ReactionTypeEmoji.builder().emoji("👍").build();
        assertEquals("{\"type\":\"emoji\",\"emoji\":\"👍\"}", TelegramJson.write(emoji));
        JsonNode raw = SpecSamples.tree("{\"type\":\"x\"}");
        assertEquals("x", UnknownReactionType.of(raw).type());
    }
}
