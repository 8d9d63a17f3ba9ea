package dev.telescale.core.handler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.telescale.api.types.Update;
import dev.telescale.core.DefaultContext;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** ShippingQueryHandler: shipping queries only. */
class ShippingQueryHandlerTest extends HandlerTestBase {

    static Update shipping() {
        return update("shipping_query", "{\"id\":\"s1\",\"from\":" + user(5) + ",\"invoice_payload\":\"p\","
                + "\"shipping_address\":{\"country_code\":\"DE\",\"state\":\"\",\"city\":\"Berlin\","
                + "\"street_line1\":\"A 1\",\"street_line2\":\"\",\"post_code\":\"10115\"}}");
    }

    @Test
    void matchesShippingQueriesOnly() {
        ShippingQueryHandler<DefaultContext> h = new ShippingQueryHandler<>((u, c) -> { });
        assertTrue(matches(h, shipping()));
        assertFalse(matches(h, PreCheckoutQueryHandlerTest.preCheckout("p")));
        assertFalse(matches(h, "shipping"));
        assertEquals(Optional.empty(), h.explicitBlock());
        assertEquals(Optional.of(false), ShippingQueryHandler.returning((u, c) -> null).block(false).explicitBlock());
    }
}
