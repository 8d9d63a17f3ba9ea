package dev.telescale.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.telescale.codegen.emit.Emitter;
import dev.telescale.codegen.emit.Javadoc;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Unit checks of the generator's building blocks. */
class OverridesAndNamingTest {

    @Test
    void snakeCaseBecomesCamelCaseAndKeywordsNeedARename() {
        Naming naming = new Naming(Map.of("default", "isDefault"));
        assertEquals("firstName", naming.member("first_name"));
        assertEquals("isDefault", naming.member("default"));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> new Naming(Map.of()).member("class"));
        assertTrue(e.getMessage().contains("javaRenames"));
        assertEquals("SendMessage", Naming.requestClass("sendMessage"));
    }

    @Test
    void javadocEscapesHtmlCommentEndsAndUnicodeEscapes() {
        assertEquals("a &lt;b&gt; &amp; &#42;/ &#64;x &#92;u0041", Javadoc.escape("a <b> & */ @x \\u0041"));
    }

    @Test
    void overridesLoadWithTheReviewedDecisions() throws Exception {
        Overrides o = Overrides.load();
        assertTrue(o.presenceUnions().containsKey("MaybeInaccessibleMessage"));
        assertTrue(o.syntheticUnions().containsKey("ReplyMarkup"));
        assertTrue(o.defaultableFields().contains("parse_mode"));
        assertEquals("RichTextPlain", o.scalarVariants().get("RichText").stringVariant());
    }

    @Test
    void generatesEveryMethodAndType() throws Exception {
        List<Emitter.Output> out = Generate.outputs(Path.of("..", Generate.SPEC));
        long methods = out.stream().filter(f -> f.path().startsWith("dev/telescale/api/methods/")).count();
        long types = out.stream().filter(f -> f.path().startsWith("dev/telescale/api/types/")).count();
        // 180 request classes + the registry; 358 spec types (InputFile is hand-written) - 25 unions as
        // interfaces + ReplyMarkup + 26 unknown variants + RichTextPlain/RichTextSequence + UpdateType.
        assertEquals(181, methods);
        assertEquals(333 + 26 + 26 + 2 + 1, types);
        assertTrue(out.stream().anyMatch(f -> f.path().equals("dev/telescale/bot/BotApi.java")));
    }
}
