package com.investchn.content.article;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.investchn.content.common.change.Change;
import com.investchn.content.common.change.ChangeLog;
import com.investchn.content.common.fields.FieldSelection;
import com.investchn.content.support.AdminArticles;
import com.investchn.content.support.ApiTest;
import com.investchn.content.support.Fixtures;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 14: fields= on every representation that offers it, the updatedAt orders walked by page, by
 * cursor and by /adjacent over a list with ties, and the ids= batch lookup.
 */
@QuarkusTest
class LeanListsTest extends ApiTest {

  private static final String LIST = "/api/v1/articles";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> PAGING =
      Set.of("items", "page", "size", "totalItems", "totalPages", "nextCursor");

  @Inject DataSource dataSource;
  @Inject ChangeLog changeLog;

  private final AdminArticles articles = new AdminArticles();

  @AfterEach
  void deleteCreated() {
    articles.deleteAll();
  }

  // --- fields ----------------------------------------------------------------------------------

  @Test
  void aListSendsOnlyTheChosenFieldsOfEachItemAndAlwaysItsPagingFields() throws Exception {
    JsonNode page =
        json(
            given()
                .queryParam("fields", "id,slug,title,publishedAt,zone")
                .queryParam("size", 3)
                .get(LIST));

    assertEquals(PAGING, names(page));
    assertEquals(3, page.get("items").size());
    for (JsonNode item : page.get("items")) {
      assertEquals(Set.of("id", "slug", "title", "publishedAt", "zone"), names(item));
      assertTrue(item.get("zone").has("slug"), "a reference comes whole: " + item);
    }
    assertEquals(Fixtures.PUBLIC_NEWEST_FIRST[0], page.get("items").get(0).get("slug").asText());
  }

  @Test
  void oneArticleSendsOnlyTheChosenFields() throws Exception {
    JsonNode article =
        json(
            given()
                .queryParam("fields", "title, breadcrumb ,updatedAt")
                .get(LIST + "/" + Fixtures.PUBLIC_NEWEST_FIRST[1]));

    assertEquals(Set.of("title", "breadcrumb", "updatedAt"), names(article));
    assertTrue(article.get("breadcrumb").isArray());
  }

  @Test
  void searchHitsSendOnlyTheChosenFields() throws Exception {
    JsonNode page =
        json(
            given()
                .queryParam("q", "Suzhou")
                .queryParam("fields", "id,score")
                .get("/api/v1/search"));

    assertEquals(PAGING, names(page));
    assertTrue(page.get("items").size() > 0, page.toString());
    for (JsonNode item : page.get("items")) {
      assertEquals(Set.of("id", "score"), names(item));
    }
  }

  @Test
  void jsonFeedItemsSendOnlyTheChosenFieldsAndTheFeedKeepsItsOwn() throws Exception {
    Response answer = given().queryParam("fields", "id,title").get("/api/v1/feeds/articles.json");
    answer.then().statusCode(200);
    JsonNode feed = JSON.readTree(answer.asString());

    assertTrue(names(feed).containsAll(Set.of("version", "title", "items")), feed.toString());
    assertTrue(feed.get("items").size() > 0);
    for (JsonNode item : feed.get("items")) {
      assertEquals(Set.of("id", "title"), names(item));
    }
    given()
        .queryParam("fields", "id,content")
        .get("/api/v1/feeds/articles.json")
        .then()
        .statusCode(400)
        .body("parameter", is("fields"))
        .body("detail", containsString("content_html"));
  }

  @Test
  void anUnknownOrMisspeltFieldIsAProblemThatListsTheValidOnes() {
    for (String path : List.of(LIST, LIST + "/" + Fixtures.PUBLIC_NEWEST_FIRST[0])) {
      given()
          .queryParam("fields", "id,titel")
          .get(path)
          .then()
          .statusCode(400)
          .contentType("application/problem+json")
          .body("type", containsString("invalid-parameter"))
          .body("parameter", is("fields"))
          .body("detail", containsString("'titel'"))
          .body("detail", containsString("title"))
          .body("detail", containsString("publishedAt"));
    }
    given().queryParam("fields", "id,,slug").get(LIST).then().statusCode(400);
    // An empty list says which fields there are, not only that it is empty.
    given()
        .queryParam("fields", "")
        .get(LIST)
        .then()
        .statusCode(400)
        .body("detail", containsString("without empty items"))
        .body("detail", containsString("publishedAt"));
    given()
        .queryParam("fields", "id")
        .queryParam("fields", "slug")
        .get(LIST)
        .then()
        .statusCode(400)
        .body("parameter", is("fields"))
        .body("detail", is("Query parameter 'fields' must be given at most once."));
    // Search hits have fields an article list does not.
    given()
        .queryParam("fields", "id,score")
        .get(LIST)
        .then()
        .statusCode(400)
        .body("detail", containsString("'score'"));
  }

