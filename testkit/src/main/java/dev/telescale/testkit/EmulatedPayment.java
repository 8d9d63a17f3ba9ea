package dev.telescale.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.telescale.testkit.json.Json;
import dev.telescale.testkit.methods.Messages;
import dev.telescale.testkit.state.BotAccount;
import dev.telescale.testkit.state.InvoiceRecord;
import dev.telescale.testkit.state.PendingQuery;
import dev.telescale.testkit.state.UserAccount;
import dev.telescale.testkit.state.World;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A user paying an invoice message, step by step as Telegram runs it: for a flexible invoice a shipping_query
 * (the bot answers with answerShippingQuery), then a pre_checkout_query (the bot answers with
 * answerPreCheckoutQuery); an {@code ok} pre-checkout answer makes the user's client post the successful_payment
 * service message in the invoice's chat (a "message" update for the bot). {@link #complete(Duration)} runs it all.
 */
public final class EmulatedPayment {

    private final World world;
    private final UserAccount user;
    private final InvoiceRecord invoice;
    private ObjectNode orderInfo;
    private PendingQuery shipping;
    private PendingQuery preCheckout;
    private final AtomicReference<ObjectNode> receipt = new AtomicReference<>();

    EmulatedPayment(World world, UserAccount user, InvoiceRecord invoice) {
        this.world = world;
        this.user = user;
        this.invoice = invoice;
        this.orderInfo = defaultOrderInfo();
    }

    /**
     * The outcome of a payment: the bot's answers (null when the step did not happen) and the successful_payment
     * message (null when the payment did not go through).
     */
    public record Result(ObjectNode shippingAnswer, ObjectNode preCheckoutAnswer, ObjectNode successfulPaymentMessage) {

        /** Whether the payment went through. */
        public boolean paid() {
            return successfulPaymentMessage != null;
        }
    }

    /** Replaces the OrderInfo the user fills in (by default: what the invoice asks for, with sample values). */
    public EmulatedPayment orderInfo(ObjectNode orderInfo) {
        this.orderInfo = orderInfo.deepCopy();
        return this;
    }

    /** Whether the invoice has a flexible price (then a shipping query comes first). */
    public boolean flexible() {
        return flag("is_flexible");
    }

    /**
     * Sends the shipping_query update.
     *
     * @return the ShippingQuery JSON
     * @throws IllegalStateException when the invoice is not flexible
     */
    public ObjectNode sendShippingQuery() {
        if (!flexible()) {
            throw new IllegalStateException("Telegram sends shipping queries only for invoices with is_flexible");
        }
        ObjectNode query = Json.object().put("id", world.nextCallbackQueryId());
        query.set("from", user.user());
        query.put("invoice_payload", invoice.params().path("payload").asText());
        JsonNode address = orderInfo.get("shipping_address");
        query.set("shipping_address", address != null ? address : defaultAddress());
        shipping = register("shipping_query", query, null);
        return query;
    }

    /** The bot's answerShippingQuery parameters; AssertionError when it does not answer in time. */
    public ObjectNode awaitShippingAnswer(Duration timeout) {
        if (shipping == null) {
            throw new IllegalStateException("No shipping query was sent; call sendShippingQuery() first");
        }
        return await(shipping, "answerShippingQuery", timeout);
    }

    /**
     * Sends the pre_checkout_query update.
     *
     * @param shippingOptionId the option chosen from the shipping answer (its prices are added), or null
     * @return the PreCheckoutQuery JSON
     */
    public ObjectNode sendPreCheckoutQuery(String shippingOptionId) {
        if (invoice.paid().get()) {
            throw new IllegalStateException("The invoice message " + invoice.messageId() + " was paid already");
        }
        long total = 0;
        for (JsonNode price : json("prices")) {
            total += price.path("amount").asLong();
        }
        if (shippingOptionId != null) {
            JsonNode option = shippingOption(shippingOptionId);
            for (JsonNode price : option.path("prices")) {
                total += price.path("amount").asLong();
            }
        }
        ObjectNode query = Json.object().put("id", world.nextCallbackQueryId());
        query.set("from", user.user());
        query.put("currency", invoice.params().path("currency").asText());
        query.put("total_amount", total);
        query.put("invoice_payload", invoice.params().path("payload").asText());
        if (shippingOptionId != null) {
            query.put("shipping_option_id", shippingOptionId);
        }
        if (!orderInfo.isEmpty()) {
            query.set("order_info", orderInfo);
        }
        preCheckout = register("pre_checkout_query", query, answer -> {
            if (answer.path("ok").asBoolean() && invoice.paid().compareAndSet(false, true)) {
                receipt.set(postReceipt(query));
            }
        });
        return query;
    }

