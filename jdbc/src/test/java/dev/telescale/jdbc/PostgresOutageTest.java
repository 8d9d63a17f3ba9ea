package dev.telescale.jdbc;

import dev.telescale.core.persistence.PersistenceException;
import dev.telescale.core.persistence.RetryPolicy;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A PostgreSQL server that goes away mid-test and comes back: an error after the retries, then nothing lost. */
class PostgresOutageTest {

    private static PostgresServer server;

    @BeforeAll
    static void startServer() {
        server = PostgresServer.start();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @Test
    void aDatabaseThatIsDownFailsAfterRetriesAndTheNextWriteAfterItsReturnSucceeds() {
        String url = server.newDatabase();
        try (var store = JdbcPersistence.builder().url(url).connectionTimeout(Duration.ofMillis(500))
                .retry(new RetryPolicy(3, Duration.ofMillis(50), Duration.ofMillis(200))).build()) {
            store.updateUserData(1, Map.of("before", true));

            server.stop();
            PersistenceException down = assertThrows(PersistenceException.class,
                    () -> store.updateUserData(2, Map.of("while", "down")));
            assertTrue(down.getMessage().contains("telescale_user_data id 2")
                    && down.getMessage().contains("after 3 tries"), down.getMessage());
            assertFalse(down.getMessage().contains("password"), down.getMessage());

            server.startAgain();
            // The Application retries the failed id on its next run: the same write now succeeds.
            store.updateUserData(2, Map.of("while", "down"));
            assertEquals(Map.of(1L, Map.of("before", true), 2L, Map.of("while", "down")), store.getUserData());
        }
    }

    @Test
    void aDatabaseThatNeverAnswersIsAnErrorNamingTheCall() {
        int nobody = PostgresServer.freePort();
        try (var store = JdbcPersistence.builder().url("jdbc:postgresql://localhost:" + nobody + "/none",
                        "bot", "s3cret-password")
                .connectionTimeout(Duration.ofMillis(300)).retry(RetryPolicy.NONE).build()) {
            PersistenceException e = assertThrows(PersistenceException.class, store::getUserData);
            assertTrue(e.getMessage().startsWith("loading telescale_user_data failed"), e.getMessage());
            assertFalse(e.getMessage().contains("s3cret-password"), e.getMessage());
        }
    }
}
