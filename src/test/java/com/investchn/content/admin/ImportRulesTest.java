package com.investchn.content.admin;

import static com.investchn.content.admin.AdminSupport.ARTICLES;
import static com.investchn.content.admin.AdminSupport.BOOTSTRAP;
import static com.investchn.content.admin.AdminSupport.CATEGORIES;
import static com.investchn.content.admin.AdminSupport.JSON;
import static com.investchn.content.admin.AdminSupport.MERGE_PATCH;
import static com.investchn.content.admin.AdminSupport.SITE;
import static com.investchn.content.admin.AdminSupport.ZONES;
import static com.investchn.content.admin.AdminSupport.as;
import static com.investchn.content.admin.AdminSupport.json;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.investchn.content.support.ApiTest;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The importer enforces every rule of the editorial API with the same message, because both ask the
 * same editor: for each rule one bad input goes through the API and the same bad content as an
 * import line, and the import's reason must read exactly as the API's problem.
 */
@QuarkusTest
class ImportRulesTest extends ApiTest {

  private final AdminSupport.Created created = new AdminSupport.Created();

  @AfterEach
  void deleteWhatTheTestCreated() {
    created.deleteAll();
  }

  /** One rule: the same change applied to an API body and to an import line. */
  private record Rule(String name, String kind, Consumer<Map<String, Object>> change) {}

