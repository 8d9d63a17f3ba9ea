package dev.telescale.core.filter;

import static dev.telescale.core.filter.Updates.message;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.telescale.api.types.Update;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.MatchResult;
import org.junit.jupiter.api.Test;

/** The combinators and custom filters of {@link Filter} (PTB's {@code &}, {@code |}, {@code ^}, {@code ~}, §8.1). */
class FilterTest {

    private static Update text(String text) {
        return message("'text':'" + text + "'");
    }

    private static Update command(String text) {
        return Updates.textWithEntity(text, "bot_command");
    }

    private static List<String> matches(FilterResult result) {
        FilterResult.Pass pass = assertInstanceOf(FilterResult.Pass.class, result);
        List<String> out = new ArrayList<>();
        for (Object m : pass.data().getOrDefault(FilterResult.MATCHES, List.of())) {
            out.add(((MatchResult) m).group());
        }
        return out;
    }

    @Test
    void andNeedsBothAndShortCircuits() {
        Filter plainText = Filters.TEXT.and(Filters.COMMAND.not());
        assertTrue(plainText.check(text("hello")).passed());
        assertFalse(plainText.check(command("/start")).passed());
        assertFalse(plainText.check(message("'caption':'c'")).passed());

        Filter explodes = u -> {
            throw new AssertionError("must not be evaluated");
        };
        assertFalse(Filters.COMMAND.and(explodes).check(text("hi")).passed());
    }

    @Test
    void orNeedsEitherAndShortCircuits() {
        Filter textOrPhoto = Filters.TEXT.or(Filters.PHOTO);
        assertTrue(textOrPhoto.check(text("x")).passed());
        assertTrue(textOrPhoto.check(message("'photo':[{'file_id':'f','file_unique_id':'u','width':1,'height':1}]"))
                .passed());
        assertFalse(textOrPhoto.check(message("'caption':'c'")).passed());
        Filter explodes = u -> {
            throw new AssertionError("must not be evaluated");
        };
        assertTrue(Filters.TEXT.or(explodes).check(text("hi")).passed());
    }

    @Test
    void andConcatenatesTheMatchesOfBothSidesInOrder() {
        Filter both = Filters.regex("a(\\w)").and(Filters.regex("b(\\w)"));
        assertEquals(List.of("ax", "by"), matches(both.check(text("ax by"))));
        assertEquals(List.of("ax"), matches(Filters.regex("a\\w").and(Filters.TEXT).check(text("ax"))),
                "a plain filter adds no data");
        assertEquals(List.of(), matches(Filters.TEXT.and(Filters.ALL).check(text("ax"))));
    }

    @Test
    void orKeepsOnlyTheDataOfTheFirstSideThatPassed() {
        Filter either = Filters.regex("(a?x)").or(Filters.regex("(b?x)"));
        assertEquals(List.of("x"), matches(either.check(text("x"))), "PTB's documented example");
        assertEquals(List.of("bx"), matches(Filters.regex("z").or(Filters.regex("b?x")).check(text("bx"))));
    }

    @Test
    void xorPassesWhenExactlyOneSidePassesWithThatSidesData() {
        Filter a = Filters.regex("a(\\w)");
        Filter b = Filters.regex("b(\\w)");
        assertEquals(List.of("ax"), matches(a.xor(b).check(text("ax"))));
        assertEquals(List.of("by"), matches(a.xor(b).check(text("by"))));
        assertFalse(a.xor(b).check(text("ax by")).passed());
        assertFalse(a.xor(b).check(text("none")).passed());
        assertEquals(List.of("ax"), matches(a.xor(Filters.PHOTO).check(text("ax"))), "(a & ~b): a's data");
        assertEquals(List.of("ax"), matches(Filters.PHOTO.xor(a).check(text("ax"))), "(~a & b): b's data");
    }

    @Test
    void xorEvaluatesAsPtbsTwoBranches() {
        AtomicInteger left = new AtomicInteger();
        AtomicInteger right = new AtomicInteger();
        Filter l = Filter.message("L", m -> {
            left.incrementAndGet();
            return false;
        });
        Filter r = Filter.message("R", m -> {
            right.incrementAndGet();
            return true;
        });
        assertTrue(l.xor(r).check(text("x")).passed());
        // (l & ~r) evaluates l only (it fails); (~l & r) evaluates l again, then r.
        assertEquals(2, left.get());
        assertEquals(1, right.get());
    }

    @Test
    void notInvertsButStillRejectsUpdatesWithoutMessage() {
        assertTrue(Filters.PHOTO.not().check(text("x")).passed());
        assertFalse(Filters.TEXT.not().check(text("x")).passed());
        assertTrue(Filters.TEXT.not().not().check(text("x")).passed());
        assertEquals(Map.of(), ((FilterResult.Pass) Filters.regex("x").not().not().check(text("x"))).data(),
                "an inverted filter is a plain filter: the data is gone");
    }