  @Test
  void eachFieldSetIsCachedTaggedAndCompressedOnItsOwn() {
    Response lean = given().queryParam("fields", "id,slug").get(LIST);
    Response leaner = given().queryParam("fields", "id").get(LIST);
    Response full = given().get(LIST);
    assertNotEquals(lean.header("ETag"), leaner.header("ETag"));
    assertNotEquals(lean.header("ETag"), full.header("ETag"));
    assertTrue(lean.asByteArray().length < full.asByteArray().length);

    // The second answer comes from the response cache: the same trimmed bytes, the same tag.
    Response again = given().queryParam("fields", "id,slug").get(LIST);
    assertEquals(lean.asString(), again.asString());
    assertEquals(lean.header("ETag"), again.header("ETag"));
    given()
        .queryParam("fields", "id,slug")
        .header("If-None-Match", lean.header("ETag"))
        .get(LIST)
        .then()
        .statusCode(304);
    given()
        .queryParam("fields", "id")
        .header("If-None-Match", lean.header("ETag"))
        .get(LIST)
        .then()
        .statusCode(200);
    Response zipped =
        given()
            .queryParam("fields", "id,slug,title,summary")
            .queryParam("size", 10)
            .header("Accept-Encoding", "gzip")
            .get(LIST);
    zipped.then().statusCode(200).header("Content-Encoding", "gzip");
    assertEquals(
        given()
            .queryParam("fields", "id,slug,title,summary")
            .queryParam("size", 10)
            .get(LIST)
            .asString(),
        zipped.asString(),
        "the compressed answer inflates to the same JSON");
  }

  @Test
  void theContractListsTheFieldsOfEachAnswerAsTheAllowedValues() throws Exception {
    JsonNode paths =
        JSON.readTree(given().queryParam("format", "json").get("/q/openapi").asString())
            .get("paths");
    assertEquals(
        FieldSelection.fieldsOf(ArticleSummary.class), allowedFields(paths, "/api/v1/articles"));
    assertEquals(
        FieldSelection.fieldsOf(ArticleDetail.class),
        allowedFields(paths, "/api/v1/articles/{idOrSlug}"));
    List<String> hit = allowedFields(paths, "/api/v1/search");
    assertTrue(hit.containsAll(FieldSelection.fieldsOf(ArticleSummary.class)), hit.toString());
    assertTrue(hit.containsAll(List.of("score", "highlights")), hit.toString());
    assertTrue(
        allowedFields(paths, "/api/v1/feeds/articles.json")
            .containsAll(List.of("id", "url", "title", "content_html", "date_published")));
  }

  private static List<String> allowedFields(JsonNode paths, String path) {
    for (JsonNode parameter : paths.get(path).get("get").get("parameters")) {
      if (parameter.get("name").asText().equals("fields")) {
        List<String> names = new ArrayList<>();
        parameter.get("schema").get("items").get("enum").forEach(name -> names.add(name.asText()));
        assertEquals("form", parameter.get("style").asText());
        assertEquals(false, parameter.get("explode").asBoolean());
        return names;
      }
    }
    throw new AssertionError(path + " declares no fields parameter");
  }

  // --- sort ------------------------------------------------------------------------------------