  @Test
  void everyEditorialRuleIsEnforcedOnImportWithTheSameMessage() {
    String takenSlug = AdminSupport.slug("taken");
    Map<String, Object> holder = articleBody();
    holder.put("slug", takenSlug);
    created.article(BOOTSTRAP, holder);

    long parent =
        created.zone(
            AdminSupport.zone(
                AdminSupport.slug("rule-parent"), "规则上级", "district", fixtures.id("suzhou")));
    String parentSlug = as(BOOTSTRAP).get(ZONES + "/" + parent).path("slug");
    long child =
        created.zone(
            AdminSupport.zone(AdminSupport.slug("rule-child"), "规则下级", "district", parent));
    String childSlug = as(BOOTSTRAP).get(ZONES + "/" + child).path("slug");

    List<Rule> rules =
        List.of(
            new Rule("blank title", "article", m -> m.put("title", "  ")),
            new Rule("long title", "article", m -> m.put("title", "标".repeat(201))),
            new Rule("long summary", "article", m -> m.put("summary", "要".repeat(501))),
            new Rule("blank body", "article", m -> m.put("body", " ")),
            new Rule(
                "body too large once sanitized",
                "article",
                m -> m.put("body", "&".repeat(300_000))),
            new Rule("slug format", "article", m -> m.put("slug", "Bad Slug")),
            new Rule("slug all digits", "article", m -> m.put("slug", "12345")),
            new Rule("long externalId", "article", m -> m.put("externalId", "x".repeat(201))),
            new Rule("long source", "article", m -> m.put("source", "源".repeat(201))),
            new Rule("long author", "article", m -> m.put("author", "作".repeat(101))),
            new Rule(
                "javascript sourceUrl", "article", m -> m.put("sourceUrl", "javascript:alert(1)")),
            new Rule(
                "ftp cover", "article", m -> m.put("coverImageUrl", "ftp://example.com/a.jpg")),
            new Rule("unknown status", "article", m -> m.put("status", "archived")),
            new Rule("bad publishedAt", "article", m -> m.put("publishedAt", "yesterday")),
            new Rule(
                "slug of another article",
                "article",
                m -> {
                  m.put("slug", takenSlug);
                  m.put("externalId", AdminSupport.slug("ext"));
                }),
            new Rule("zone slug format", "zone", m -> m.put("slug", "Bad Slug")),
            new Rule("blank zone name", "zone", m -> m.put("name", " ")),
            new Rule("long zone name", "zone", m -> m.put("name", "区".repeat(201))),
            new Rule("long zone nameEn", "zone", m -> m.put("nameEn", "z".repeat(201))),
            new Rule("unknown kind", "zone", m -> m.put("kind", "planet")),
            new Rule("missing kind", "zone", m -> m.remove("kind")),
            new Rule("level of a district", "zone", m -> m.put("level", "national")),
            new Rule("type of a district", "zone", m -> m.put("type", "high_tech")),
            new Rule(
                "zone under its own descendant",
                "zone-move",
                m -> {
                  m.put("slug", parentSlug);
                  m.put("parent", childSlug);
                }),
            new Rule("category slug format", "category", m -> m.put("slug", "Bad_Slug")),
            new Rule("blank category name", "category", m -> m.put("name", "")),
            new Rule("zone-scoped child", "category", m -> m.put("zoneScoped", true)),
            new Rule("position not a number", "category", m -> m.put("position", "first")),
            new Rule("blank site name", "site", m -> m.put("name", " ")),
            new Rule("javascript baseUrl", "site", m -> m.put("baseUrl", "javascript:alert(1)")),
            new Rule("logoUrl not a URL", "site", m -> m.put("logoUrl", "not a url")),
            new Rule("bad locale", "site", m -> m.put("locale", "chinese")),
            new Rule("bad timezone", "site", m -> m.put("timezone", "Mars/Base")),
            new Rule("bad email", "site", m -> m.put("email", "not-an-email")));

    List<String> lines = new ArrayList<>();
    Map<Integer, String> expected = new HashMap<>();
    for (Rule rule : rules) {
      Map<String, Object> line = lineFor(rule.kind());
      String lineType = (String) line.remove("type");
      rule.change().accept(line);
      Map<String, Object> typed = new LinkedHashMap<>();
      typed.put("type", lineType);
      // A zone line calls the zone's type zoneType, since type names the line.
      line.forEach(
          (key, value) ->
              typed.put(lineType.equals("zone") && key.equals("type") ? "zoneType" : key, value));
      lines.add(json(typed));
      expected.put(lines.size(), apiMessage(rule, parent, childSlug));
    }
    Response report = importing(String.join("\n", lines));
    report.then().statusCode(200);
    assertEquals(rules.size(), report.<Integer>path("rejectedCount"), report.asString());
    List<Map<String, Object>> rejected = report.path("rejected");
    Map<Integer, String> actual =
        rejected.stream()
            .collect(Collectors.toMap(r -> (Integer) r.get("line"), r -> (String) r.get("reason")));
    for (int i = 0; i < rules.size(); i++) {
      String name = rules.get(i).name();
      String apiMessage = expected.get(i + 1);
      assertTrue(!apiMessage.isBlank(), name + ": the API accepted what the rule forbids");
      assertEquals(apiMessage, actual.get(i + 1), name + " (line " + (i + 1) + ")");
    }
  }

  @Test
  void importedNamesAreTrimmedAsTheEditorsTrimThem() {
    String slug = AdminSupport.slug("trimmed");
    Map<String, Object> line = lineFor("zone");
    line.put("slug", slug);
    line.put("name", "  两端有空格的区  ");
    importing(json(line)).then().statusCode(200).body("created.zone", org.hamcrest.Matchers.is(1));
    Response zone = given().get("/api/v1/zones/" + slug);
    assertEquals("两端有空格的区", zone.path("name"));
    created.remember(ZONES + "/" + zone.<Integer>path("id"));
  }

