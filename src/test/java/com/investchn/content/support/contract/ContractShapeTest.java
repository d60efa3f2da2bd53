package com.investchn.content.support.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Rules of the published contract that a generated client relies on, checked on
 * openapi/openapi.yaml so that a new endpoint or field cannot quietly break them.
 */
class ContractShapeTest {

  private static final Set<String> METHODS =
      Set.of("get", "put", "post", "delete", "patch", "head", "options");

  /** Schemas of request bodies, where required means what a writer must send. */
  private static final Set<String> REQUEST_SCHEMAS =
      Set.of(
          "ArticleInput",
          "CategoryInput",
          "ZoneInput",
          "SiteInput",
          "TokenRequest",
          "WebhookRequest");

  /** Problem leaves parameter and errors out when they do not apply. */
  private static final Set<String> OPTIONAL_PROBLEM_FIELDS = Set.of("parameter", "errors");

  /** A change of the change feed leaves data out for a delete. */
  private static final Set<String> OPTIONAL_SYNC_CHANGE_FIELDS = Set.of("data");

  private static JsonNode contract;

  @BeforeAll
  static void readContract() throws IOException {
    contract = new ObjectMapper(new YAMLFactory()).readTree(ContractValidation.CONTRACT.toFile());
  }

  @Test
  void everyOperationHasAUniqueCamelCaseOperationId() {
    Set<String> seen = new HashSet<>();
    forEachOperation(
        (path, method, operation) -> {
          String id = operation.path("operationId").asText("");
          assertTrue(id.matches("[a-z][A-Za-z0-9]*"), method + " " + path + ": '" + id + "'");
          assertTrue(seen.add(id), "operationId used twice: " + id);
        });
  }

  @Test
  void publicOperationsNeedNoTokenAndAdminOperationsTheBearerScheme() {
    forEachOperation(
        (path, method, operation) -> {
          JsonNode security = operation.path("security");
          assertTrue(security.isArray(), method + " " + path + " declares no security");
          if (path.startsWith("/api/v1/admin")) {
            assertEquals(1, security.size(), method + " " + path);
            assertTrue(security.get(0).has("bearer"), method + " " + path);
            assertTrue(operation.path("responses").has("401"), method + " " + path);
          } else {
            assertEquals(0, security.size(), method + " " + path + " must say security: []");
          }
        });
  }

  @Test
  void everySuccessfulAnswerWithABodyHasASchema() {
    forEachOperation(
        (path, method, operation) ->
            operation
                .path("responses")
                .fields()
                .forEachRemaining(
                    response -> {
                      if (response.getKey().startsWith("2") && !response.getKey().equals("204")) {
                        JsonNode content = response.getValue().path("content");
                        assertTrue(
                            content.size() > 0, method + " " + path + " " + response.getKey());
                        content.forEach(
                            media ->
                                assertTrue(
                                    media.has("schema"),
                                    method + " " + path + " " + response.getKey()));
                      }
                    }));
  }

  @Test
  void everyFieldOfAnAnswerIsRequiredBecauseTheServerAlwaysSendsIt() {
    List<String> optional = new ArrayList<>();
    contract
        .path("components")
        .path("schemas")
        .fields()
        .forEachRemaining(
            schema -> {
              if (REQUEST_SCHEMAS.contains(schema.getKey())) {
                return;
              }
              Set<String> required = new HashSet<>();
              schema.getValue().path("required").forEach(name -> required.add(name.asText()));
              schema
                  .getValue()
                  .path("properties")
                  .fieldNames()
                  .forEachRemaining(
                      property -> {
                        boolean leftOut =
                            schema.getKey().equals("Problem")
                                    && OPTIONAL_PROBLEM_FIELDS.contains(property)
                                || schema.getKey().equals("SyncChange")
                                    && OPTIONAL_SYNC_CHANGE_FIELDS.contains(property)
                                // JSON Feed 1.1 leaves a key without a value out, by design.
                                || schema.getKey().startsWith("JsonFeed");
                        if (!leftOut && !required.contains(property)) {
                          optional.add(schema.getKey() + "." + property);
                        }
                      });
            });
    assertEquals(
        List.of(),
        optional,
        "Jackson sends every record component (null included): mark them"
            + " @Schema(required = true), and nullable = true where null occurs");
  }

  private interface OperationCheck {
    void check(String path, String method, JsonNode operation);
  }

  private static void forEachOperation(OperationCheck check) {
    contract
        .path("paths")
        .fields()
        .forEachRemaining(
            path ->
                path.getValue()
                    .fields()
                    .forEachRemaining(
                        method -> {
                          if (METHODS.contains(method.getKey())) {
                            check.check(path.getKey(), method.getKey(), method.getValue());
                          }
                        }));
  }
}
