package dev.telescale.testkit.request;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.telescale.testkit.UploadedFile;
import java.util.Map;

/**
 * The parameters of one Bot API call, whatever encoding the bot used: query and body parameters merged into one
 * object (body wins on a name clash), and the uploaded file parts by field name.
 *
 * @param params the parameters; form values stay strings unless they are JSON objects or arrays
 * @param files  the file parts by multipart field name, empty when there were none
 */
public record DecodedRequest(ObjectNode params, Map<String, UploadedFile> files) {
}