    /** The bot's answerPreCheckoutQuery parameters; AssertionError when it does not answer in time. */
    public ObjectNode awaitPreCheckoutAnswer(Duration timeout) {
        if (preCheckout == null) {
            throw new IllegalStateException("No pre-checkout query was sent; call sendPreCheckoutQuery(..) first");
        }
        return await(preCheckout, "answerPreCheckoutQuery", timeout);
    }

    /** The successful_payment message, once the bot approved the pre-checkout query. */
    public Optional<ObjectNode> successfulPaymentMessage() {
        return Optional.ofNullable(receipt.get());
    }

    /**
     * Runs the whole payment: the shipping query for a flexible invoice (choosing the first option offered; a
     * refusal ends the payment), the pre-checkout query and, when approved, the successful_payment message.
     */
    public Result complete(Duration timeout) {
        ObjectNode shippingAnswer = null;
        String option = null;
        if (flexible()) {
            sendShippingQuery();
            shippingAnswer = awaitShippingAnswer(timeout);
            if (!shippingAnswer.path("ok").asBoolean()) {
                return new Result(shippingAnswer, null, null);
            }
            option = shippingAnswer.path("shipping_options").path(0).path("id").asText();
        }
        sendPreCheckoutQuery(option);
        ObjectNode answer = awaitPreCheckoutAnswer(timeout);
        return new Result(shippingAnswer, answer, receipt.get());
    }

    private PendingQuery register(String kind, ObjectNode query, java.util.function.Consumer<ObjectNode> onAnswered) {
        BotAccount bot = invoice.bot();
        PendingQuery pending = new PendingQuery(kind, query, world.nowMillis(), onAnswered);
        bot.queries().put(pending.id(), pending);
        ObjectNode update = Json.object();
        update.set(kind, query);
        bot.updates().add(update);
        return pending;
    }

    private ObjectNode postReceipt(ObjectNode query) {
        long number = world.nextPaymentNumber();
        ObjectNode payment = Json.object().put("currency", query.path("currency").asText())
                .put("total_amount", query.path("total_amount").asLong())
                .put("invoice_payload", query.path("invoice_payload").asText());
        if (query.has("shipping_option_id")) {
            payment.set("shipping_option_id", query.get("shipping_option_id"));
        }
        if (query.has("order_info")) {
            payment.set("order_info", query.get("order_info"));
        }
        payment.put("telegram_payment_charge_id", "tg_charge_" + number)
                .put("provider_payment_charge_id", "provider_charge_" + number);
        ObjectNode message = Messages.sendFromUser(world, invoice.room(), user, m -> m.set("successful_payment", payment));
        for (BotAccount bot : invoice.room().bots()) {
            ObjectNode update = Json.object();
            update.set("message", message);
            bot.updates().add(update);
        }
        return message;
    }

    private JsonNode shippingOption(String id) {
        if (shipping == null || !shipping.answer().isDone()) {
            throw new IllegalStateException("Choose a shipping option after the bot answered the shipping query");
        }
        for (JsonNode option : shipping.answer().join().path("shipping_options")) {
            if (id.equals(option.path("id").asText())) {
                return option;
            }
        }
        throw new IllegalArgumentException("The bot offered no shipping option '" + id + "'");
    }

    private static ObjectNode await(PendingQuery query, String method, Duration timeout) {
        try {
            return query.answer().get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            throw new AssertionError("The bot did not call " + method + " for query " + query.id() + " within " + timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("Interrupted while waiting for " + method, e);
        } catch (ExecutionException e) {
            throw new AssertionError(e.getCause());
        }
    }

    private ObjectNode defaultOrderInfo() {
        ObjectNode info = Json.object();
        if (flag("need_name")) {
            info.put("name", user.firstName());
        }
        if (flag("need_phone_number")) {
            info.put("phone_number", "+1555" + String.format("%07d", user.id() % 10_000_000));
        }
        if (flag("need_email")) {
            info.put("email", user.user().path("username").asText() + "@example.com");
        }
        if (flag("need_shipping_address") || flag("is_flexible")) {
            info.set("shipping_address", defaultAddress());
        }
        return info;
    }

    private static ObjectNode defaultAddress() {
        return Json.object().put("country_code", "US").put("state", "CA").put("city", "San Francisco")
                .put("street_line1", "1 Market Street").put("street_line2", "").put("post_code", "94105");
    }

    private boolean flag(String name) {
        JsonNode value = invoice.params().get(name);
        return value != null && (value.asBoolean(false) || value.asText().equalsIgnoreCase("true"));
    }

    private JsonNode json(String name) {
        JsonNode value = invoice.params().get(name);
        return value != null && value.isTextual() ? Json.parse(value.asText()) : value;
    }
}
