package dev.telescale.core.conversation;

/**
 * The value of {@link ConversationHandler#END}, {@link ConversationHandler#TIMEOUT} and
 * {@link ConversationHandler#WAITING}: a marker no state of a bot can be equal to (identity equality), printed by
 * its name so warnings and logs read well.
 */
final class SpecialState {

    private final String name;

    SpecialState(String name) {
        this.name = name;
    }

    @Override
    public String toString() {
        return "ConversationHandler." + name;
    }
}
