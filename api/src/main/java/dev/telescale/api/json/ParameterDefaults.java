package dev.telescale.api.json;

/**
 * Supplies default values (the Bot's {@code Defaults}, as in python-telegram-bot) for <em>defaultable</em>
 * optional fields that the caller left unset: {@code parse_mode}, {@code explanation_parse_mode},
 * {@code question_parse_mode}, {@code quote_parse_mode}, {@code text_parse_mode}, {@code disable_notification},
 * {@code protect_content}, {@code allow_sending_without_reply}, {@code link_preview_options} and the fields of
 * {@code LinkPreviewOptions} (which is how a default link preview is merged field by field). A field set
 * explicitly, even to null, is never defaulted.
 */
@FunctionalInterface
public interface ParameterDefaults {

    /**
     * The default for one field, or null for none.
     *
     * @param ownerTypeName the simple Java class name of the object being written ({@code "SendMessage"},
     *                      {@code "InputMediaPhoto"}, {@code "LinkPreviewOptions"})
     * @param jsonName      the field's JSON name ({@code "parse_mode"})
     * @return a {@code String} for {@code *_parse_mode} and {@code url}, a {@code Boolean} for flags, a
     *         {@code LinkPreviewOptions} for {@code link_preview_options}; null when there is no default
     */
    Object valueFor(String ownerTypeName, String jsonName);
}
