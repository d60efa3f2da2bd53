package com.investchn.content.support.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The validation that every test's answers go through has teeth, and the 3.1 translation too. */
class ContractValidationTest {

  private static final ContractValidation CONTRACT =
      ContractValidation.forContract(ContractValidation.CONTRACT);

  private static final String ADJACENT = "/api/v1/articles/a1/adjacent";

  private static final String CONTEXT =
      """
      {"category": null, "zone": null, "publisherZone": null, "source": null, "from": null,
       "to": null, "sort": "publishedAt,desc", "list": "/api/v1/articles?sort=publishedAt,desc"}
      """;

  private static final String LINK =
      """
      {"id": 3, "slug": "a3", "title": "标题", "publishedAt": "2024-06-21T09:30:00+08:00"}
      """;

  @Test
  void acceptsATrueAnswerWithNullNeighbours() {
    assertValid(adjacent("{\"previous\": null, \"next\": null, \"context\": " + CONTEXT + "}"));
    assertValid(
        adjacent(
            "{\"previous\": " + LINK + ", \"next\": " + LINK + ", \"context\": " + CONTEXT + "}"));
  }

  @Test
  void rejectsAWrongTypeAMissingFieldAndAnUndeclaredOne() {
    assertInvalid(adjacent("{\"previous\": 5, \"next\": null, \"context\": " + CONTEXT + "}"));
    assertInvalid(adjacent("{\"previous\": null, \"context\": " + CONTEXT + "}"));
    assertInvalid(
        adjacent(
            "{\"previous\": null, \"next\": null, \"context\": " + CONTEXT + ", \"extra\": 1}"));
    assertInvalid(
        adjacent(
            "{\"previous\": {\"id\": \"three\"}, \"next\": null, \"context\": " + CONTEXT + "}"));
  }

  @Test
  void rejectsAnUndeclaredStatusAndAWrongContentType() {
    assertInvalid(
        CONTRACT.check(get(ADJACENT), SimpleResponse.Builder.status(418).withBody("{}").build()));
    assertInvalid(
        CONTRACT.check(
            get("/api/v1/site"),
            SimpleResponse.Builder.ok().withContentType("text/html").withBody("<p>").build()));
  }

  @Test
  void leavesRequestsOutsideTheContractAlone() {
    assertTrue(CONTRACT.covers(get(ADJACENT)));
    assertFalse(CONTRACT.covers(get("/q/health/ready")));
    assertFalse(CONTRACT.covers(get("/api/v1/nothing-here")));
    assertFalse(CONTRACT.covers(SimpleRequest.Builder.delete("/api/v1/articles").build()));
    assertFalse(
        CONTRACT.covers(
            SimpleRequest.Builder.get("/api/v1/site").withAccept("application/xml").build()));
    // Invalid input is still covered: the answer to it must be the documented problem.
    assertTrue(
        CONTRACT.covers(
            SimpleRequest.Builder.get("/api/v1/articles").withQueryParam("page", "0").build()));
  }

  @Test
  void translatesNullableTypesAndReferencesWithTheirMeaning() throws Exception {
    ObjectMapper json = new ObjectMapper();
    JsonNode translated =
        ContractDowngrade.toOpenApi30(
            json.readTree(
                """
                {"openapi": "3.1.0", "components": {"schemas": {
                  "L": {"type": "object", "properties": {"id": {"type": "integer"}}},
                  "A": {"type": "object", "properties": {
                    "s": {"type": ["string", "null"]},
                    "n": {"type": ["object", "null"], "anyOf": [{"$ref": "#/components/schemas/L"}, {"type": "null"}]},
                    "wrong": {"type": "object", "anyOf": [{"$ref": "#/components/schemas/L"}, {"type": "null"}]}
                  }}}}}
                """));
    JsonNode properties = translated.at("/components/schemas/A/properties");
    assertEquals("3.0.3", translated.path("openapi").asText());
    assertEquals(json.readTree("{\"type\": \"string\", \"nullable\": true}"), properties.path("s"));
    assertEquals(
        json.readTree(
            "{\"type\": \"object\", \"nullable\": true, \"properties\": {\"id\": {\"type\": \"integer\"}}}"),
        properties.path("n"));
    // A sibling type without null forbids null in 3.1: the translation keeps it non-null.
    assertFalse(properties.path("wrong").has("nullable"));
  }

  private static ValidationReport adjacent(String body) {
    return CONTRACT.check(
        get(ADJACENT),
        SimpleResponse.Builder.ok()
            .withContentType("application/json")
            .withHeader("ETag", "\"q3Zp0cI4sO3mR1x6vJx0mS8aXhY\"")
            .withHeader("Cache-Control", "public, max-age=30, stale-while-revalidate=30")
            .withHeader("Vary", "Accept-Encoding")
            .withBody(body)
            .build());
  }

  private static Request get(String path) {
    return SimpleRequest.Builder.get(path).build();
  }

  private static void assertValid(ValidationReport report) {
    assertEquals(List.of(), report.getMessages(), "expected a valid answer");
  }

  private static void assertInvalid(ValidationReport report) {
    assertTrue(report.hasErrors(), "expected the contract to reject this answer");
  }
}
