package dev.telescale.codegen.model;

import java.util.List;

/**
 * A generated class: an API type or a method's request. {@code unions} are the sealed interfaces it implements;
 * {@code methodName}/{@code result} are set for requests only.
 */
public record ObjectModel(String name, String specName, String href, List<String> description, List<FieldModel> fields,
                          List<String> unions, String methodName, ResultModel result) {

    /** Whether this is a request class. */
    public boolean isRequest() {
        return methodName != null;
    }
}
