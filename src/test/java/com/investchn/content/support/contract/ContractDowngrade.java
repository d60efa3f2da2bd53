package com.investchn.content.support.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Rewrites our OpenAPI 3.1 contract in the OpenAPI 3.0 dialect that the Atlassian validator
 * understands, keeping its meaning. The validator reads schemas through swagger-core's 3.0 model,
 * which drops 3.1 type arrays such as {@code type: [string, "null"]}: without this step no type of
 * any field would be checked. Only the constructs SmallRye emits are translated; anything else that
 * cannot be expressed in 3.0 fails loudly instead of being checked less.
 */
final class ContractDowngrade {

  private static final String SCHEMA_REF_PREFIX = "#/components/schemas/";

  private ContractDowngrade() {}

  /** A 3.0.3 copy of the 3.1 document; the argument is not changed. */
  static ObjectNode toOpenApi30(JsonNode document) {
    ObjectNode copy = document.deepCopy();
    copy.put("openapi", "3.0.3");
    typeArraysToNullable(copy);
    JsonNode schemas = copy.path("components").path("schemas");
    nullBranchesToNullable(copy, schemas);
    return copy;
  }

  /**
   * {@code type: [T, "null"]} becomes {@code type: T, nullable: true}; a schema's 3.1 {@code
   * examples} list becomes the 3.0 {@code example}.
   */
  private static void typeArraysToNullable(JsonNode node) {
    if (node instanceof ObjectNode object && object.get("examples") instanceof ArrayNode examples) {
      object.remove("examples");
      if (!examples.isEmpty() && !object.has("example")) {
        object.set("example", examples.get(0));
      }
    }
    if (node instanceof ObjectNode object && object.get("type") instanceof ArrayNode types) {
      List<String> named = new ArrayList<>();
      types.forEach(type -> named.add(type.asText()));
      boolean nullable = named.remove("null");
      if (named.size() != 1) {
        throw new IllegalStateException("Cannot express type " + types + " in OpenAPI 3.0");
      }
      object.put("type", named.get(0));
      if (nullable) {
        object.put("nullable", true);
      }
    }
    node.forEach(ContractDowngrade::typeArraysToNullable);
  }

  /**
   * {@code anyOf: [{$ref: X}, {type: "null"}]} becomes a nullable copy of X. In 3.1 a sibling
   * {@code type} that lacks null still forbids null, so the copy is nullable only when the node
   * allowed null itself; that is how a wrongly non-null field stays non-null here.
   */
  private static void nullBranchesToNullable(JsonNode node, JsonNode schemas) {
    if (node instanceof ObjectNode object) {
      for (String keyword : List.of("anyOf", "oneOf")) {
        if (object.get(keyword) instanceof ArrayNode branches && removeNullBranch(branches)) {
          boolean nullable = !object.has("type") || object.path("nullable").asBoolean(false);
          if (branches.size() == 1 && branches.get(0).has("$ref")) {
            object.remove(keyword);
            inline(object, referenced(branches.get(0).get("$ref").asText(), schemas));
          }
          if (nullable) {
            object.put("nullable", true);
          } else {
            object.remove("nullable");
          }
        }
      }
    }
    node.forEach(child -> nullBranchesToNullable(child, schemas));
  }

  private static boolean removeNullBranch(ArrayNode branches) {
    for (Iterator<JsonNode> it = branches.iterator(); it.hasNext(); ) {
      JsonNode branch = it.next();
      if (branch.size() == 1 && "null".equals(branch.path("type").asText(null))) {
        it.remove();
        return true;
      }
    }
    return false;
  }

  private static JsonNode referenced(String ref, JsonNode schemas) {
    if (!ref.startsWith(SCHEMA_REF_PREFIX)
        || !schemas.has(ref.substring(SCHEMA_REF_PREFIX.length()))) {
      throw new IllegalStateException("Cannot resolve " + ref);
    }
    return schemas.get(ref.substring(SCHEMA_REF_PREFIX.length()));
  }

  /** Copies the referenced schema's keywords into the node, keeping the node's own description. */
  private static void inline(ObjectNode node, JsonNode target) {
    for (Iterator<Map.Entry<String, JsonNode>> it = target.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      if (field.getKey().equals("type") && node.has("type")) {
        if (!node.get("type").equals(field.getValue())) {
          throw new IllegalStateException(
              "Type " + node.get("type") + " contradicts the referenced " + field.getValue());
        }
        continue;
      }
      if (!node.has(field.getKey())) {
        node.set(field.getKey(), field.getValue().deepCopy());
      }
    }
  }
}