  /** What the editorial API answers to the same bad content: "field: message; …" or the detail. */
  private String apiMessage(Rule rule, long zoneToMove, String newParentSlug) {
    Map<String, Object> body;
    Response response;
    switch (rule.kind()) {
      case "article" -> {
        body = articleBody();
        rule.change().accept(body);
        response = as(BOOTSTRAP).contentType(JSON).body(json(body)).post(ARTICLES);
      }
      case "zone" -> {
        body = zoneBody();
        rule.change().accept(body);
        response = as(BOOTSTRAP).contentType(JSON).body(json(body)).post(ZONES);
      }
      case "zone-move" -> {
        String etag = as(BOOTSTRAP).get(ZONES + "/" + zoneToMove).header("ETag");
        long newParent = given().get("/api/v1/zones/" + newParentSlug).<Integer>path("id");
        response =
            as(BOOTSTRAP)
                .header("If-Match", etag)
                .contentType(MERGE_PATCH)
                .body("{\"parentId\":" + newParent + "}")
                .patch(ZONES + "/" + zoneToMove);
      }
      case "category" -> {
        body = categoryBody();
        rule.change().accept(body);
        response = as(BOOTSTRAP).contentType(JSON).body(json(body)).post(CATEGORIES);
      }
      case "site" -> {
        body = siteBody();
        rule.change().accept(body);
        response = as(BOOTSTRAP).contentType(JSON).body(json(body)).put(SITE);
      }
      default -> throw new IllegalArgumentException(rule.kind());
    }
    if (response.statusCode() == 201) {
      created.remember(response.header("Location").replaceAll("^https?://[^/]+", ""));
      return "";
    }
    if (response.statusCode() == 400) {
      List<Map<String, String>> errors = response.path("errors");
      return errors.stream()
          .map(error -> error.get("field") + ": " + error.get("message"))
          .collect(Collectors.joining("; "));
    }
    assertEquals(409, response.statusCode(), rule.name() + ": " + response.asString());
    return response.path("detail");
  }

  private Map<String, Object> articleBody() {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("slug", AdminSupport.slug("rule-article"));
    body.put("title", "规则测试文章");
    body.put("body", "<p>正文</p>");
    body.put("categoryId", fixtures.id("policies"));
    body.put("zoneId", fixtures.id("suzhou"));
    return body;
  }

  private Map<String, Object> zoneBody() {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("slug", AdminSupport.slug("rule-zone"));
    body.put("name", "规则测试区");
    body.put("kind", "district");
    body.put("parentId", fixtures.id("suzhou"));
    return body;
  }

  private Map<String, Object> categoryBody() {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("slug", AdminSupport.slug("rule-category"));
    body.put("name", "规则测试频道");
    body.put("parentId", fixtures.id("policies"));
    return body;
  }

  private static Map<String, Object> siteBody() {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("name", "投促中国");
    body.put("baseUrl", "https://www.investchn.com");
    return body;
  }

  /** A valid import line of the kind, referring by slug where the API refers by id. */
  private static Map<String, Object> lineFor(String kind) {
    Map<String, Object> line = new LinkedHashMap<>();
    switch (kind) {
      case "article" -> {
        line.put("type", "article");
        line.put("slug", AdminSupport.slug("rule-line"));
        line.put("title", "规则测试文章");
        line.put("body", "<p>正文</p>");
        line.put("category", "policies");
        line.put("zone", "suzhou");
      }
      case "zone", "zone-move" -> {
        line.put("type", "zone");
        line.put("slug", AdminSupport.slug("rule-line-zone"));
        line.put("name", "规则测试区");
        line.put("kind", "district");
        line.put("parent", "suzhou");
      }
      case "category" -> {
        line.put("type", "category");
        line.put("slug", AdminSupport.slug("rule-line-category"));
        line.put("name", "规则测试频道");
        line.put("parent", "policies");
      }
      case "site" -> {
        line.put("type", "site");
        line.put("name", "投促中国");
        line.put("baseUrl", "https://www.investchn.com");
      }
      default -> throw new IllegalArgumentException(kind);
    }
    return line;
  }

  private static Response importing(String ndjson) {
    return given()
        .auth()
        .oauth2(BOOTSTRAP)
        .contentType("application/x-ndjson")
        .body(ndjson.getBytes(StandardCharsets.UTF_8))
        .post("/api/v1/admin/import");
  }
}
