package dev.telescale.api;

import dev.telescale.api.methods.BotApiMethods;
import java.util.Optional;

/** Finds request classes by method name through the generated registry. */
final class MethodIndex {

    private MethodIndex() {
    }

    static Optional<Class<? extends ApiMethod<?>>> find(String lowerCaseName) {
        return Optional.ofNullable(BotApiMethods.BY_LOWER_CASE_NAME.get(lowerCaseName));
    }
}
