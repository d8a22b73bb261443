package io.newsdesk.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * JSON Merge Patch (RFC 7396): members of the patch replace those of the target, {@code null}
 * removes them, objects merge recursively, anything else (arrays too) replaces as a whole.
 */
public final class MergePatch {

  public static final String MEDIA_TYPE = "application/merge-patch+json";

  private MergePatch() {}

  public static JsonNode apply(JsonNode target, JsonNode patch) {
    if (!patch.isObject()) {
      return patch;
    }
    ObjectNode result =
        target != null && target.isObject()
            ? ((ObjectNode) target).deepCopy()
            : JsonNodeFactory.instance.objectNode();
    patch
        .properties()
        .forEach(
            member -> {
              if (member.getValue().isNull()) {
                result.remove(member.getKey());
              } else {
                result.set(member.getKey(), apply(result.get(member.getKey()), member.getValue()));
              }
            });
    return result;
  }
}
