package com.investchn.content.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.RestAssured;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A partner's copy of the public content, kept by following GET /api/v1/sync with a plain HTTP
 * client, and the public API read the same way to compare with it.
 */
final class Mirror {

  static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient CLIENT = HttpClient.newHttpClient();

  private final String filters;
  private final int limit;
  private final Map<String, JsonNode> entities = new ConcurrentHashMap<>();
  private final Map<String, OffsetDateTime> firstUpsert = new ConcurrentHashMap<>();
  final AtomicLong changesSeen = new AtomicLong();
  final AtomicLong pagesRead = new AtomicLong();
  private String cursor;
  private OffsetDateTime lastChangedAt;

  /** A follower with these query parameters (e.g. {@code category=x}, or empty) and page size. */
  Mirror(String filters, int limit) {
    this.filters = filters;
    this.limit = limit;
  }

  /** Reads one answer and applies it; returns hasMore. */
  synchronized boolean step() {
    String query = "limit=" + limit + (filters.isEmpty() ? "" : "&" + filters);
    if (cursor != null) {
      query += "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8);
    }
    HttpResponse<String> response = get("/api/v1/sync?" + query);
    assertEquals(200, response.statusCode(), () -> "GET /api/v1/sync: " + response.body());
    assertEquals(
        "no-store", response.headers().firstValue("Cache-Control").orElse(""), "never cached");
    JsonNode page = read(response.body());
    pagesRead.incrementAndGet();
    assertTrue(page.path("changes").size() <= limit, "at most limit changes");
    for (JsonNode change : page.path("changes")) {
      changesSeen.incrementAndGet();
      OffsetDateTime changedAt = OffsetDateTime.parse(change.path("changedAt").asText());
      if (lastChangedAt != null) {
        // Served in log order, and the log is numbered in commit order.
        assertFalse(changedAt.isBefore(lastChangedAt), "out of order: " + change);
      }
      lastChangedAt = changedAt;
      String key = key(change.path("entity").asText(), change.path("id").asLong());
      if (change.path("op").asText().equals("upsert")) {
        assertTrue(change.has("data"), "an upsert carries data");
        entities.put(key, change.path("data"));
        firstUpsert.putIfAbsent(key, OffsetDateTime.now());
      } else {
        assertEquals("delete", change.path("op").asText());
        assertFalse(change.has("data"), "a delete carries no data: " + change);
        entities.remove(key);
      }
    }
    cursor = page.path("nextCursor").asText();
    assertFalse(cursor.isEmpty(), "nextCursor always given");
    return page.path("hasMore").asBoolean();
  }

  /** Follows until the feed says nothing more waits. */
  void catchUp() {
    while (step()) {
      // next page
    }
  }

  Map<String, JsonNode> entities() {
    return new TreeMap<>(entities);
  }

  /** When this follower first received an upsert of the entity, or null. */
  OffsetDateTime firstUpsertOf(String key) {
    return firstUpsert.get(key);
  }

  /** Every entity the public API serves now, as it serves it, keyed like the mirror. */
  static Map<String, JsonNode> publicContent(String articleFilter) {
    Map<String, JsonNode> expected = new TreeMap<>();
    for (int page = 1; ; page++) {
      JsonNode list =
          read(
              get("/api/v1/articles?size=100&page="
                      + page
                      + (articleFilter.isEmpty() ? "" : "&" + articleFilter))
                  .body());
      if (list.path("items").isEmpty()) {
        break;
      }
      for (JsonNode item : list.path("items")) {
        long id = item.path("id").asLong();
        expected.put("article:" + id, detail("/api/v1/articles/" + id));
      }
    }
    JsonNode zoneTree = read(get("/api/v1/zones/tree").body());
    forEachNode(zoneTree, id -> expected.put("zone:" + id, detail("/api/v1/zones/" + id)));
    JsonNode categoryTree = read(get("/api/v1/categories").body());
    forEachNode(
        categoryTree, id -> expected.put("category:" + id, detail("/api/v1/categories/" + id)));
    expected.put(key("site", 0), detail("/api/v1/site"));
    return expected;
  }

  /** The mirror's key of an entity; there is one site record, whatever its id. */
  static String key(String entity, long id) {
    return entity.equals("site") ? "site" : entity + ":" + id;
  }

  private static void forEachNode(JsonNode nodes, java.util.function.LongConsumer action) {
    for (JsonNode node : nodes) {
      action.accept(node.path("id").asLong());
      forEachNode(node.path("children"), action);
    }
  }

  static JsonNode detail(String path) {
    HttpResponse<String> response = get(path);
    assertEquals(200, response.statusCode(), () -> "GET " + path + ": " + response.body());
    return read(response.body());
  }

  static HttpResponse<String> get(String path) {
    try {
      return CLIENT.send(
          HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port + path)).build(),
          HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static JsonNode read(String body) {
    try {
      return JSON.readTree(body);
    } catch (IOException e) {
      throw new IllegalStateException(body, e);
    }
  }
}
