package dev.telescale.api.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.telescale.api.ApiObject;
import dev.telescale.api.InputFile;
import dev.telescale.api.TelegramJson;
import dev.telescale.api.methods.SendMediaGroup;
import dev.telescale.api.methods.SendPhoto;
import dev.telescale.api.types.InputMediaPhoto;
import dev.telescale.api.types.InputMediaVideo;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Uploads: top-level ones become attachments named like the parameter, nested ones attach://name. */
class ApiWriterUploadTest {

    private static final InputFile.Upload PHOTO = InputFile.of("jpeg".getBytes(StandardCharsets.UTF_8), "p.jpg");
    private static final InputFile.Upload VIDEO = InputFile.of("mp4".getBytes(StandardCharsets.UTF_8), "v.mp4");

    private record Written(String json, List<Attachment> attachments) {
    }

    private static Written write(ApiObject o) throws IOException {
        StringWriter out = new StringWriter();
        ApiWriter w;
        try (JsonGenerator g = TelegramJson.factory().createGenerator(out)) {
            w = new ApiWriter(g, null);
            o.writeTo(w);
        }
        return new Written(out.toString(), w.attachments());
    }

    @Test
    void topLevelUploadIsOmittedAndAttachedUnderTheParameterName() throws IOException {
        Written w = write(SendPhoto.builder().chatId(1).photo(PHOTO).caption("c").build());
        assertEquals("{\"chat_id\":1,\"caption\":\"c\"}", w.json());
        assertEquals(List.of(new Attachment("photo", PHOTO)), w.attachments());
    }

    @Test
    void referencesAreWrittenAsStringsWithoutAttachments() throws IOException {
        Written w = write(SendPhoto.builder().chatId(1).photo(InputFile.fileId("AgAD")).build());
        assertEquals("{\"chat_id\":1,\"photo\":\"AgAD\"}", w.json());
        assertTrue(w.attachments().isEmpty());
    }

    @Test
    void nestedUploadsAreWrittenAsAttachReferences() throws IOException {
        SendMediaGroup group = SendMediaGroup.builder().chatId(1).media(
                InputMediaPhoto.builder().media(PHOTO).build(),
                InputMediaVideo.builder().media(VIDEO).thumbnail(PHOTO).build()).build();
        Written w = write(group);
        assertEquals("{\"chat_id\":1,\"media\":[{\"type\":\"photo\",\"media\":\"attach://telescale_file_0\"},"
                + "{\"type\":\"video\",\"media\":\"attach://telescale_file_1\",\"thumbnail\":\"attach://telescale_file_2\"}]}", w.json());
        assertEquals(List.of(new Attachment("telescale_file_0", PHOTO), new Attachment("telescale_file_1", VIDEO),
                new Attachment("telescale_file_2", PHOTO)), w.attachments());
        SendMediaGroup back = TelegramJson.parse(w.json(), SendMediaGroup.class,
                Map.of("telescale_file_0", PHOTO, "telescale_file_1", VIDEO, "telescale_file_2", PHOTO));
        assertEquals(group, back);
    }

    @Test
    void requestToStringNeverShowsFileContents() {
        String s = SendPhoto.builder().chatId(1).photo(InputFile.of("SECRET-BYTES".getBytes(StandardCharsets.UTF_8), "s.jpg"))
                .build().toString();
        assertTrue(!s.contains("SECRET"), s);
        assertTrue(s.contains("s.jpg"), s);
    }
}
