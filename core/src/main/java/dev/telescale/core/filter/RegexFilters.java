package dev.telescale.core.filter;

import dev.telescale.api.types.Message;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PTB's {@code Regex} and {@code CaptionRegex}: {@code re.search} (Java's {@code find()}, never {@code matches()})
 * on the text or caption, passing with the match under {@link FilterResult#MATCHES}.
 */
final class RegexFilters {

    private RegexFilters() {
    }

    static Filter search(String name, Pattern pattern, Function<Message, Optional<String>> field) {
        Objects.requireNonNull(pattern, "pattern");
        return Filter.messageData(name, m -> {
            String value = field.apply(m).orElse("");
            if (value.isEmpty()) {
                return FilterResult.reject();
            }
            Matcher matcher = pattern.matcher(value);
            if (!matcher.find()) {
                return FilterResult.reject();
            }
            return FilterResult.pass(Map.of(FilterResult.MATCHES, List.of(matcher.toMatchResult())));
        });
    }
}
