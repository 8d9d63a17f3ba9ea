package dev.telescale.core.conversation;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * How the states of a persistent conversation are stored: an {@code Integer} or a {@code String} as it is, an enum
 * constant by its {@code name()}; and back. Reading maps a stored name to the handler's enum state of that name, a
 * stored whole number (stores that go through JSON may return a {@code Long}) to the {@code Integer} state, a stored
 * string to the {@code String} state. The handler's states are checked when it is built, so the mapping back is
 * never ambiguous (no enum constant named like a {@code String} state, no two enum states of one name).
 */
final class StoredStates {

    /** The handler's states by stored form, for reading back. */
    private final Map<Object, Object> byStoredForm;

    private StoredStates(Map<Object, Object> byStoredForm) {
        this.byStoredForm = byStoredForm;
    }

    /**
     * The codec of a persistent handler with these states.
     *
     * @throws IllegalArgumentException naming the state when a state cannot be stored, or two states would be
     *                                  stored the same way
     */
    static StoredStates of(Set<Object> states, String handlerName) {
        Map<Object, Object> byForm = new HashMap<>();
        for (Object state : states) {
            if (state instanceof SpecialState) {
                continue; // TIMEOUT and WAITING are handler slots, never stored states
            }
            Object form = storedForm(state).orElseThrow(() -> new IllegalArgumentException("The persistent "
                    + "ConversationHandler '" + handlerName + "' has the state " + state + " of type "
                    + state.getClass().getName() + ", which cannot be stored: use Integer, String or enum states"));
            Object clash = byForm.put(form, state);
            if (clash != null) {
                throw new IllegalArgumentException("The persistent ConversationHandler '" + handlerName + "' has the "
                        + "states " + describe(clash) + " and " + describe(state) + ", which are both stored as \""
                        + form + "\" and could not be told apart when loaded; rename one");
            }
        }
        return new StoredStates(byForm);
    }

    /** What is stored for {@code state}: Integer and String as they are, an enum constant's name; else empty. */
    static Optional<Object> storedForm(Object state) {
        return switch (state) {
            case Integer i -> Optional.of(i);
            case String s -> Optional.of(s);
            case Enum<?> e -> Optional.of(e.name());
            default -> Optional.empty();
        };
    }

    /**
     * The handler's state a stored value stands for; empty when the handler has no such state (a renamed enum
     * constant, a removed state, a value of another type).
     */
    Optional<Object> stateOf(Object stored) {
        Object form = stored;
        if (stored instanceof Long || stored instanceof Short || stored instanceof Byte) {
            long value = ((Number) stored).longValue();
            if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
                return Optional.empty();
            }
            form = (int) value;
        }
        return Optional.ofNullable(byStoredForm.get(form));
    }

    private static String describe(Object state) {
        return state instanceof Enum<?> e ? e.getDeclaringClass().getSimpleName() + "." + e.name()
                : state instanceof String s ? "\"" + s + "\"" : String.valueOf(state);
    }
}
