package com.investchn.content.common.write;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.investchn.content.common.problem.FieldError;
import com.investchn.content.common.problem.ValidationFailedException;
import java.util.Iterator;
import java.util.Map;

/** RFC 7396 JSON Merge Patch: members replace, null removes, objects merge recursively. */
public final class JsonMergePatch {

  public static final String MEDIA_TYPE = "application/merge-patch+json";

  private JsonMergePatch() {}

  /** Applies the patch to the current document and reads the result as {@code type}. */
  public static <T> T apply(ObjectMapper json, JsonNode current, JsonNode patch, Class<T> type) {
    if (patch == null || !patch.isObject()) {
      throw new ValidationFailedException(
          java.util.List.of(new FieldError("", "a merge patch must be a JSON object")));
    }
    JsonNode merged = merge(current.deepCopy(), patch);
    try {
      return json.treeToValue(merged, type);
    } catch (JsonMappingException e) {
      throw BodyValidation.unmapped(e);
    } catch (JsonProcessingException e) {
      throw ValidationFailedException.of("", "is not a valid document after the patch");
    }
  }

  static JsonNode merge(JsonNode target, JsonNode patch) {
    if (!patch.isObject()) {
      return patch;
    }
    ObjectNode result =
        target != null && target.isObject()
            ? (ObjectNode) target
            : JsonNodeFactory.instance.objectNode();
    Iterator<Map.Entry<String, JsonNode>> fields = patch.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      if (field.getValue().isNull()) {
        result.remove(field.getKey());
      } else {
        result.set(field.getKey(), merge(result.get(field.getKey()), field.getValue()));
      }
    }
    return result;
  }
}
