package dev.telescale.core;

import dev.telescale.core.data.DataStore;
import dev.telescale.core.job.Job;

/**
 * What a new callback context is made of (the application, the data store, and the update, error or job it is
 * for): handed by the Application to a {@link ContextFactory} and on to the {@link CallbackContext} constructor.
 * Opaque on purpose: the context's accessors expose its parts.
 *
 * @param <U> user data type
 * @param <C> chat data type
 * @param <B> bot data type
 */
public final class ContextSeed<U, C, B> {

    final Application<?> application;
    final DataStore<U, C, B> data;
    final Object update;
    final Long chatId;
    final Long userId;
    final Throwable error;
    final Job<?> job;
    final WebhookReplySlot reply;

    ContextSeed(Application<?> application, DataStore<U, C, B> data, Object update, Long chatId, Long userId,
                Throwable error, Job<?> job, WebhookReplySlot reply) {
        this.application = application;
        this.data = data;
        this.update = update;
        this.chatId = chatId;
        this.userId = userId;
        this.error = error;
        this.job = job;
        this.reply = reply;
    }

    @Override
    public String toString() {
        return "ContextSeed[chatId=" + chatId + ", userId=" + userId + (error != null ? ", error" : "")
                + (job != null ? ", job" : "") + "]";
    }
}
