package dev.telescale.bot;

import dev.telescale.api.InputFile;
import dev.telescale.api.json.Attachment;
import dev.telescale.bot.transport.RequestBody;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLConnection;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * A multipart/form-data request body as Telegram expects for uploads: one form field per top-level parameter (strings
 * raw, everything else as JSON text) and one file part per attachment. Part heads are encoded up front; file contents
 * are streamed from their source while the body is written, never held in memory. The length is known (and sent as
 * Content-Length) when every file's size is; the body is repeatable unless a file is a one-shot stream.
 */
final class MultipartBody implements RequestBody {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final byte[] CRLF = {'\r', '\n'};

    /** One form field: a name and its text value. */
    record Field(String name, String value) {
    }

    private final String boundary;
    private final List<byte[]> fieldParts = new ArrayList<>();
    private final List<byte[]> fileHeads = new ArrayList<>();
    private final List<InputFile.Upload> files = new ArrayList<>();
    private final byte[] closing;
    private final long length;
    private final boolean repeatable;

    MultipartBody(List<Field> fields, List<Attachment> attachments) {
        byte[] random = new byte[12];
        RANDOM.nextBytes(random);
        this.boundary = "telescale-" + HexFormat.of().formatHex(random);
        long total = 0;
        for (Field f : fields) {
            byte[] part = (head(f.name(), null) + f.value() + "\r\n").getBytes(StandardCharsets.UTF_8);
            fieldParts.add(part);
            total += part.length;
        }
        boolean knownLength = true;
        boolean allRepeatable = true;
        for (Attachment a : attachments) {
            InputFile.Upload upload = a.file();
            byte[] head = head(a.name(), upload.filename()).getBytes(StandardCharsets.UTF_8);
            fileHeads.add(head);
            files.add(upload);
            long size = upload.size();
            if (size < 0) {
                knownLength = false;
            }
            total += head.length + Math.max(size, 0) + CRLF.length;
            allRepeatable &= !(upload instanceof InputFile.StreamUpload);
        }
        this.closing = ("--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII);
        total += closing.length;
        this.length = knownLength ? total : -1;
        this.repeatable = allRepeatable;
    }

    private String head(String name, String filename) {
        StringBuilder sb = new StringBuilder(96).append("--").append(boundary)
                .append("\r\nContent-Disposition: form-data; name=\"").append(escape(name)).append('"');
        if (filename != null) {
            String type = URLConnection.guessContentTypeFromName(filename);
            sb.append("; filename=\"").append(escape(filename)).append("\"\r\nContent-Type: ")
                    .append(type == null ? "application/octet-stream" : type);
        }
        return sb.append("\r\n\r\n").toString();
    }

    /** Quotes and line breaks would end the header value: percent-encode them, as browsers do (RFC 7578 4.2). */
    private static String escape(String s) {
        return s.replace("\"", "%22").replace("\r", "%0D").replace("\n", "%0A");
    }

    @Override
    public String contentType() {
        return "multipart/form-data; boundary=" + boundary;
    }

    @Override
    public long contentLength() {
        return length;
    }

    @Override
    public void writeTo(OutputStream out) throws IOException {
        for (byte[] part : fieldParts) {
            out.write(part);
        }
        for (int i = 0; i < files.size(); i++) {
            out.write(fileHeads.get(i));
            files.get(i).writeTo(out);
            out.write(CRLF);
        }
        out.write(closing);
    }

    @Override
    public boolean repeatable() {
        return repeatable;
    }

    @Override
    public String toString() {
        return "MultipartBody[" + fieldParts.size() + " fields, " + files.size() + " files, length=" + length + "]";
    }
}
