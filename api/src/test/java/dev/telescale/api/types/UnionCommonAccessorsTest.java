package dev.telescale.api.types;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.telescale.api.ApiParseException;
import dev.telescale.api.SpecSamples;
import dev.telescale.api.TelegramJson;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The accessors a union declares for the fields all its known variants share: they answer on every variant
 * through the interface, and the unknown variant reads them from its JSON (typed when present; empty, or an
 * exception naming the union and the field, when absent).
 */
class UnionCommonAccessorsTest {

    /** Interface members that are not common-field accessors: ApiObject's own. */
    private static final Set<String> NOT_COMMON = Set.of("read", "unknownFields", "unknownField", "writeTo");

    /** Every (union, variant index, common accessor) of the unions that have common accessors. */
    static List<Arguments> accessors() throws Exception {
        SpecSamples s = SpecSamples.get();
        List<Arguments> args = new ArrayList<>();
        List<String> unions = new ArrayList<>(s.unionNames());
        unions.add("ReplyMarkup");
        for (String union : unions) {
            for (Method m : commonAccessors(union)) {
                for (int i = 0; i < s.variantsOf(union).size(); i++) {
                    args.add(Arguments.of(union, i, m.getName()));
                }
            }
        }
        return args;
    }

    static List<Method> commonAccessors(String union) throws ClassNotFoundException {
        Class<?> type = Class.forName("dev.telescale.api.types." + union);
        return Arrays.stream(type.getDeclaredMethods())
                .filter(m -> !Modifier.isStatic(m.getModifiers()) && m.getParameterCount() == 0)
                .filter(m -> !NOT_COMMON.contains(m.getName()) && !m.getName().equals(discriminator(union)))
                .sorted((a, b) -> a.getName().compareTo(b.getName())).toList();
    }

    /** The accessor naming the variant, declared before this feature (not a common field). */
    private static String discriminator(String union) {
        return switch (union) {
            case "ChatMember" -> "status";
            case "PassportElementError", "ChatBoostSource" -> "source";
            default -> "type";
        };
    }

    @Test
    void theUnionsWithSharedFieldsDeclareThem() throws Exception {
        assertEquals(List.of("user"), names("ChatMember"));
        assertEquals(List.of("date"), names("MessageOrigin"));
        assertEquals(List.of("chat", "date", "messageId"), names("MaybeInaccessibleMessage"));
        assertEquals(List.of("id", "replyMarkup"), names("InlineQueryResult"));
        assertEquals(List.of("message", "type"), names("PassportElementError"));
        assertEquals(List.of(), names("ReactionType"));
        assertEquals(109, accessors().size(), "every variant of every such union, each shared accessor");
    }

    private static List<String> names(String union) throws Exception {
        return commonAccessors(union).stream().map(Method::getName).toList();
    }

    @ParameterizedTest(name = "{0}[{1}].{2}()")
    @MethodSource("accessors")
    void everyVariantAnswersThroughTheInterfaceAndTheUnknownVariantReadsTheSameValue(String union, int index,
            String accessor) throws Exception {
        Class<?> unionClass = Class.forName("dev.telescale.api.types." + union);
        JsonNode json = SpecSamples.get().variant(union, index, 0);
        Object known = TelegramJson.parse(json.toString(), unionClass);
        Method m = unionClass.getMethod(accessor);
        Object value = m.invoke(known);
        assertTrue(present(value), union + "[" + index + "]." + accessor + "() of a fully populated sample");

        Object unknown = unknownOf(union, json);
        assertEquals(value, m.invoke(unknown), "the unknown variant reads the same " + accessor + " from its JSON");
    }

    @ParameterizedTest(name = "{0}[{1}].{2}() absent")
    @MethodSource("accessors")
    void theUnknownVariantWithoutTheFieldIsEmptyOrNamesTheUnionAndField(String union, int index, String accessor)
            throws Exception {
        ObjectNode json = (ObjectNode) SpecSamples.get().variant(union, index, 0).deepCopy();
        String jsonName = snake(accessor);
        assertTrue(json.has(jsonName), jsonName);
        json.remove(jsonName);
        Object unknown = unknownOf(union, json);
        Method m = Class.forName("dev.telescale.api.types." + union).getMethod(accessor);
        Class<?> ret = m.getReturnType();
        if (ret == Optional.class || ret == OptionalLong.class || ret == OptionalDouble.class || ret == List.class
                || ret == boolean.class) {
            assertFalse(present(m.invoke(unknown)), accessor + " is empty when the JSON has no " + jsonName);
            return;
        }
        InvocationTargetException e = assertThrows(InvocationTargetException.class, () -> m.invoke(unknown),
                () -> union + "[" + index + "]." + accessor + "() without " + jsonName);
        IllegalStateException cause = assertInstanceOf(IllegalStateException.class, e.getCause());
        assertTrue(cause.getMessage().contains("Unknown" + union) && cause.getMessage().contains("'" + jsonName + "'"),
                cause.getMessage());
    }

