package dev.telescale.codegen.model;

import java.util.List;

/** Everything to generate: types, unions, requests, and the Update kinds. */
public record ApiModel(String version, List<ObjectModel> types, List<UnionModel> unions, List<ObjectModel> requests,
                       List<String> updateKinds) {
}
