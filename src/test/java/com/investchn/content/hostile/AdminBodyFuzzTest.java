package com.investchn.content.hostile;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.investchn.content.support.ApiTest;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every field of every editorial JSON body (article, zone and category create, replace and
 * merge-patch; the site replace and patch; tokens; webhooks; import lines), fed hostile JSON: each
 * answer is a 2xx or a 4xx problem+json, never a 5xx or a stack trace, and the service answers GET
 * /api/v1/site afterwards. Driven like {@link PublicQueryFuzzTest} (see there why): a Jupiter
 * {@code @QuarkusTest} drawing from jqwik arbitraries with a seeded Random.
 *
 * <p>Whatever a hostile body still managed to create is deleted again after each test, and the site
 * record is put back, so the fixture looks the same to every other test.
 */
@QuarkusTest
class AdminBodyFuzzTest extends ApiTest {

  private static final String BOOTSTRAP = "test-bootstrap-admin-token-0123456789abcdef";
  private static final String ADMIN = "/api/v1/admin";
  private static final String JSON = "application/json; charset=UTF-8";
  private static final String MERGE_PATCH = "application/merge-patch+json; charset=UTF-8";
  private static final String PREFIX = "t-fuzz-";

  private static final AtomicInteger SEQUENCE = new AtomicInteger();
  private static final String RUN = Long.toString(System.currentTimeMillis() % 1_000_000, 36);

  private final Fuzzing fuzzing = new Fuzzing();
  private final Deque<String> created = new ArrayDeque<>();
  private Map<String, Object> originalSite;

  @BeforeEach
  void rememberTheSite() {
    Map<String, Object> site =
        new LinkedHashMap<>(as().get(ADMIN + "/site").jsonPath().getMap("site"));
    site.remove("updatedAt");
    originalSite = site;
  }

  @AfterEach
  void deleteWhatWasCreatedAndRestoreTheSite() {
    sweepImported();
    while (!created.isEmpty()) {
      delete(created.pop());
    }
    Response restored =
        as().contentType(JSON).header("If-Match", "*").body(originalSite).put(ADMIN + "/site");
    assertEquals(200, restored.statusCode(), () -> "restoring the site: " + restored.asString());
  }

  @Test
  void articleBodiesNeverBreakTheService() {
    long target = create("/articles", article(slug("target")));
    fuzzing.run(
        "article create",
        bodies(() -> article(slug("a"))),
        body -> send("POST", "/articles", JSON, body));
    fuzzing.run(
        "article replace",
        bodies(() -> article(slug("a"))),
        body -> send("PUT", "/articles/" + target, JSON, body));
    fuzzing.run(
        "article merge-patch",
        bodies(() -> article(slug("a"))),
        body -> send("PATCH", "/articles/" + target, MERGE_PATCH, body));
  }

  @Test
  void zoneAndCategoryBodiesNeverBreakTheService() {
    long zone = create("/zones", zone(slug("zone")));
    long category = create("/categories", category(slug("category")));
    fuzzing.run(
        "zone create", bodies(() -> zone(slug("z"))), body -> send("POST", "/zones", JSON, body));
    fuzzing.run(
        "zone replace",
        bodies(() -> zone(slug("z"))),
        body -> send("PUT", "/zones/" + zone, JSON, body));
    fuzzing.run(
        "zone merge-patch",
        bodies(() -> zone(slug("z"))),
        body -> send("PATCH", "/zones/" + zone, MERGE_PATCH, body));
    fuzzing.run(
        "category create",
        bodies(() -> category(slug("c"))),
        body -> send("POST", "/categories", JSON, body));
    fuzzing.run(
        "category replace",
        bodies(() -> category(slug("c"))),
        body -> send("PUT", "/categories/" + category, JSON, body));
    fuzzing.run(
        "category merge-patch",
        bodies(() -> category(slug("c"))),
        body -> send("PATCH", "/categories/" + category, MERGE_PATCH, body));
  }

  @Test
  void siteBodiesNeverBreakTheService() {
    fuzzing.run("site replace", bodies(this::site), body -> send("PUT", "/site", JSON, body));
    fuzzing.run(
        "site merge-patch", bodies(this::site), body -> send("PATCH", "/site", MERGE_PATCH, body));
  }

