package dev.telescale.codegen.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.telescale.codegen.Generate;
import dev.telescale.codegen.Overrides;
import dev.telescale.codegen.emit.Emitter;
import dev.telescale.codegen.spec.SpecReader;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The rule deciding which fields a union declares on its sealed interface, and its outcome on the real spec. */
class CommonFieldsTest {

    private static ApiModel model;

    @BeforeAll
    static void buildModel() throws Exception {
        model = new ModelBuilder(SpecReader.read(Path.of("..", Generate.SPEC)), Overrides.load()).build();
    }

    private static FieldModel field(String json, JType type, boolean required) {
        return new FieldModel(json, json, type, required, "d", false, null, false);
    }

    private static FieldModel constant(String json, String value) {
        return new FieldModel(json, json, JType.STRING, true, "d", false, value, false);
    }

    private static List<String> names(List<FieldModel> fields) {
        return fields.stream().map(FieldModel::jsonName).toList();
    }

    @Test
    void aFieldEveryVariantHasWithTheSameTypeAndRequirednessIsCommon() {
        List<FieldModel> common = CommonFields.of(List.of(
                List.of(field("user", JType.object("User"), true), field("extra", JType.LONG, false)),
                List.of(field("other", JType.STRING, true), field("user", JType.object("User"), true))), null);
        assertEquals(List.of("user"), names(common));
        assertTrue(common.get(0).required());
    }

    @Test
    void theDiscriminatorIsLeftOutBecauseTheInterfaceDeclaresItAlready() {
        List<FieldModel> common = CommonFields.of(List.of(
                List.of(constant("type", "a"), field("date", JType.LONG, true)),
                List.of(constant("type", "b"), field("date", JType.LONG, true))), "type");
        assertEquals(List.of("date"), names(common));
    }

    @Test
    void fieldsMissingFromOneVariantOrDifferingInTypeOrRequirednessAreNotCommon() {
        List<FieldModel> common = CommonFields.of(List.of(
                List.of(field("a", JType.LONG, true), field("b", JType.LONG, true), field("c", JType.STRING, false),
                        field("d", JType.list(JType.object("X")), false)),
                List.of(field("a", JType.DOUBLE, true), field("b", JType.LONG, false), field("d", JType.list(JType.object("Y")), false)),
                List.of(field("a", JType.LONG, true), field("b", JType.LONG, true), field("c", JType.STRING, false),
                        field("d", JType.list(JType.object("X")), false))), null);
        assertEquals(List.of(), names(common));
    }

    @Test
    void optionalFieldsSharedByEveryVariantAreCommonAndStayOptional() {
        List<FieldModel> common = CommonFields.of(List.of(
                List.of(field("caption", JType.STRING, false), field("count", JType.LONG, false)),
                List.of(field("count", JType.LONG, false), field("caption", JType.STRING, false))), null);
        assertEquals(List.of("caption", "count"), names(common));
        assertTrue(common.stream().noneMatch(FieldModel::required));
    }

    @Test
    void aFixedValueCountsAsARequiredStringAndTheOrderIsTheFirstVariants() {
        List<FieldModel> common = CommonFields.of(List.of(
                List.of(field("z", JType.LONG, true), constant("kind", "x")),
                List.of(field("kind", JType.STRING, true), field("z", JType.LONG, true))), "source");
        assertEquals(List.of("z", "kind"), names(common));
        FieldModel kind = common.get(1);
        assertEquals(JType.STRING, kind.type());
        assertTrue(kind.required());
        assertTrue(!kind.isConstant(), "the interface's accessor is abstract, not a fixed value");
    }

    @Test
    void namesTheUnknownVariantUsesForItselfAndEmptyUnionsGiveNothing() {
        assertEquals(List.of(), names(CommonFields.of(List.of(
                List.of(field("json", JType.STRING, true)), List.of(field("json", JType.STRING, true))), null)));
        assertEquals(List.of(), CommonFields.of(List.of(), null));
    }

    @Test
    void onTheSpecChatMemberSharesUserAndMessageOriginSharesDate() {
        Map<String, UnionModel> unions = model.unions().stream()
                .collect(Collectors.toMap(UnionModel::name, Function.identity()));
        assertEquals(List.of("user"), names(unions.get("ChatMember").commonFields()));
        assertEquals(List.of("date"), names(unions.get("MessageOrigin").commonFields()));
        assertEquals(List.of("message_id", "date", "chat"), names(unions.get("MaybeInaccessibleMessage").commonFields()));
        assertEquals(List.of("id", "reply_markup"), names(unions.get("InlineQueryResult").commonFields()));
        assertEquals(List.of(), names(unions.get("ReactionType").commonFields()), "type is the discriminator");
        assertEquals(List.of(), names(unions.get("RichText").commonFields()), "scalar members have no fields");
        assertEquals(List.of(), names(unions.get("ReplyMarkup").commonFields()));
    }

    @Test
    void theUnknownVariantImplementsEveryCommonAccessor() {
        String iface = file("ChatMember");
        String unknown = file("UnknownChatMember");
        assertTrue(iface.contains("    User user();"), iface);
        assertTrue(unknown.contains("public User user() {"), unknown);
        assertTrue(unknown.contains("throw new IllegalStateException(\"UnknownChatMember: "), unknown);
        String origin = file("UnknownMessageOrigin");
        assertTrue(origin.contains("public long date() {") && origin.contains("Long value = ApiReader.readField(json, \"date\", ApiReader::readLong);"), origin);
        String results = file("UnknownInlineQueryResult");
        assertTrue(results.contains("public Optional<InlineKeyboardMarkup> replyMarkup() {")
                && results.contains("return Optional.ofNullable(value);"), results);
        assertTrue(file("InlineQueryResult").contains("import java.util.Optional;"));
    }

    @Test
    void updateTypeListsTheWireNameOfEveryKnownKind() {
        String updateType = file("UpdateType");
        String expected = model.updateKinds().stream().map(k -> "\"" + k + "\"").collect(Collectors.joining(", ",
                "public static final List<String> ALL_TYPES = List.of(", ");"));
        assertTrue(updateType.contains(expected), updateType);
        assertTrue(model.updateKinds().contains("message") && model.updateKinds().contains("chat_member"));
    }

    private static String file(String className) {
        String path = "dev/telescale/api/types/" + className + ".java";
        return Emitter.emit(model).stream().filter(o -> o.path().equals(path)).findFirst().orElseThrow().content();
    }
}