    @Test
    void everyCombinationRejectsUpdatesWithoutMessage() {
        Filter anything = u -> FilterResult.pass();
        assertTrue(anything.check(Updates.withoutMessage().get(0)).passed(), "a raw lambda decides itself");
        List<Filter> combos = List.of(anything.and(anything), anything.or(anything), anything.xor(anything.not()),
                anything.not(), Filters.ALL.not(), Filters.TEXT.not(), Filters.TEXT.not().not(),
                Filters.PHOTO.or(Filters.PHOTO.not()), Filters.PHOTO.xor(Filters.TEXT.not()));
        for (Update u : Updates.withoutMessage()) {
            for (Filter f : combos) {
                assertFalse(f.check(u).passed(), f + " on update " + u.updateId());
            }
        }
    }

    @Test
    void combinedFiltersPrintLikePtb() {
        assertEquals("<Filters.TEXT and <inverted Filters.COMMAND>>", Filters.TEXT.and(Filters.COMMAND.not())
                .toString());
        assertEquals("<Filters.TEXT or Filters.PHOTO>", Filters.TEXT.or(Filters.PHOTO).toString());
        assertEquals("<Filters.TEXT xor Filters.CAPTION>", Filters.TEXT.xor(Filters.CAPTION).toString());
        assertEquals("<<Filters.ChatType.PRIVATE and Filters.TEXT> or Filters.regex(\"x\")>",
                Filters.ChatType.PRIVATE.and(Filters.TEXT).or(Filters.regex("x")).toString());
    }

    @Test
    void combinedNamesFollowMutableParts() {
        UserFilter admins = Filters.user(1);
        Filter f = admins.and(Filters.TEXT);
        assertEquals("<Filters.user(1) and Filters.TEXT>", f.toString());
        admins.addUserIds(2);
        assertEquals("<Filters.user(1, 2) and Filters.TEXT>", f.toString());
    }

    @Test
    void combinatorsRejectNullOperands() {
        assertThrows(NullPointerException.class, () -> Filters.TEXT.and(null));
        assertThrows(NullPointerException.class, () -> Filters.TEXT.or(null));
        assertThrows(NullPointerException.class, () -> Filters.TEXT.xor(null));
    }

    @Test
    void filtersRejectANullUpdate() {
        assertFalse(Filters.TEXT.check(null).passed());
        assertFalse(Filters.TEXT.not().check(null).passed());
        assertFalse(Filters.user(1).check(null).passed());
    }

    @Test
    void customMessageFilter() {
        Filter longText = Filter.message("LongText", m -> m.text().orElse("").length() > 3);
        assertTrue(longText.check(text("hello")).passed());
        assertFalse(longText.check(text("hi")).passed());
        assertEquals("LongText", longText.toString());
        for (Update u : Updates.withoutMessage()) {
            assertFalse(longText.check(u).passed());
        }
        assertThrows(NullPointerException.class, () -> Filter.message(null, m -> true));
        assertThrows(NullPointerException.class, () -> Filter.message("x", null));
    }

    @Test
    void customUpdateFilterSeesOnlyMessageUpdates() {
        AtomicInteger asked = new AtomicInteger();
        Filter edited = Filter.update("Edited", u -> {
            asked.incrementAndGet();
            return u.editedMessage().isPresent();
        });
        assertTrue(edited.check(Updates.of("edited_message", Updates.PRIVATE, Updates.USER, "'text':'x'"))
                .passed());
        assertFalse(edited.check(text("x")).passed());
        for (Update u : Updates.withoutMessage()) {
            assertFalse(edited.check(u).passed());
        }
        assertEquals(2, asked.get(), "not asked about updates without message");
    }

    @Test
    void customDataFilterPutsItsDataIntoTheResult() {
        Filter order = Filter.messageData("Order", m -> m.text().filter(t -> t.startsWith("#"))
                .<FilterResult>map(t -> FilterResult.pass(Map.of("order", List.of(t.substring(1)))))
                .orElse(FilterResult.reject()));
        FilterResult.Pass pass = assertInstanceOf(FilterResult.Pass.class, order.and(Filters.TEXT)
                .check(text("#42")));
        assertEquals(Map.of("order", List.of("42")), pass.data());
        assertFalse(order.check(text("42")).passed());
        assertFalse(Filter.messageData("Nullish", m -> null).check(text("x")).passed(), "null is a rejection");
        Filter rawNull = u -> null;
        assertFalse(rawNull.and(Filters.ALL).check(text("x")).passed(), "null from a raw lambda is a rejection");
    }

    @Test
    void dataMergeConcatenatesListsPerName() {
        FilterResult.Pass x = FilterResult.pass(Map.of("k", List.of(1)));
        FilterResult.Pass y = FilterResult.pass(Map.of("k", List.of(2), "j", List.of(3)));
        FilterResult.Pass merged = x.merge(y);
        assertEquals(List.of(1, 2), merged.data().get("k"));
        assertEquals(List.of(3), merged.data().get("j"));
        assertSame(x, x.merge(FilterResult.pass()));
        assertSame(y, FilterResult.pass().merge(y));
    }
}