  @Test
  void tokenAndWebhookBodiesNeverBreakTheService() {
    fuzzing.run("token create", bodies(this::token), body -> send("POST", "/tokens", JSON, body));
    fuzzing.run(
        "webhook create", bodies(this::webhook), body -> send("POST", "/webhooks", JSON, body));
  }

  @Test
  void importLinesNeverBreakTheService() {
    // A line keeps its type and slug, so that whatever it creates can be found and deleted.
    Arbitrary<byte[]> line =
        Arbitraries.oneOf(
            HostileJson.body(importLine("article"), List.of("type", "slug")),
            HostileJson.body(importLine("zone"), List.of("type", "slug")),
            HostileJson.body(importLine("category"), List.of("type", "slug")),
            HostileJson.body(importLine("site"), List.of("type")));
    Arbitrary<byte[]> ndjson =
        line.list()
            .ofMinSize(1)
            .ofMaxSize(4)
            .map(
                lines -> {
                  java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
                  for (byte[] each : lines) {
                    out.writeBytes(each);
                    out.write('\n');
                  }
                  return out.toByteArray();
                });
    fuzzing.run("import", ndjson, body -> send("POST", "/import", "application/x-ndjson", body));
  }

  // --- bodies -----------------------------------------------------------------------------------

  /** Hostile variants of a valid body; a fresh valid one (new slug) for every try. */
  private static Arbitrary<byte[]> bodies(java.util.function.Supplier<Map<String, String>> valid) {
    return Arbitraries.just(0).flatMap(ignored -> HostileJson.body(valid.get(), List.of()));
  }

  private Map<String, String> article(String slug) {
    Map<String, String> body = new LinkedHashMap<>();
    body.put("slug", q(slug));
    body.put("externalId", q(slug));
    body.put("title", q("模糊测试文章"));
    body.put("summary", q("摘要"));
    body.put("body", q("<p>正文第一段。</p>"));
    body.put("publishedAt", q("2024-06-21T09:30:00+08:00"));
    body.put("source", q("大兴区融媒体中心"));
    body.put("sourceUrl", q("https://www.example.com/a"));
    body.put("author", q("李明远"));
    body.put("coverImageUrl", q("https://www.example.com/a.jpg"));
    body.put("categoryId", String.valueOf(fixtures.id("text-news")));
    body.put("zoneId", String.valueOf(fixtures.id("daxing")));
    body.put("publisherZoneId", String.valueOf(fixtures.id("beijing-etdz")));
    body.put("status", q("draft"));
    return body;
  }

  private Map<String, String> zone(String slug) {
    Map<String, String> body = new LinkedHashMap<>();
    body.put("slug", q(slug));
    body.put("name", q("模糊测试区"));
    body.put("nameEn", q("Fuzz District"));
    body.put("kind", q("development_zone"));
    body.put("level", q("national"));
    body.put("type", q("high_tech"));
    body.put("parentId", String.valueOf(fixtures.id("daxing")));
    return body;
  }

  private Map<String, String> category(String slug) {
    Map<String, String> body = new LinkedHashMap<>();
    body.put("slug", q(slug));
    body.put("name", q("模糊测试频道"));
    body.put("nameEn", q("Fuzz Channel"));
    body.put("parentId", String.valueOf(fixtures.id("policies")));
    body.put("position", "9");
    body.put("zoneScoped", "false");
    return body;
  }

  private Map<String, String> site() {
    Map<String, String> body = new LinkedHashMap<>();
    originalSite.forEach(
        (key, value) -> body.put(key, value == null ? "null" : q(value.toString())));
    return body;
  }

  private Map<String, String> token() {
    Map<String, String> body = new LinkedHashMap<>();
    body.put("name", q(slug("token")));
    body.put("role", q("editor"));
    body.put("expiresAt", q("2099-06-30T23:59:59.000000+08:00"));
    return body;
  }

  private Map<String, String> webhook() {
    Map<String, String> body = new LinkedHashMap<>();
    // Loopback is allowed in the test profile; nothing listens on port 9.
    body.put("url", q("http://127.0.0.1:9/" + slug("hook")));
    body.put("events", "[\"article.published\",\"zone.changed\"]");
    body.put("category", q("policies"));
    body.put("zone", q("daxing"));
    body.put("description", q("模糊测试"));
    return body;
  }

