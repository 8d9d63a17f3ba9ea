package dev.telescale.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.telescale.bot.Bot;
import dev.telescale.bot.callbackdata.CallbackDataCache;
import dev.telescale.bot.ratelimit.DefaultRateLimiter;
import dev.telescale.bot.ratelimit.RateLimiter;
import dev.telescale.core.filter.Filters;
import dev.telescale.core.handler.MessageHandler;
import dev.telescale.core.job.JobQueue;
import dev.telescale.core.processor.OrderedProcessor;
import dev.telescale.core.processor.UpdateProcessor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Builder defaults, conflicts named at build(), context types. */
class ApplicationBuilderTest {

    private static final String TOKEN = "123456:" + "A".repeat(35);

    @Test
    void aTokenIsAllItTakes() {
        Application<DefaultContext> app = Application.builder().token(TOKEN).build();
        assertInstanceOf(OrderedProcessor.class, app.updateProcessor(), "ordered per chat and user is the default");
        assertTrue(app.jobQueue().isPresent());
        assertTrue(app.updater().isPresent());
        assertEquals(123456, app.bot().id());
        assertTrue(!app.toString().contains("AAAA"), app.toString());
    }

    @Test
    void withoutTokenOrBotBuildFails() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Application.builder().build());
        assertTrue(e.getMessage().contains("token"), e.getMessage());
    }

    @Test
    void arbitraryCallbackDataAndRateLimiterAreBotOptionsThatSurviveContextTypes() {
        RateLimiter limiter = DefaultRateLimiter.create();
        Application<DefaultContext> app = Application.builder().token(TOKEN).arbitraryCallbackData(16)
                .rateLimiter(limiter).contextTypes(ContextTypes.defaults()).build();
        try {
            assertEquals(16, app.bot().callbackDataCache().orElseThrow().maxSize());
            assertSame(limiter, app.bot().rateLimiter().orElseThrow());
        } finally {
            app.bot().shutdown();
        }
        Application<DefaultContext> defaults = Application.builder().token(TOKEN).arbitraryCallbackData(true).build();
        assertEquals(CallbackDataCache.DEFAULT_MAX_SIZE, defaults.bot().callbackDataCache().orElseThrow().maxSize());
        defaults.bot().shutdown();
        Application<DefaultContext> off = Application.builder().token(TOKEN).arbitraryCallbackData(true)
                .botOptions(b -> b.arbitraryCallbackData(false)).build();
        assertTrue(off.bot().callbackDataCache().isEmpty(), "botOptions come after the shortcuts");
        off.bot().shutdown();
    }

    @Test
    void badCallbackDataSizeAndAShortcutWithAReadyBotAreRefused() {
        IllegalArgumentException size = assertThrows(IllegalArgumentException.class,
                () -> Application.builder().arbitraryCallbackData(0));
        assertTrue(size.getMessage().contains("arbitraryCallbackData(false)"), size.getMessage());
        assertThrows(NullPointerException.class, () -> Application.builder().rateLimiter(null));
        Bot bot = Bot.builder().token(TOKEN).build();
        try {
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> Application.builder().bot(bot).arbitraryCallbackData(true).build());
            assertTrue(e.getMessage().contains("bot(...)") && e.getMessage().contains("arbitraryCallbackData(...)"),
                    e.getMessage());
        } finally {
            bot.shutdown();
        }
    }

    @Test
    void conflictingOptionsNameBoth() {
        Bot bot = Bot.builder().token(TOKEN).build();
        try {
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> Application.builder().bot(bot).apiBaseUrl("http://localhost:1").build());
            assertTrue(e.getMessage().contains("bot(...)") && e.getMessage().contains("apiBaseUrl(...)"),
                    e.getMessage());
            e = assertThrows(IllegalStateException.class, () -> Application.builder().token(TOKEN)
                    .updateProcessor(UpdateProcessor.sequential()).concurrentUpdates(4).build());
            assertTrue(e.getMessage().contains("updateProcessor(...)") && e.getMessage().contains("concurrentUpdates"),
                    e.getMessage());
            e = assertThrows(IllegalStateException.class, () -> Application.builder().token(TOKEN)
                    .jobQueue(new JobQueue<>()).noJobQueue().build());
            assertTrue(e.getMessage().contains("jobQueue(...)") && e.getMessage().contains("noJobQueue()"));
        } finally {
            bot.shutdown();
        }
    }

    @Test
    void aReadyBotIsUsedAndNotShutDown() {
        Bot bot = Bot.builder().token(TOKEN).build();
        Application<DefaultContext> app = Application.builder().bot(bot).noJobQueue().noUpdater()
                .concurrentUpdates(3).build();
        assertEquals(bot, app.bot());
        assertEquals(3, app.updateProcessor().maxConcurrentUpdates());
        assertTrue(app.jobQueue().isEmpty());
        assertTrue(app.updater().isEmpty());
        bot.shutdown();
    }

    @Test
    void buildingTwiceFails() {
        ApplicationBuilder<DefaultContext> builder = Application.builder().token(TOKEN);
        builder.build();
        IllegalStateException e = assertThrows(IllegalStateException.class, builder::build);
        assertTrue(e.getMessage().contains("already used"), e.getMessage());
    }

    @Test
    void contextTypesMustComeBeforeTypedOptions() {
        assertThrows(IllegalStateException.class, () -> Application.builder().token(TOKEN).postInit(a -> { })
                .contextTypes(ContextTypes.defaults()));
    }

    @Test
    void badValuesAreRejectedAtOnce() {
        assertThrows(IllegalArgumentException.class, () -> Application.builder().concurrentUpdates(0));
        assertThrows(IllegalArgumentException.class, () -> Application.builder().updateQueueCapacity(0));
        assertThrows(NullPointerException.class, () -> Application.builder().token(null));
        assertThrows(IllegalArgumentException.class, () -> Application.builder().token("not a token").build());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Application.builder().token("12:" + "s3cr3t".repeat(6)).apiBaseUrl("ftp://x").build());
        assertTrue(!e.getMessage().contains("s3cr3t"));
    }

    @Test
    void botOptionsReachTheBot() {
        List<String> applied = new ArrayList<>();
        Application.builder().token(TOKEN).botOptions(b -> {
            b.readTimeout(Duration.ofSeconds(9)).getUpdatesPoolSize(2);
            applied.add("yes");
        }).build();
        assertEquals(List.of("yes"), applied);
    }

    /** A context class with typed data and a field of its own. */
    static final class ShopContext extends CallbackContext<Cart, Settings, Stats> {
        String note;

        ShopContext(ContextSeed<Cart, Settings, Stats> seed) {
            super(seed);
        }
    }

    static final class Cart {
        final List<String> items = new ArrayList<>();
    }

    static final class Settings {
        String language = "en";
    }

    static final class Stats {
        int messages;
    }

    @Test
    void customContextTypesGiveTypedDataAndTheirOwnClass() {
        try (EmulatorHarness h = new EmulatorHarness()) {
            Application<ShopContext> app = Application.builder().token(h.bot.token())
                    .apiBaseUrl(h.emulator.apiBaseUrl())
                    .contextTypes(ContextTypes.of(ShopContext::new, Cart::new, Settings::new, Stats::new))
                    .noUpdater().build();
            app.initialize();
            List<String> seen = new ArrayList<>();
            app.addHandler(new MessageHandler<ShopContext>(Filters.TEXT, (u, c) -> c.note = "from group -1"), -1);
            app.addHandler(new MessageHandler<ShopContext>(Filters.TEXT, (u, c) -> {
                c.userData().items.add(u.message().orElseThrow().text().orElseThrow());
                c.botData().messages++;
                seen.add(c.note + " " + c.chatData().language + " " + c.userData().items);
            }));
            var alice = h.emulator.user("alice");
            alice.sendText(h.bot, "apple");
            app.processUpdate(h.single(app));
            alice.sendText(h.bot, "pear");
            app.processUpdate(h.single(app));

            assertEquals(List.of("from group -1 en [apple]", "from group -1 en [apple, pear]"), seen);
            assertEquals(2, ((Stats) app.data().botData()).messages);
            app.shutdown();
        }
    }

    @Test
    void typedDataWithTheBaseContextClass() {
        ContextTypes<CallbackContext<Cart, Settings, Stats>> types = ContextTypes.of(Cart::new, Settings::new,
                Stats::new);
        Application<CallbackContext<Cart, Settings, Stats>> app = Application.builder().token(TOKEN)
                .contextTypes(types).noJobQueue().build();
        assertInstanceOf(Stats.class, app.data().botData());
    }
}
