package dev.telescale.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.telescale.api.json.Attachment;
import dev.telescale.api.json.EncodedJson;
import dev.telescale.api.methods.SendMessage;
import dev.telescale.api.methods.SendPhoto;
import dev.telescale.api.types.User;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Writing through the pooled generators: exact output, no leftovers between writes, safe under concurrency. */
class TelegramJsonWriteTest {

    @Test
    void writeRequestAppliesDefaultsAndCollectsUploads() {
        InputFile.Upload photo = InputFile.of(new byte[] {1, 2, 3}, "p.jpg");
        EncodedJson e = TelegramJson.writeRequest(SendPhoto.builder().chatId(7).photo(photo).build(),
                (owner, field) -> field.equals("parse_mode") ? "HTML" : null);
        assertEquals("{\"chat_id\":7,\"parse_mode\":\"HTML\"}", new String(e.json(), StandardCharsets.UTF_8));
        assertEquals(List.of(new Attachment("photo", photo)), e.attachments());
    }

    @Test
    void aFailedWriteLeavesNothingBehindForTheNext() {
        assertThrows(IllegalArgumentException.class, () -> TelegramJson.write(List.of(new Object())));
        assertEquals("{\"chat_id\":1,\"text\":\"a\"}", TelegramJson.write(SendMessage.builder().chatId(1).text("a").build()));
        assertEquals("[1,\"x\"]", TelegramJson.write(List.of(1L, "x")));
    }

    @Test
    void concurrentWritersGetTheirOwnOutput() throws Exception {
        ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor();
        try (pool) {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int t = 0; t < 32; t++) {
                final int id = t;
                Callable<Boolean> task = () -> {
                    for (int i = 0; i < 500; i++) {
                        User u = User.builder().id(id * 1000L + i).isBot(false).firstName("n" + id).build();
                        String json = TelegramJson.write(u);
                        if (!json.equals("{\"id\":" + (id * 1000L + i) + ",\"is_bot\":false,\"first_name\":\"n" + id + "\"}")) {
                            return false;
                        }
                        if (!TelegramJson.parse(TelegramJson.writeBytes(u), User.class).equals(u)) {
                            return false;
                        }
                    }
                    return true;
                };
                results.add(pool.submit(task));
            }
            for (Future<Boolean> r : results) {
                assertEquals(true, r.get());
            }
        }
    }
}
