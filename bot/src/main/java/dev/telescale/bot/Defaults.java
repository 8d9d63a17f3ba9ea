package dev.telescale.bot;

import com.fasterxml.jackson.databind.JsonNode;
import dev.telescale.api.TelegramJson;
import dev.telescale.api.json.ParameterDefaults;
import dev.telescale.api.types.LinkPreviewOptions;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Values the Bot puts into requests where the caller left a parameter unset, as python-telegram-bot's
 * {@code Defaults}: a default parse mode, silent messages, protected content, a link preview policy.
 *
 * <p>Tri-state, as PTB: a parameter the caller never set takes the default; a parameter set explicitly, even to null
 * ("none"), keeps the caller's value. {@link #parseMode()} also fills {@code explanation_parse_mode},
 * {@code question_parse_mode}, {@code quote_parse_mode} and {@code text_parse_mode}, and applies inside media,
 * poll options and inline results. A default {@link LinkPreviewOptions} is merged field by field into options the
 * caller passes. {@link #doQuote()} is not an API parameter: the Bot ignores it, the dispatcher's reply shortcuts
 * read it. {@link #timeZone()} (UTC by default) is for the parts that deal with local times (job queue, dates
 * without a zone), not for the wire format. Immutable; equal when all fields are equal.
 */
public final class Defaults implements ParameterDefaults {

    private final String parseMode;
    private final Boolean disableNotification;
    private final Boolean protectContent;
    private final LinkPreviewOptions linkPreviewOptions;
    private final Boolean allowSendingWithoutReply;
    private final Boolean doQuote;
    private final ZoneId timeZone;
    /** The JSON fields of the default link preview options, for field-wise merging. */
    private final Map<String, Object> linkPreviewFields;

    private Defaults(Builder b) {
        this.parseMode = b.parseMode;
        this.disableNotification = b.disableNotification;
        this.protectContent = b.protectContent;
        this.linkPreviewOptions = b.linkPreviewOptions;
        this.allowSendingWithoutReply = b.allowSendingWithoutReply;
        this.doQuote = b.doQuote;
        this.timeZone = b.timeZone;
        this.linkPreviewFields = linkPreviewOptions == null ? Map.of() : fieldsOf(linkPreviewOptions);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this object's values. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.parseMode = parseMode;
        b.disableNotification = disableNotification;
        b.protectContent = protectContent;
        b.linkPreviewOptions = linkPreviewOptions;
        b.allowSendingWithoutReply = allowSendingWithoutReply;
        b.doQuote = doQuote;
        b.timeZone = timeZone;
        return b;
    }

    private static Map<String, Object> fieldsOf(LinkPreviewOptions options) {
        JsonNode tree;
        try {
            tree = TelegramJson.mapper().readTree(TelegramJson.write(options));
        } catch (java.io.IOException e) {
            throw new IllegalStateException("Cannot read back LinkPreviewOptions", e);
        }
        Map<String, Object> fields = new HashMap<>();
        tree.properties().forEach(e -> {
            JsonNode v = e.getValue();
            fields.put(e.getKey(), v.isBoolean() ? (Object) v.booleanValue() : v.isTextual() ? v.textValue() : v);
        });
        return Map.copyOf(fields);
    }

    @Override
    public Object valueFor(String ownerTypeName, String jsonName) {
        if ("LinkPreviewOptions".equals(ownerTypeName)) {
            return linkPreviewFields.get(jsonName);
        }
        return switch (jsonName) {
            case "parse_mode", "explanation_parse_mode", "question_parse_mode", "quote_parse_mode",
                 "text_parse_mode" -> parseMode;
            case "disable_notification" -> disableNotification;
            case "protect_content" -> protectContent;
            case "allow_sending_without_reply" -> allowSendingWithoutReply;
            case "link_preview_options" -> linkPreviewOptions;
            default -> null;
        };
    }

    /** Default parse mode ("HTML", "MarkdownV2", "Markdown"). */
    public Optional<String> parseMode() {
        return Optional.ofNullable(parseMode);
    }

    public Optional<Boolean> disableNotification() {
        return Optional.ofNullable(disableNotification);
    }

    public Optional<Boolean> protectContent() {
        return Optional.ofNullable(protectContent);
    }

    public Optional<LinkPreviewOptions> linkPreviewOptions() {
        return Optional.ofNullable(linkPreviewOptions);
    }

    /** Default for {@code ReplyParameters.allow_sending_without_reply}. */
    public Optional<Boolean> allowSendingWithoutReply() {
        return Optional.ofNullable(allowSendingWithoutReply);
    }

    /**
     * Whether reply shortcuts quote the message they answer; empty means PTB's rule (quote in groups, not in private
     * chats). Read by the dispatcher's shortcuts, ignored by the Bot.
     */
    public Optional<Boolean> doQuote() {
        return Optional.ofNullable(doQuote);
    }

    /** Zone for local date-times (job queue, naive times); UTC unless set. */
    public ZoneId timeZone() {
        return timeZone;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Defaults d && Objects.equals(parseMode, d.parseMode)
                && Objects.equals(disableNotification, d.disableNotification)
                && Objects.equals(protectContent, d.protectContent)
                && Objects.equals(linkPreviewOptions, d.linkPreviewOptions)
                && Objects.equals(allowSendingWithoutReply, d.allowSendingWithoutReply)
                && Objects.equals(doQuote, d.doQuote) && timeZone.equals(d.timeZone);
    }

    @Override
    public int hashCode() {
        return Objects.hash(parseMode, disableNotification, protectContent, linkPreviewOptions,
                allowSendingWithoutReply, doQuote, timeZone);
    }

    @Override
    public String toString() {
        return "Defaults[parseMode=" + parseMode + ", disableNotification=" + disableNotification
                + ", protectContent=" + protectContent + ", linkPreviewOptions=" + linkPreviewOptions
                + ", allowSendingWithoutReply=" + allowSendingWithoutReply + ", doQuote=" + doQuote
                + ", timeZone=" + timeZone + "]";
    }

    /** Builds {@link Defaults}; every value is optional, null means "no default". */
    public static final class Builder {
        private String parseMode;
        private Boolean disableNotification;
        private Boolean protectContent;
        private LinkPreviewOptions linkPreviewOptions;
        private Boolean allowSendingWithoutReply;
        private Boolean doQuote;
        private ZoneId timeZone = ZoneOffset.UTC;

        private Builder() {
        }

        public Builder parseMode(String parseMode) {
            this.parseMode = parseMode;
            return this;
        }

        public Builder disableNotification(Boolean disableNotification) {
            this.disableNotification = disableNotification;
            return this;
        }

        public Builder protectContent(Boolean protectContent) {
            this.protectContent = protectContent;
            return this;
        }

        public Builder linkPreviewOptions(LinkPreviewOptions linkPreviewOptions) {
            this.linkPreviewOptions = linkPreviewOptions;
            return this;
        }

        public Builder allowSendingWithoutReply(Boolean allowSendingWithoutReply) {
            this.allowSendingWithoutReply = allowSendingWithoutReply;
            return this;
        }

        public Builder doQuote(Boolean doQuote) {
            this.doQuote = doQuote;
            return this;
        }

        public Builder timeZone(ZoneId timeZone) {
            this.timeZone = Objects.requireNonNull(timeZone, "timeZone");
            return this;
        }

        public Defaults build() {
            return new Defaults(this);
        }
    }
}
