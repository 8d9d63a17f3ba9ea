package dev.telescale.examples;

import dev.telescale.api.methods.SendInvoice;
import dev.telescale.api.types.LabeledPrice;
import dev.telescale.api.types.PreCheckoutQuery;
import dev.telescale.api.types.ShippingOption;
import dev.telescale.api.types.ShippingQuery;
import dev.telescale.core.Application;
import dev.telescale.core.DefaultContext;
import dev.telescale.core.filter.Filters;
import dev.telescale.core.handler.CommandHandler;
import dev.telescale.core.handler.MessageHandler;
import dev.telescale.core.handler.PreCheckoutQueryHandler;
import dev.telescale.core.handler.ShippingQueryHandler;
import java.util.List;

/**
 * Payments (PTB's {@code paymentbot.py}): {@code /shipping} sends an invoice that asks for name, phone, e-mail and a
 * shipping address with flexible prices, {@code /noshipping} one without; shipping queries get two shipping options,
 * pre-checkout queries are accepted when the payload is the bot's, and a successful payment is thanked for.
 *
 * <p>Environment: {@code BOT_TOKEN}, {@code TELEGRAM_API_BASE}, {@code PAYMENT_PROVIDER_TOKEN} (required: from
 * @BotFather's Payments section; see https://core.telegram.org/bots/payments#getting-a-token).
 */
public final class PaymentBot {

    static final String PAYLOAD = "Custom-Payload";

    private PaymentBot() {
    }

    public static void main(String[] args) {
        String provider = Environment.require("PAYMENT_PROVIDER_TOKEN", "your payment provider token (@BotFather)");
        build(Environment.botToken(), Environment.apiBaseUrl(), provider).runPolling(Environment.ALL_UPDATES);
    }

    /** The application with the bot's handlers, charging through {@code providerToken}. */
    public static Application<DefaultContext> build(String token, String apiBaseUrl, String providerToken) {
        Application<DefaultContext> app = Environment.builder(token, apiBaseUrl).build();
        app.addHandler(new CommandHandler<>("start", (update, context) -> context.replyText(
                "Use /shipping to get an invoice for shipping-payment, or /noshipping for an invoice without shipping.")));
        app.addHandler(new CommandHandler<>("shipping", (update, context) -> context.bot().execute(
                invoice(context, providerToken).needName(true).needPhoneNumber(true).needEmail(true)
                        .needShippingAddress(true).isFlexible(true).build())));
        app.addHandler(new CommandHandler<>("noshipping", (update, context) ->
                context.bot().execute(invoice(context, providerToken).build())));
        app.addHandler(new ShippingQueryHandler<>((update, context) -> {
            ShippingQuery query = update.shippingQuery().orElseThrow();
            // Is this the bot's own invoice?
            if (!PAYLOAD.equals(query.invoicePayload())) {
                context.bot().answerShippingQuery(b -> b.shippingQueryId(query.id()).ok(false)
                        .errorMessage("Something went wrong..."));
                return;
            }
            context.bot().answerShippingQuery(b -> b.shippingQueryId(query.id()).ok(true).shippingOptions(
                    option("1", "Shipping Option A", price("A", 100)),
                    option("2", "Shipping Option B", price("B1", 150), price("B2", 200))));
        }));
        app.addHandler(new PreCheckoutQueryHandler<>((update, context) -> {
            PreCheckoutQuery query = update.preCheckoutQuery().orElseThrow();
            if (!PAYLOAD.equals(query.invoicePayload())) {
                context.bot().answerPreCheckoutQuery(b -> b.preCheckoutQueryId(query.id()).ok(false)
                        .errorMessage("Something went wrong..."));
            } else {
                context.bot().answerPreCheckoutQuery(b -> b.preCheckoutQueryId(query.id()).ok(true));
            }
        }));
        app.addHandler(new MessageHandler<>(Filters.SUCCESSFUL_PAYMENT, (update, context) ->
                context.replyText("Thank you for your payment!")));
        return app;
    }

    /** The invoice both commands send: 1 USD (100 cents) for "Test". */
    private static SendInvoice.Builder invoice(DefaultContext context, String providerToken) {
        return SendInvoice.builder().chatId(context.effectiveMessage().orElseThrow().chat().id())
                .title("Payment Example").description("Payment Example using python-telegram-bot")
                .payload(PAYLOAD).providerToken(providerToken).currency("USD").prices(List.of(price("Test", 100)));
    }

    private static ShippingOption option(String id, String title, LabeledPrice... prices) {
        return ShippingOption.builder().id(id).title(title).prices(prices).build();
    }

    private static LabeledPrice price(String label, long amount) {
        return LabeledPrice.builder().label(label).amount(amount).build();
    }
}
