package dev.telescale.testkit.state;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * An invoice a bot sent with sendInvoice: where it is and the call's parameters (payload, prices, what to ask the
 * payer, whether shipping is flexible), so that a user can pay it. An invoice message is paid once.
 *
 * @param bot       the bot that sent it
 * @param room      its chat
 * @param messageId its message
 * @param params    the sendInvoice parameters; do not modify
 * @param paid      set when a payment succeeded
 */
public record InvoiceRecord(BotAccount bot, ChatRoom room, long messageId, ObjectNode params, AtomicBoolean paid) {

    /** The key of an invoice message in {@link World#invoices()}. */
    public static String key(long chatId, long messageId) {
        return chatId + "/" + messageId;
    }
}
