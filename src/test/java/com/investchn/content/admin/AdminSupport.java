package com.investchn.content.admin;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.OffsetDateTime;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Shared helpers of the editorial API tests: tokens, JSON bodies, and a record of everything a test
 * created so that it can be deleted again (the fixture must look the same to every other test).
 */
final class AdminSupport {

  static final String BOOTSTRAP = "test-bootstrap-admin-token-0123456789abcdef";
  static final String BOOTSTRAP_NAME = "bootstrap-admin";
  static final String JSON = "application/json; charset=UTF-8";
  static final String MERGE_PATCH = "application/merge-patch+json; charset=UTF-8";
  static final String PROBLEM = "application/problem+json";
  static final String PROBLEMS = "https://api.investchn.com/problems/";

  static final String ARTICLES = "/api/v1/admin/articles";
  static final String ZONES = "/api/v1/admin/zones";
  static final String CATEGORIES = "/api/v1/admin/categories";
  static final String SITE = "/api/v1/admin/site";
  static final String TOKENS = "/api/v1/admin/tokens";

  /** An id no row will ever have in a test database. */
  static final long NO_SUCH_ID = 987_654_321L;

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final AtomicInteger SEQUENCE = new AtomicInteger();
  private static final String RUN = Long.toString(System.currentTimeMillis() % 1_000_000, 36);

  private AdminSupport() {}

  /** A slug no other row has: t-, the given stem, and a run-unique suffix. */
  static String slug(String stem) {
    return "t-" + stem + "-" + RUN + "-" + SEQUENCE.incrementAndGet();
  }

  static RequestSpecification as(String token) {
    return given().auth().oauth2(token);
  }

  static String json(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Issues a token through the API with the bootstrap admin and returns its secret. */
  static String issueToken(String name, String role) {
    return as(BOOTSTRAP)
        .contentType(JSON)
        .body(json(Map.of("name", name, "role", role)))
        .post(TOKENS)
        .then()
        .statusCode(201)
        .extract()
        .path("token");
  }

  /** The minimal valid article input, as a mutable map to add or change fields. */
  static Map<String, Object> article(String title, long categoryId, long zoneId) {
    Map<String, Object> input = new LinkedHashMap<>();
    input.put("title", title);
    input.put("body", "<p>" + title + "。正文第一段。</p>");
    input.put("categoryId", categoryId);
    input.put("zoneId", zoneId);
    return input;
  }

  static Map<String, Object> zone(String slug, String name, String kind, Long parentId) {
    Map<String, Object> input = new LinkedHashMap<>();
    input.put("slug", slug);
    input.put("name", name);
    input.put("kind", kind);
    input.put("parentId", parentId);
    return input;
  }

  static Map<String, Object> category(String slug, String name, Long parentId, int position) {
    Map<String, Object> input = new LinkedHashMap<>();
    input.put("slug", slug);
    input.put("name", name);
    input.put("parentId", parentId);
    input.put("position", position);
    return input;
  }

  /** The ETag of a version, as the API sends it. */
  static String etag(long version) {
    return "\"" + version + "\"";
  }

  static String etagOf(String path) {
    Response response = as(BOOTSTRAP).get(path);
    assertEquals(200, response.statusCode(), "GET " + path);
    return response.header("ETag");
  }

  /**
   * Two times of one event as the API showed them: the answer to a write may carry nanoseconds
   * while the database keeps (rounded) microseconds, so they agree to within a microsecond.
   */
  static void assertSameInstant(String expected, String actual) {
    long nanos =
        java.time.Duration.between(
                OffsetDateTime.parse(expected).toInstant(),
                OffsetDateTime.parse(actual).toInstant())
            .abs()
            .toNanos();
    assertTrue(nanos <= 1_000, expected + " vs " + actual);
  }

  static OffsetDateTime time(Response response, String path) {
    return OffsetDateTime.parse(response.path(path));
  }

  /**
   * What one test created, deleted again newest first (articles before the categories and zones
   * they refer to, children before parents).
   */
  static final class Created {

    private final Deque<String> paths = new ArrayDeque<>();

    /** Creates through the API as the given token, expects 201 and remembers it. */
    Response post(String token, String collection, Map<String, Object> input) {
      Response response = as(token).contentType(JSON).body(json(input)).post(collection);
      assertEquals(
          201, response.statusCode(), () -> "POST " + collection + ": " + response.asString());
      remember(collection + "/" + response.<Integer>path("id"));
      return response;
    }

    long article(String token, Map<String, Object> input) {
      return post(token, ARTICLES, input).<Integer>path("id");
    }

    long zone(Map<String, Object> input) {
      return post(BOOTSTRAP, ZONES, input).<Integer>path("id");
    }

    long category(Map<String, Object> input) {
      return post(BOOTSTRAP, CATEGORIES, input).<Integer>path("id");
    }

    void remember(String path) {
      paths.push(path);
    }

    /** Deletes everything still there; whatever a test deleted itself is skipped. */
    void deleteAll() {
      AssertionError failure = null;
      while (!paths.isEmpty()) {
        String path = paths.pop();
        try {
          delete(path);
        } catch (AssertionError e) {
          failure = failure == null ? e : failure;
        }
      }
      if (failure != null) {
        throw failure;
      }
    }

    /** Deletes one row now, handing over whatever still refers to it; 404 is fine. */
    static void delete(String path) {
      Response current = as(BOOTSTRAP).get(path);
      if (current.statusCode() == 404) {
        return;
      }
      String etag = current.header("ETag");
      Response deleted = as(BOOTSTRAP).header("If-Match", etag).delete(path);
      if (deleted.statusCode() == 409) {
        // Still referred to: hand whatever refers to it to a fixture parent, then it goes.
        String heir = path.startsWith(ZONES) ? "beijing" : "policies";
        deleted =
            as(BOOTSTRAP).header("If-Match", etag).queryParam("reassignTo", heir).delete(path);
      }
      assertEquals(
          204, deleted.statusCode(), "clean-up DELETE " + path + ": " + deleted.asString());
    }
  }
}
