package com.investchn.content.feed;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.response.Response;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Articles written through the editorial API for a feed test, and the feeds' Link alternates. */
final class FeedSupport {

  static final String BOOTSTRAP = "test-bootstrap-admin-token-0123456789abcdef";
  static final String ARTICLES = "/api/v1/admin/articles";

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Pattern ALTERNATE =
      Pattern.compile("<([^>]+)>; rel=\"alternate\"; type=\"([^\"]+)\"");

  private FeedSupport() {}

  /** Creates a published article a minute old through the admin API and returns its id. */
  static long createPublished(
      String title, String body, long categoryId, long zoneId, String source) {
    Map<String, Object> input = new LinkedHashMap<>();
    input.put("title", title);
    input.put("body", body);
    input.put("categoryId", categoryId);
    input.put("zoneId", zoneId);
    input.put("source", source);
    input.put("status", "published");
    input.put("publishedAt", OffsetDateTime.now(ZoneOffset.ofHours(8)).minusMinutes(1).toString());
    Response created =
        given()
            .auth()
            .oauth2(BOOTSTRAP)
            .contentType("application/json; charset=UTF-8")
            .body(json(input))
            .post(ARTICLES);
    assertEquals(201, created.statusCode(), created.asString());
    return created.<Integer>path("id");
  }

  static void retitle(long id, String title) {
    Response patched =
        given()
            .auth()
            .oauth2(BOOTSTRAP)
            .header("If-Match", etag(id))
            .contentType("application/merge-patch+json; charset=UTF-8")
            .body(json(Map.of("title", title)))
            .patch(ARTICLES + "/" + id);
    assertEquals(200, patched.statusCode(), patched.asString());
  }

  static void delete(long id) {
    Response deleted =
        given().auth().oauth2(BOOTSTRAP).header("If-Match", etag(id)).delete(ARTICLES + "/" + id);
    assertEquals(204, deleted.statusCode(), deleted.asString());
  }

  private static String etag(long id) {
    Response current = given().auth().oauth2(BOOTSTRAP).get(ARTICLES + "/" + id);
    assertEquals(200, current.statusCode(), current.asString());
    return current.header("ETag");
  }

  /** The three alternates a resource with this feed query must advertise, by media type. */
  static Map<String, String> alternates(String origin, String query) {
    String suffix = query.isEmpty() ? "" : "?" + query;
    Map<String, String> expected = new LinkedHashMap<>();
    expected.put("application/rss+xml", origin + "/api/v1/feeds/articles.rss" + suffix);
    expected.put("application/atom+xml", origin + "/api/v1/feeds/articles.atom" + suffix);
    expected.put("application/feed+json", origin + "/api/v1/feeds/articles.json" + suffix);
    return expected;
  }

  /** The rel="alternate" links of a Link header, by type, in their order. */
  static Map<String, String> alternateLinks(String header) {
    Map<String, String> links = new LinkedHashMap<>();
    if (header == null) {
      return links;
    }
    Matcher matcher = ALTERNATE.matcher(header);
    while (matcher.find()) {
      links.put(matcher.group(2), matcher.group(1));
    }
    return links;
  }

  private static String json(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
