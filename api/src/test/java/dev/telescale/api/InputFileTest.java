package dev.telescale.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InputFileTest {

    @Test
    void referencesWriteAsStrings() {
        assertEquals("\"AgAD\"", TelegramJson.write(InputFile.fileId("AgAD")));
        assertEquals("\"https://x/y.png\"", TelegramJson.write(InputFile.url("https://x/y.png")));
        assertThrows(IllegalArgumentException.class, () -> InputFile.fileId(" "));
        assertThrows(IllegalArgumentException.class, () -> InputFile.url(null));
    }

    @Test
    void byteUploadsCompareByContentAndNeverShowIt() throws Exception {
        byte[] secret = "very secret content".getBytes(StandardCharsets.UTF_8);
        InputFile.Upload a = InputFile.of(secret, "a.txt");
        secret[0] = 'X';
        assertEquals(a, InputFile.of("very secret content".getBytes(StandardCharsets.UTF_8), "a.txt"));
        assertNotEquals(a, InputFile.of("other".getBytes(StandardCharsets.UTF_8), "a.txt"));
        assertEquals(19, a.size());
        assertFalse(a.toString().contains("secret"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        a.writeTo(out);
        assertArrayEquals("very secret content".getBytes(StandardCharsets.UTF_8), out.toByteArray());
    }

    @Test
    void pathUploadsUseTheFileNameAndSize(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("doc.pdf"), "12345");
        InputFile.Upload u = InputFile.of(file);
        assertEquals("doc.pdf", u.filename());
        assertEquals(5, u.size());
        try (InputStream in = u.open()) {
            assertEquals("12345", new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void streamUploadsCanBeSentOnce() throws Exception {
        InputFile.Upload u = InputFile.of(new ByteArrayInputStream(new byte[] {1, 2}), "s.bin");
        assertEquals(-1, u.size());
        u.open().close();
        UncheckedIOException e = assertThrows(UncheckedIOException.class, u::open);
        assertEquals(true, e.getMessage().contains("s.bin"));
    }

    @Test
    void attachReferencesResolveFromTheAttachments() {
        InputFile.Upload up = InputFile.of(new byte[] {1}, "x");
        assertEquals(up, TelegramJson.parse("\"attach://f1\"", InputFile.class, java.util.Map.of("f1", up)));
        ApiParseException e = assertThrows(ApiParseException.class, () -> TelegramJson.parse("\"attach://nope\"", InputFile.class));
        assertEquals(true, e.getMessage().contains("attach://nope"));
    }
}
