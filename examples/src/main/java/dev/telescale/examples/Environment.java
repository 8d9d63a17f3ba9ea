package dev.telescale.examples;

import dev.telescale.api.types.UpdateType;
import dev.telescale.core.Application;
import dev.telescale.core.ApplicationBuilder;
import dev.telescale.core.DefaultContext;
import dev.telescale.core.updater.PollingOptions;

/**
 * What every example reads from its environment ({@code BOT_TOKEN}, {@code TELEGRAM_API_BASE}) and the polling
 * setup they share, so each example's {@code main} is two lines and its tests build the same application.
 */
final class Environment {

    /** Long polling for every update kind, as PTB's examples run ({@code run_polling(allowed_updates=ALL_TYPES)}). */
    static final PollingOptions ALL_UPDATES = PollingOptions.builder().allowedUpdates(UpdateType.ALL_TYPES).build();

    private Environment() {
    }

    /** {@code BOT_TOKEN}, or the process ends with a hint when it is not set. */
    static String botToken() {
        return require("BOT_TOKEN", "your bot's token (from @BotFather), e.g. BOT_TOKEN=123:abc");
    }

    /** {@code TELEGRAM_API_BASE}, or null for Telegram's own server. */
    static String apiBaseUrl() {
        return optional("TELEGRAM_API_BASE");
    }

    /** The variable's value, or null when it is unset or blank. */
    static String optional(String name) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? null : value.trim();
    }

    /** The variable's value, or the process ends with exit code 2 saying what to set. */
    static String require(String name, String what) {
        String value = optional(name);
        if (value == null) {
            System.err.println("Set " + name + " to " + what);
            System.exit(2);
        }
        return value;
    }

    /**
     * An application builder for the token and, when not null, a Bot API server other than Telegram's; its file
     * downloads then come from the same server's {@code /file}, the layout of Telegram's and of a local Bot API
     * server.
     */
    static ApplicationBuilder<DefaultContext> builder(String token, String apiBaseUrl) {
        ApplicationBuilder<DefaultContext> builder = Application.builder().token(token);
        if (apiBaseUrl != null && !apiBaseUrl.isBlank()) {
            String base = apiBaseUrl.endsWith("/") ? apiBaseUrl.substring(0, apiBaseUrl.length() - 1) : apiBaseUrl;
            builder.apiBaseUrl(base).fileBaseUrl(base + "/file");
        }
        return builder;
    }
}