    @Test
    void memberUserNeedsNoSwitch() {
        ChatMember owner = TelegramJson.parse("{\"status\":\"creator\",\"user\":{\"id\":7,\"is_bot\":false,"
                + "\"first_name\":\"O\"},\"is_anonymous\":false}", ChatMember.class);
        ChatMember left = TelegramJson.parse("{\"status\":\"left\",\"user\":{\"id\":8,\"is_bot\":false,"
                + "\"first_name\":\"L\"}}", ChatMember.class);
        assertEquals(7, owner.user().id());
        assertEquals("L", left.user().firstName());
        MessageOrigin origin = TelegramJson.parse("{\"type\":\"hidden_user\",\"date\":1700000000,"
                + "\"sender_user_name\":\"H\"}", MessageOrigin.class);
        assertEquals(1700000000L, origin.date());
    }

    @Test
    void anUnknownChatMemberGivesItsUserTypedAndKeepsTheJson() {
        String json = "{\"status\":\"ghost\",\"user\":{\"id\":9,\"is_bot\":true,\"first_name\":\"G\"},\"haunts\":3}";
        ChatMember m = TelegramJson.parse(json, ChatMember.class);
        assertInstanceOf(UnknownChatMember.class, m);
        assertEquals(9, m.user().id());
        assertTrue(m.user().isBot());
        assertEquals(SpecSamples.tree(json), SpecSamples.tree(TelegramJson.write(m)));
    }

    @Test
    void anUnknownChatMemberWithoutUserThrowsNamingUnionAndField() {
        ChatMember m = TelegramJson.parse("{\"status\":\"ghost\"}", ChatMember.class);
        IllegalStateException e = assertThrows(IllegalStateException.class, m::user);
        assertTrue(e.getMessage().startsWith("UnknownChatMember: ") && e.getMessage().contains("'user'")
                && e.getMessage().contains("json()"), e.getMessage());
        ChatMember nullUser = TelegramJson.parse("{\"status\":\"ghost\",\"user\":null}", ChatMember.class);
        assertThrows(IllegalStateException.class, nullUser::user);
    }

    @Test
    void aMalformedSharedFieldInAnUnknownVariantRaisesAParseErrorWithItsPath() {
        ChatMember m = TelegramJson.parse("{\"status\":\"ghost\",\"user\":{\"id\":\"many\"}}", ChatMember.class);
        ApiParseException e = assertThrows(ApiParseException.class, m::user);
        assertTrue(e.path().startsWith("$.user"), e.path());
        MessageOrigin o = TelegramJson.parse("{\"type\":\"future\",\"date\":[1]}", MessageOrigin.class);
        ApiParseException d = assertThrows(ApiParseException.class, o::date);
        assertEquals("$.date", d.path());
    }

    @Test
    void anUnknownVariantWithAnOptionalSharedFieldReadsIt() {
        InlineQueryResult r = TelegramJson.parse("{\"type\":\"hologram\",\"id\":\"r1\",\"reply_markup\":"
                + "{\"inline_keyboard\":[[{\"text\":\"a\",\"callback_data\":\"b\"}]]}}", InlineQueryResult.class);
        assertInstanceOf(UnknownInlineQueryResult.class, r);
        assertEquals("r1", r.id());
        assertEquals("b", r.replyMarkup().orElseThrow().inlineKeyboard().get(0).get(0).callbackData().orElseThrow());
        InlineQueryResult bare = TelegramJson.parse("{\"type\":\"hologram\",\"id\":\"r2\"}", InlineQueryResult.class);
        assertEquals(Optional.empty(), bare.replyMarkup());
    }

    @Test
    void allTypesIsEveryWireNameButUnknownInOrder() {
        List<String> expected = Arrays.stream(UpdateType.values()).filter(t -> t != UpdateType.UNKNOWN)
                .map(UpdateType::jsonName).toList();
        assertEquals(expected, UpdateType.ALL_TYPES);
        assertEquals(UpdateType.values().length - 1, UpdateType.ALL_TYPES.size());
        assertTrue(UpdateType.ALL_TYPES.containsAll(List.of("message", "chat_member", "message_reaction")));
        assertTrue(UpdateType.ALL_TYPES.stream().allMatch(n -> n != null && !n.isEmpty()));
        assertThrows(UnsupportedOperationException.class, () -> UpdateType.ALL_TYPES.add("x"));
    }

    private static Object unknownOf(String union, JsonNode json) throws Exception {
        Class<?> unknown = Class.forName("dev.telescale.api.types.Unknown" + union);
        return unknown.getMethod("of", JsonNode.class).invoke(null, json);
    }

    private static boolean present(Object value) {
        return switch (value) {
            case null -> false;
            case Optional<?> o -> o.isPresent();
            case OptionalLong o -> o.isPresent();
            case OptionalDouble o -> o.isPresent();
            case List<?> l -> !l.isEmpty();
            case Boolean b -> b;
            default -> true;
        };
    }

    private static String snake(String camel) {
        StringBuilder sb = new StringBuilder();
        for (char c : camel.toCharArray()) {
            sb.append(Character.isUpperCase(c) ? "_" + Character.toLowerCase(c) : String.valueOf(c));
        }
        return sb.toString();
    }
}