  private static Map<String, String> importLine(String type) {
    Map<String, String> line = new LinkedHashMap<>();
    line.put("type", q(type));
    switch (type) {
      case "article" -> {
        line.put("slug", q(slug("imported")));
        line.put("title", q("导入的文章"));
        line.put("body", q("<p>正文</p>"));
        line.put("category", q("policies"));
        line.put("zone", q("suzhou"));
        line.put("status", q("draft"));
        line.put("publishedAt", q("2024-06-21T09:30:00+08:00"));
      }
      case "zone" -> {
        line.put("slug", q(slug("imported-zone")));
        line.put("name", q("导入的区"));
        line.put("kind", q("district"));
        line.put("parent", q("suzhou"));
      }
      case "category" -> {
        line.put("slug", q(slug("imported-category")));
        line.put("name", q("导入的频道"));
        line.put("parent", q("policies"));
        line.put("position", "3");
      }
      default -> {
        line.put("name", q("投促中国"));
        line.put("baseUrl", q("https://www.investchn.com"));
      }
    }
    return line;
  }

  private static String q(String text) {
    return HostileJson.quote(text, false);
  }

  private static String slug(String stem) {
    return PREFIX + stem + "-" + RUN + "-" + SEQUENCE.incrementAndGet();
  }

  // --- the wire ---------------------------------------------------------------------------------

  private Fuzzing.Exchange send(String method, String path, String contentType, byte[] body) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Authorization", "Bearer " + BOOTSTRAP);
    headers.put("Content-Type", contentType);
    headers.put("Accept", "application/json");
    if (!method.equals("POST")) {
      headers.put("If-Match", "*");
    }
    byte[] target = (ADMIN + path).getBytes(StandardCharsets.US_ASCII);
    RawHttp.Answer answer = fuzzing.http().send(method, target, headers, body);
    if (answer.status() == 201 && answer.header("Location") != null) {
      created.push(URI.create(answer.header("Location")).getPath());
    }
    return new Fuzzing.Exchange(
        method + " " + ADMIN + path + " " + contentType + " " + Shown.bytes(body), true, answer);
  }

  private long create(String collection, Map<String, String> body) {
    byte[] json = HostileJson.apply(body, List.of());
    RawHttp.Answer answer = send("POST", collection, JSON, json).answer();
    assertEquals(201, answer.status(), () -> "POST " + collection + ": " + answer.body());
    return JsonPath.from(answer.body()).getLong("id");
  }

  private static io.restassured.specification.RequestSpecification as() {
    return given().auth().oauth2(BOOTSTRAP);
  }

  private static void delete(String path) {
    Response current = as().get(path);
    if (current.statusCode() == 404) {
      return;
    }
    Response deleted = as().header("If-Match", "*").delete(path);
    if (deleted.statusCode() == 409) {
      String heir = path.contains("/zones/") ? "beijing" : "policies";
      deleted = as().header("If-Match", "*").queryParam("reassignTo", heir).delete(path);
    }
    int status = deleted.statusCode();
    assertEquals(204, status, "clean-up DELETE " + path + ": " + deleted.asString());
  }

  /** What an import created: every article, zone and category whose slug says it is ours. */
  private void sweepImported() {
    List<String> paths = new ArrayList<>();
    for (int page = 1; ; page++) {
      JsonPath list =
          as().queryParam("size", "100")
              .queryParam("page", page)
              .get(ADMIN + "/articles")
              .jsonPath();
      List<Map<String, Object>> items = list.getList("items");
      if (items == null || items.isEmpty()) {
        break;
      }
      for (Map<String, Object> item : items) {
        if (String.valueOf(item.get("slug")).startsWith(PREFIX + "imported")) {
          paths.add(ADMIN + "/articles/" + item.get("id"));
        }
      }
    }
    collect(given().get("/api/v1/zones/tree").jsonPath().getList("$"), "/zones/", paths);
    collect(given().get("/api/v1/categories").jsonPath().getList("$"), "/categories/", paths);
    paths.forEach(created::push);
  }

  /** Children after their parents, so that popping the stack deletes children first. */
  @SuppressWarnings("unchecked")
  private static void collect(List<Object> nodes, String collection, List<String> paths) {
    for (Object node : nodes) {
      Map<String, Object> each = (Map<String, Object>) node;
      if (String.valueOf(each.get("slug")).startsWith(PREFIX + "imported")) {
        paths.add(ADMIN + collection + each.get("id"));
      }
      Object children = each.get("children");
      if (children instanceof List<?> list) {
        collect((List<Object>) list, collection, paths);
      }
    }
  }
}
