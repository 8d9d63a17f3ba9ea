package dev.telescale.core.handler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.telescale.api.types.Update;
import dev.telescale.core.DefaultContext;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** TypeHandler: instances of a class, or exactly the class when strict; custom objects through dispatch. */
class TypeHandlerTest extends HandlerTestBase {

    record PaymentEvent(String id) {
    }

    @Test
    void matchesInstancesOrExactClassesWhenStrict() {
        TypeHandler<Number, DefaultContext> numbers = new TypeHandler<>(Number.class, (n, c) -> { });
        assertTrue(matches(numbers, 42));
        assertTrue(matches(numbers, 4.2));
        assertFalse(matches(numbers, "42"));
        assertFalse(matches(numbers, null));
        assertFalse(matches(numbers.strict(true), 42), "Integer is not exactly Number");
        assertFalse(matches(numbers.strict(true), null));
        assertTrue(matches(numbers.strict(true).strict(false), 42));
        assertTrue(matches(new TypeHandler<Integer, DefaultContext>(Integer.class, (n, c) -> { }).strict(true), 42));
        assertTrue(matches(new TypeHandler<>(Update.class, (u, c) -> { }), textMessage("x")));
        assertTrue(matches(new TypeHandler<>(Object.class, (u, c) -> { }), "anything"));
    }

    @Test
    void customObjectsReachTheTypedCallback() {
        List<String> ids = new CopyOnWriteArrayList<>();
        dispatch(new TypeHandler<>(PaymentEvent.class, (event, c) -> ids.add(event.id())),
                new PaymentEvent("p-1"), "not an event", new PaymentEvent("p-2"));
        assertEquals(List.of("p-1", "p-2"), ids);
    }

    @Test
    void blockFlagStrictCopiesAndBadArguments() {
        TypeHandler<Number, DefaultContext> handler = new TypeHandler<>(Number.class, (n, c) -> { });
        assertEquals(Optional.empty(), handler.explicitBlock());
        assertEquals(Optional.of(false), handler.block(false).strict(true).explicitBlock());
        assertEquals("TypeHandler[java.lang.Number, strict]", handler.strict(true).toString());
        assertThrows(NullPointerException.class, () -> new TypeHandler<Object, DefaultContext>(null, (n, c) -> { }));
        assertThrows(NullPointerException.class, () -> TypeHandler.<Object, DefaultContext>returning(Object.class, null));
    }
}