  @Test
  void updatedAtOrdersAreTotalByPageByCursorAndByAdjacent() throws Exception {
    List<Long> tied = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      tied.add(publish("同时更新的文章 " + i));
    }
    // Four articles changed at the same instant: their order must come from the id.
    tie(tied, Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MICROS));

    for (String zone : new String[] {null, "daxing"}) {
      List<Item> all = everything(zone);
      for (boolean descending : new boolean[] {true, false}) {
        String sort = descending ? "updatedAt,desc" : "updatedAt,asc";
        Comparator<Item> order = Comparator.comparing(Item::updatedAt).thenComparingLong(Item::id);
        List<Long> expected =
            all.stream().sorted(descending ? order.reversed() : order).map(Item::id).toList();
        assertTrue(expected.containsAll(tied), "the tied articles are in the list");

        assertEquals(expected, byPages(zone, sort, 3), sort + " by pages in " + zone);
        assertEquals(expected, byCursor(zone, sort, 3), sort + " by cursor in " + zone);
        assertAdjacent(zone, sort, expected);
      }
    }
  }

  @Test
  void aFeedFollowsTheChosenOrder() throws Exception {
    long touched = publish("最近更新的文章");
    List<Item> all = everything(null);
    Item oldest = all.stream().min(Comparator.comparing(Item::updatedAt)).orElseThrow();

    JsonNode newest =
        JSON.readTree(
            given()
                .queryParam("sort", "updatedAt,desc")
                .queryParam("limit", 1)
                .get("/api/v1/feeds/articles.json")
                .asString());
    JsonNode first =
        JSON.readTree(
            given()
                .queryParam("sort", "updatedAt,asc")
                .queryParam("limit", 1)
                .get("/api/v1/feeds/articles.json")
                .asString());

    assertTrue(
        newest.get("items").get(0).get("url").asText().contains(slugOf(all, touched)),
        newest.toString());
    assertTrue(
        first.get("items").get(0).get("url").asText().contains(oldest.slug()), first.toString());
  }

  @Test
  void aCursorOfOneOrderIsRefusedByAnother() {
    String cursor =
        given()
            .queryParam("sort", "updatedAt,desc")
            .queryParam("size", 2)
            .get(LIST)
            .path("nextCursor");
    given()
        .queryParam("sort", "publishedAt,desc")
        .queryParam("size", 2)
        .queryParam("cursor", cursor)
        .get(LIST)
        .then()
        .statusCode(400)
        .body("parameter", is("cursor"));
    given()
        .queryParam("sort", "updatedAt")
        .get(LIST)
        .then()
        .statusCode(400)
        .body("parameter", is("sort"))
        .body("detail", containsString("updatedAt,asc"));
  }

  // --- ids -------------------------------------------------------------------------------------

  @Test
  void idsAnswerExactlyThoseArticlesInTheRequestedOrder() throws Exception {
    long second = fixtures.id(Fixtures.PUBLIC_NEWEST_FIRST[1]);
    String fifth = Fixtures.PUBLIC_NEWEST_FIRST[4];
    Response answer =
        given()
            .queryParam(
                "ids",
                fifth
                    + ","
                    + second
                    + ",no-such-article,"
                    + Fixtures.DRAFT
                    + ","
                    + Fixtures.SCHEDULED
                    + ",999999999,"
                    + fifth)
            .get(LIST);
    answer.then().statusCode(200).header("X-Total-Count", "2");
    JsonNode page = JSON.readTree(answer.asString());
    assertEquals(List.of(fifth, Fixtures.PUBLIC_NEWEST_FIRST[1]), slugs(page));
    assertEquals(2, page.get("totalItems").asInt());
    assertEquals(1, page.get("page").asInt());
    assertNull(page.get("nextCursor").textValue());

    JsonNode lean =
        json(given().queryParam("ids", second).queryParam("fields", "id,title").get(LIST));
    assertEquals(Set.of("id", "title"), names(lean.get("items").get(0)));

    JsonNode none = json(given().queryParam("ids", "no-such-article").get(LIST));
    assertEquals(0, none.get("items").size());
    assertEquals(0, none.get("totalItems").asInt());
  }

  @Test
  void idsAreBoundedAndStandAlone() {
    String hundred =
        IntStream.rangeClosed(1, 100).mapToObj(Integer::toString).collect(Collectors.joining(","));
    given().queryParam("ids", hundred).get(LIST).then().statusCode(200);
    given()
        .queryParam("ids", hundred + ",101")
        .get(LIST)
        .then()
        .statusCode(400)
        .body("parameter", is("ids"))
        .body("detail", containsString("100"));
    given().queryParam("ids", "1,,2").get(LIST).then().statusCode(400).body("parameter", is("ids"));
    for (String other : List.of("page", "size", "cursor", "sort", "zone", "category")) {
      given()
          .queryParam("ids", "1")
          .queryParam(other, "x")
          .get(LIST)
          .then()
          .statusCode(400)
          .contentType("application/problem+json");
    }
  }

  @Test
  void idsNamesEveryListOrPagingParameterItIsCombinedWith() {
    for (String other :
        List.of(
            "category",
            "zone",
            "publisherZone",
            "source",
            "from",
            "to",
            "sort",
            "page",
            "size",
            "cursor")) {
      given()
          .queryParam("ids", "1")
          .queryParam(other, "x")
          .get(LIST)
          .then()
          .statusCode(400)
          .body("parameter", is(other))
          .body("detail", containsString("cannot be combined with 'ids'"));
    }
  }

  // --- helpers ---------------------------------------------------------------------------------

  private record Item(long id, String slug, Instant updatedAt) {}

  /** Every public article of the list (newest first, one page of 100), with its change time. */
  private List<Item> everything(String zone) throws Exception {
    var request = given().queryParam("size", 100);
    if (zone != null) {
      request.queryParam("zone", zone);
    }
    JsonNode page = json(request.get(LIST));
    assertTrue(page.get("totalItems").asInt() <= 100, "one page holds the whole list");
    List<Item> items = new ArrayList<>();
    for (JsonNode item : page.get("items")) {
      items.add(
          new Item(
              item.get("id").asLong(),
              item.get("slug").asText(),
              OffsetDateTime.parse(item.get("updatedAt").asText()).toInstant()));
    }
    return items;
  }

  private List<Long> byPages(String zone, String sort, int size) throws Exception {
    List<Long> ids = new ArrayList<>();
    for (int page = 1; ; page++) {
      var request =
          given().queryParam("sort", sort).queryParam("size", size).queryParam("page", page);
      if (zone != null) {
        request.queryParam("zone", zone);
      }
      JsonNode body = json(request.get(LIST));
      if (body.get("items").isEmpty()) {
        return ids;
      }
      body.get("items").forEach(item -> ids.add(item.get("id").asLong()));
    }
  }

  private List<Long> byCursor(String zone, String sort, int size) throws Exception {
    List<Long> ids = new ArrayList<>();
    String cursor = null;
    do {
      var request = given().queryParam("sort", sort).queryParam("size", size);
      if (zone != null) {
        request.queryParam("zone", zone);
      }
      if (cursor != null) {
        request.queryParam("cursor", cursor);
      }
      JsonNode body = json(request.get(LIST));
      body.get("items").forEach(item -> ids.add(item.get("id").asLong()));
      cursor = body.get("nextCursor").textValue();
    } while (cursor != null);
    return ids;
  }

  /** Each item's previous and next in the list are its neighbours in the expected order. */
  private void assertAdjacent(String zone, String sort, List<Long> expected) throws Exception {
    Iterator<Long> ids = expected.iterator();
    for (int i = 0; ids.hasNext(); i++) {
      long id = ids.next();
      var request = given().queryParam("sort", sort);
      if (zone != null) {
        request.queryParam("zone", zone);
      }
      JsonNode adjacent = json(request.get(LIST + "/" + id + "/adjacent"));
      long previous =
          adjacent.get("previous").isNull() ? -1 : adjacent.get("previous").get("id").asLong();
      long next = adjacent.get("next").isNull() ? -1 : adjacent.get("next").get("id").asLong();
      assertEquals(i == 0 ? -1 : expected.get(i - 1), previous, sort + " previous of " + id);
      assertEquals(
          i == expected.size() - 1 ? -1 : expected.get(i + 1), next, sort + " next of " + id);
      assertEquals(sort, adjacent.get("context").get("sort").asText());
    }
  }

  private long publish(String title) {
    String input =
        "{\"slug\":\"t-lean-"
            + System.nanoTime()
            + "\",\"title\":\""
            + title
            + "\",\"body\":\"<p>正文</p>\",\"categoryId\":"
            + fixtures.id("text-news")
            + ",\"zoneId\":"
            + fixtures.id("daxing")
            + ",\"status\":\"published\",\"publishedAt\":\""
            + OffsetDateTime.now(ZoneOffset.UTC).minusDays(1).truncatedTo(ChronoUnit.SECONDS)
            + "\"}";
    return articles.create(input);
  }

  /**
   * Gives these articles one change time, as a bulk edit within one microsecond would, and logs the
   * change so that the listing and the response cache follow.
   */
  private void tie(List<Long> ids, Instant at) {
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              try (Connection connection = dataSource.getConnection();
                  PreparedStatement update =
                      connection.prepareStatement(
                          "update article set updated_at = ? where id = ?")) {
                for (long id : ids) {
                  update.setObject(1, ArticleRepository.utc(at));
                  update.setLong(2, id);
                  update.addBatch();
                }
                update.executeBatch();
              } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
              }
              changeLog.append(
                  ids.stream().map(id -> Change.article(id, null, true, true)).toList(), "test");
            });
  }

  private static String slugOf(List<Item> items, long id) {
    return items.stream().filter(item -> item.id() == id).findFirst().orElseThrow().slug();
  }

  private static List<String> slugs(JsonNode page) {
    List<String> slugs = new ArrayList<>();
    page.get("items").forEach(item -> slugs.add(item.get("slug").asText()));
    return slugs;
  }

  private static JsonNode json(Response response) throws Exception {
    assertEquals(200, response.statusCode(), response.asString());
    return JSON.readTree(response.asString());
  }

  private static Set<String> names(JsonNode node) {
    Set<String> names = new HashSet<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
