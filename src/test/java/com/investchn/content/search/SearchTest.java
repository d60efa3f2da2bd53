package com.investchn.content.search;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.investchn.content.support.AdminArticles;
import com.investchn.content.support.ApiTest;
import com.investchn.content.support.ManagementInterface;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Search through the HTTP API over articles each test writes through the admin API: Chinese
 * matching, relevance order, the query language, filters and paging, visibility, highlights and
 * suggestions.
 */
@QuarkusTest
class SearchTest extends ApiTest {

  private static final String SEARCH = "/api/v1/search";
  private static final AtomicInteger SEQUENCE = new AtomicInteger();
  private static final String RUN = Long.toString(System.currentTimeMillis() % 1_000_000, 36);

  private final AdminArticles articles = new AdminArticles();

  @AfterEach
  void deleteCreated() {
    articles.deleteAll();
  }

  @Test
  void findsAChineseTermInsideABodyWithoutSpaces() {
    long id = publish("合作新闻", "<p>今年以来京蒙协作项目落地四十个，带动就业。</p>", 0);

    Response answer = search("京蒙协作");

    assertTrue(ids(answer).contains(id), answer.asString());
    assertTrue(
        bodyFragments(answer, id).stream().anyMatch(f -> f.contains("<mark>京蒙协作</mark>")),
        answer.asString());
  }

  @Test
  void matchesChineseCharactersOnlyWhenAdjacentAndInOrder() {
    long adjacent = publish("园区建设", "<p>亦庄经济开发区建设提速。</p>", 0);
    long apart = publish("产品发布", "<p>企业开发新产品，落户西城区。</p>", 0);

    List<Long> found = ids(search("开发区"));

    assertTrue(found.contains(adjacent));
    assertFalse(found.contains(apart), "开发 … 区 apart must not match 开发区");
  }

  @Test
  void oneCharacterMatchesThatCharacterTitleFirst() {
    long inBody = publish("一般报道", "<p>这里提到了鑫字一次。</p>", 0);
    long inTitle = publish("鑫源园区开园", "<p>正文没有那个字。</p>", -2);

    List<Long> found = ids(search("鑫"));

    assertTrue(found.indexOf(inTitle) >= 0 && found.indexOf(inBody) > found.indexOf(inTitle));
  }

  @Test
  void ranksATitleMatchAboveAPassingMentionInTheBody() {
    long mention = publish("综合新闻", "<p>会议还提到了蓝莓基地的情况，另有其他多项内容。</p>", 0);
    // Older, so only relevance can put it first.
    long title = publish("蓝莓基地扩建签约", "<p>项目总投资两亿元。</p>", -5);

    List<Long> found = ids(search("蓝莓基地"));

    assertTrue(found.indexOf(title) >= 0, found.toString());
    assertTrue(found.indexOf(mention) > found.indexOf(title), found.toString());
  }

  @Test
  void ranksAnExactPhraseAboveScatteredWords() {
    long scattered = publish("动态甲", "<p>琥珀企业今日宣布，其灯塔工厂投产。</p>", 0);
    long exact = publish("动态乙", "<p>今日宣布琥珀灯塔正式亮灯。</p>", -3);

    List<Long> found = ids(search("琥珀 灯塔"));

    assertTrue(found.indexOf(exact) >= 0, found.toString());
    assertTrue(found.indexOf(scattered) > found.indexOf(exact), found.toString());
  }

  @Test
  void amongEqualsTheNewerComesFirst() {
    long older = publish("翡翠园区第一期", "<p>内容相同。</p>", -10);
    long newer = publish("翡翠园区第一期", "<p>内容相同。</p>", -1);

    List<Long> found = ids(search("翡翠园区"));

    assertTrue(found.indexOf(newer) >= 0 && found.indexOf(older) > found.indexOf(newer));
  }

  @Test
  void foldsFullWidthFormsAndCase() {
    long id = publish("ＡＢＣ科技园２０２４年签约", "<p>项目签约。</p>", 0);

    assertTrue(ids(search("abc")).contains(id));
    assertTrue(ids(search("ABC 2024")).contains(id));
    assertTrue(ids(search("ＡＢＣ")).contains(id));
    Response answer = search("2024");
    assertTrue(
        titleFragments(answer, id).stream().anyMatch(f -> f.contains("<mark>２０２４</mark>")),
        answer.asString());
  }

  @Test
  void foldsSimpleEnglishPlurals() {
    long parks = publish("Zorblax industrial parks open", "<p>Three zorblax parks.</p>", 0);
    long park = publish("Zorblax park expands", "<p>One zorblax park.</p>", 0);

    List<Long> singular = ids(search("zorblax park"));
    List<Long> plural = ids(search("Zorblax Parks"));

    assertTrue(singular.contains(parks) && singular.contains(park), singular.toString());
    assertTrue(plural.contains(parks) && plural.contains(park), plural.toString());
  }

  @Test
  void excludesAndAlternates() {
    long dairy = publish("珊瑚协作乳业", "<p>珊瑚协作带动乳业。</p>", 0);
    long solar = publish("珊瑚协作光伏", "<p>珊瑚协作带动光伏。</p>", 0);
    long other = publish("其他乳业新闻", "<p>乳业。</p>", 0);

    List<Long> excluded = ids(search("珊瑚协作 -光伏"));
    assertTrue(excluded.contains(dairy));
    assertFalse(excluded.contains(solar));

    List<Long> either = ids(search("珊瑚协作 光伏 OR 乳业"));
    assertTrue(either.contains(dairy) && either.contains(solar), either.toString());
    assertFalse(either.contains(other), either.toString());

    List<Long> quoted = ids(search("\"协作带动光伏\""));
    assertEquals(List.of(solar), quoted);
  }

  @Test
  void takesLuceneSyntaxAsTextAndNeverFails() {
    long id = publish("玛瑙园区 (一期)", "<p>玛瑙*园区~说明\\文本:内容</p>", 0);
    for (String q :
        List.of(
            "(",
            "*",
            "~",
            "\\",
            ":",
            "title:玛瑙",
            "\"unterminated 玛瑙",
            "a AND (b OR",
            "-",
            "OR",
            "OR OR",
            "玛瑙 OR",
            "+玛瑙^2",
            "玛瑙~0.8",
            "[1 TO 2]",
            "/regex/",
            "？！。，",
            "\uD83D\uDE00")) {
      given().queryParam("q", q).get(SEARCH).then().statusCode(200).body("items", notNullValue());
    }
    // Punctuation separates words like a space, the words stay in order.
    assertTrue(ids(search("文本:内容")).contains(id));
    assertTrue(ids(search("玛瑙*园区")).contains(id));
    assertTrue(ids(search("(一期)")).contains(id));
  }

  @Test
  void rejectsAMissingBlankOrOverlongQuery() {
    given().get(SEARCH).then().statusCode(400).body("parameter", equalTo("q"));
    given().queryParam("q", "").get(SEARCH).then().statusCode(400).body("parameter", equalTo("q"));
    given()
        .queryParam("q", "   ")
        .get(SEARCH)
        .then()
        .statusCode(400)
        .body("parameter", equalTo("q"));
    given()
        .queryParam("q", "园".repeat(201))
        .get(SEARCH)
        .then()
        .statusCode(400)
        .body("parameter", equalTo("q"))
        .body("detail", containsString("200"));
    given().queryParam("q", "园".repeat(200)).get(SEARCH).then().statusCode(200);
    given().queryParam("q", "\"\"").get(SEARCH).then().statusCode(400);
    given()
        .queryParam("q", "-光伏")
        .get(SEARCH)
        .then()
        .statusCode(400)
        .body("parameter", equalTo("q"));
    given()
        .queryParam("q", "园区")
        .queryParam("sort", "newest")
        .get(SEARCH)
        .then()
        .statusCode(400)
        .body("parameter", equalTo("sort"));
    given()
        .queryParam("q", "园区")
        .queryParam("cursor", "forged")
        .get(SEARCH)
        .then()
        .statusCode(400)
        .body("parameter", equalTo("cursor"));
    given()
        .queryParam("q", "园区")
        .queryParam("zone", "no-such-zone")
        .get(SEARCH)
        .then()
        .statusCode(400)
        .body("parameter", equalTo("zone"));
    given().queryParam("q", "园区").queryParam("qq", "x").get(SEARCH).then().statusCode(400);
  }

  @Test
  void filtersAndPagesLikeTheArticleList() {
    long daxing = publish(article("橄榄合作一", "<p>橄榄合作。</p>", -1, "text-news", "daxing", "来源甲"));
    long haidian = publish(article("橄榄合作二", "<p>橄榄合作。</p>", -2, "policies", "haidian", "来源乙"));
    long suzhou = publish(article("橄榄合作三", "<p>橄榄合作。</p>", -3, "text-news", "suzhou", "来源甲"));

    assertEquals(List.of(daxing, haidian), ids(search("橄榄合作", "zone", "beijing")));
    assertEquals(List.of(daxing, suzhou), ids(search("橄榄合作", "category", "zone-news")));
    assertEquals(List.of(daxing, suzhou), ids(search("橄榄合作", "source", "来源甲")));
    Response oldestFirst = search("橄榄合作", "sort", "publishedAt,asc");
    assertEquals(List.of(suzhou, haidian, daxing), ids(oldestFirst));
    // A time order finds its page without scoring, then scores that page: the same scores.
    assertEquals(scores(search("橄榄合作")), scores(oldestFirst));

    Response first =
        given()
            .queryParam("q", "橄榄合作")
            .queryParam("sort", "publishedAt,desc")
            .queryParam("size", 2)
            .get(SEARCH);
    first
        .then()
        .statusCode(200)
        .header("X-Total-Count", "3")
        .header("Link", containsString("rel=\"next\""))
        .header("Cache-Control", containsString("no-store"))
        .body("page", equalTo(1))
        .body("size", equalTo(2))
        .body("totalItems", equalTo(3))
        .body("totalPages", equalTo(2))
        .body("nextCursor", notNullValue());
    assertEquals(List.of(daxing, haidian), ids(first));

    Response byCursor =
        given()
            .queryParam("q", "橄榄合作")
            .queryParam("sort", "publishedAt,desc")
            .queryParam("size", 2)
            .queryParam("cursor", first.<String>path("nextCursor"))
            .get(SEARCH);
    byCursor.then().statusCode(200).body("page", equalTo(2)).body("nextCursor", nullValue());
    Response byPage =
        given()
            .queryParam("q", "橄榄合作")
            .queryParam("sort", "publishedAt,desc")
            .queryParam("size", 2)
            .queryParam("page", 2)
            .get(SEARCH);
    assertEquals(List.of(suzhou), ids(byCursor));
    assertEquals(ids(byPage), ids(byCursor));

    // A cursor of another query is refused.
    given()
        .queryParam("q", "橄榄")
        .queryParam("sort", "publishedAt,desc")
        .queryParam("size", 2)
        .queryParam("cursor", first.<String>path("nextCursor"))
        .get(SEARCH)
        .then()
        .statusCode(400)
        .body("parameter", equalTo("cursor"));
  }

  @Test
  void neverShowsDraftsAndShowsAScheduledArticleWhenItsTimeComes() throws InterruptedException {
    Map<String, Object> draft = article("琉璃草稿", "<p>琉璃草稿。</p>", 0, "text-news", "daxing", null);
    draft.put("status", "draft");
    long draftId = articles.create(draft);
    OffsetDateTime soon = OffsetDateTime.now(ZoneOffset.UTC).plusSeconds(3);
    Map<String, Object> scheduled = article("琉璃预告", "<p>琉璃预告。</p>", 0, "text-news", "daxing", null);
    scheduled.put("publishedAt", soon.toString());
    long scheduledId = publish(scheduled);

    List<Long> now = ids(search("琉璃"));
    assertFalse(now.contains(draftId));
    assertFalse(now.contains(scheduledId));

    long deadline = System.currentTimeMillis() + 10_000;
    List<Long> later = List.of();
    while (System.currentTimeMillis() < deadline) {
      later = ids(search("琉璃"));
      if (later.contains(scheduledId)) {
        break;
      }
      Thread.sleep(200);
    }
    assertTrue(later.contains(scheduledId), "the scheduled article appears once public");
    assertFalse(later.contains(draftId));
  }

  @Test
  void aWriteIsSearchableAtOnceOnTheWritingInstance() {
    long id = publish("玳瑁园区落成", "<p>正文。</p>", 0);
    assertTrue(ids(search("玳瑁")).contains(id));

    given()
        .auth()
        .oauth2(AdminArticles.BOOTSTRAP)
        .contentType("application/merge-patch+json; charset=UTF-8")
        .header("If-Match", AdminArticles.etag(id))
        .body("{\"title\":\"砗磲园区落成\"}")
        .patch(AdminArticles.PATH + "/" + id)
        .then()
        .statusCode(200);
    assertFalse(ids(search("玳瑁")).contains(id));
    assertTrue(ids(search("砗磲")).contains(id));

    given()
        .auth()
        .oauth2(AdminArticles.BOOTSTRAP)
        .contentType("application/merge-patch+json; charset=UTF-8")
        .header("If-Match", AdminArticles.etag(id))
        .body("{\"status\":\"draft\"}")
        .patch(AdminArticles.PATH + "/" + id)
        .then()
        .statusCode(200);
    assertFalse(ids(search("砗磲")).contains(id), "unpublished");

    given()
        .auth()
        .oauth2(AdminArticles.BOOTSTRAP)
        .contentType("application/merge-patch+json; charset=UTF-8")
        .header("If-Match", AdminArticles.etag(id))
        .body("{\"status\":\"published\"}")
        .patch(AdminArticles.PATH + "/" + id)
        .then()
        .statusCode(200);
    assertTrue(ids(search("砗磲")).contains(id), "published again");

    articles.delete(id);
    assertFalse(ids(search("砗磲")).contains(id), "deleted");
  }

  @Test
  void highlightsEscapeHtmlAndMarkMatches() {
    long id =
        publish(
            "<b>玫瑰</b> & 园区",
            "<p>&lt;script&gt;alert(1)&lt;/script&gt; 玫瑰园区" + "很长的正文".repeat(40) + "再次出现玫瑰。</p>",
            0);

    Response answer = search("玫瑰");
    List<String> title = titleFragments(answer, id);
    List<String> body = bodyFragments(answer, id);

    assertEquals(List.of("&lt;b&gt;<mark>玫瑰</mark>&lt;/b&gt; &amp; 园区"), title);
    assertTrue(body.get(0).contains("&lt;script&gt;alert(1)&lt;/script&gt;"), body.toString());
    assertFalse(String.join("", body).contains("<script>"));
    assertTrue(body.size() >= 2 && body.size() <= 3, body.toString());
    for (String fragment : body) {
      String text = fragment.replace("<mark>", "").replace("</mark>", "");
      assertTrue(text.replaceAll("&[a-z0-9#]+;", "x").length() <= 120, fragment);
    }
    Number score = answer.path("items.find { it.id == " + id + " }.score");
    assertTrue(score.doubleValue() > 0);
  }

  @Test
  void suggestsTitlesForAPrefix() {
    long chinese = publish("琵琶湖产业园开园", "<p>正文。</p>", 0);
    long english = publish("Quokka Valley Park opens", "<p>Body.</p>", 0);

    List<Long> byChinese = suggested("琵琶");
    List<Long> byEnglish = suggested("quok");
    List<Long> infix = suggested("产业园开");

    assertTrue(byChinese.contains(chinese), byChinese.toString());
    assertTrue(byEnglish.contains(english), byEnglish.toString());
    assertTrue(infix.contains(chinese), infix.toString());
    given().get(SEARCH + "/suggest").then().statusCode(400).body("parameter", equalTo("q"));
    given()
        .queryParam("q", "x".repeat(201))
        .get(SEARCH + "/suggest")
        .then()
        .statusCode(400)
        .body("parameter", equalTo("q"));
  }

  @Test
  void suggestsEnglishTitlesByAWordInTheMiddle() {
    long zone = publish("Wombat Free Trade Zone Opens", "<p>Body.</p>", 0);
    long other = publish("Wombat customs hall", "<p>Body.</p>", 0);

    assertTrue(suggested("zone").contains(zone));
    assertTrue(suggested("Wombat free tr").contains(zone));
    assertTrue(suggested("ＷＯＭＢＡＴ FREE").contains(zone), "width and case folded");
    List<Long> wombat = suggested("wombat");
    assertTrue(wombat.contains(zone) && wombat.contains(other), wombat.toString());
    assertFalse(suggested("wombat zo").contains(other));
    assertFalse(suggested("ombat").contains(zone), "a word's start, not its middle");
  }

  @Test
  void keepsItsIndexOnDiskWithTheAppliedPosition() {
    publish("磁盘索引", "<p>正文。</p>", 0);
    search("磁盘索引");
    ManagementInterface.given()
        .get("/q/health/ready")
        .then()
        .statusCode(200)
        .body("checks.find { it.name == 'search index' }.status", equalTo("UP"))
        .body("checks.find { it.name == 'search index' }.data.built", equalTo(true))
        .body("checks.find { it.name == 'search index' }.data.lagSeqs", equalTo(0));
    // Built at start and followed since (the build's threads: ParallelBuildTest): one document
    // per public article, none lost or left over.
    long publicArticles =
        given().queryParam("size", 1).get("/api/v1/articles").jsonPath().getLong("totalItems");
    ManagementInterface.given()
        .get("/q/health/ready")
        .then()
        .body(
            "checks.find { it.name == 'search index' }.data.documents",
            equalTo((int) publicArticles));
    ManagementInterface.given()
        .get("/q/metrics")
        .then()
        .statusCode(200)
        .body(containsString("content_api_search_index_documents"))
        .body(containsString("content_api_search_index_lag_seqs"))
        .body(containsString("content_api_search_query_seconds_count{endpoint=\"search\""));
    Path dir = Path.of("target/search-index-test");
    assertTrue(Files.isDirectory(dir));
    assertTrue(dir.toFile().list((d, name) -> name.startsWith("segments_")).length > 0);
  }

  // --- helpers -------------------------------------------------------------------------------

  private Map<String, Object> article(
      String title, String body, int daysAgo, String category, String zone, String source) {
    Map<String, Object> input = new LinkedHashMap<>();
    input.put("slug", "t-search-" + RUN + "-" + SEQUENCE.incrementAndGet());
    input.put("title", title);
    input.put("body", body);
    input.put("categoryId", fixtures.id(category));
    input.put("zoneId", fixtures.id(zone));
    if (source != null) {
      input.put("source", source);
    }
    input.put("status", "published");
    input.put(
        "publishedAt",
        OffsetDateTime.now(ZoneOffset.UTC)
            .minusDays(daysAgo < 0 ? -daysAgo : 0)
            .minusMinutes(1)
            .truncatedTo(ChronoUnit.SECONDS)
            .toString());
    return input;
  }

  /** Publishes an article {@code -daysAgo} days ago (0: a minute ago). */
  private long publish(String title, String body, int daysAgo) {
    return publish(article(title, body, daysAgo, "text-news", "daxing", null));
  }

  private long publish(Map<String, Object> input) {
    return articles.create(input);
  }

  private static Response search(String q, String... more) {
    var request = given().queryParam("q", q).queryParam("size", 100);
    for (int i = 0; i + 1 < more.length; i += 2) {
      request = request.queryParam(more[i], more[i + 1]);
    }
    Response response = request.get(SEARCH);
    assertEquals(200, response.statusCode(), response.asString());
    return response;
  }

  private static List<Long> ids(Response response) {
    List<Number> ids = response.jsonPath().getList("items.id");
    return ids.stream().map(Number::longValue).toList();
  }

  /** Each hit's score by id. */
  private static Map<Long, Double> scores(Response response) {
    List<Number> ids = response.jsonPath().getList("items.id");
    List<Number> scores = response.jsonPath().getList("items.score");
    Map<Long, Double> byId = new java.util.HashMap<>();
    for (int i = 0; i < ids.size(); i++) {
      assertTrue(scores.get(i).doubleValue() > 0, "hit " + ids.get(i) + " has a score");
      byId.put(ids.get(i).longValue(), scores.get(i).doubleValue());
    }
    return byId;
  }

  private static List<Long> suggested(String q) {
    Response response = given().queryParam("q", q).get(SEARCH + "/suggest");
    assertEquals(200, response.statusCode(), response.asString());
    List<Number> ids = response.jsonPath().getList("items.id");
    assertTrue(ids.size() <= 10);
    return ids.stream().map(Number::longValue).toList();
  }

  private static List<String> titleFragments(Response response, long id) {
    return fragments(response, id, "title");
  }

  private static List<String> bodyFragments(Response response, long id) {
    return fragments(response, id, "body");
  }

  private static List<String> fragments(Response response, long id, String field) {
    List<String> fragments =
        response
            .jsonPath()
            .getList(
                "items.find { it.id == "
                    + id
                    + " }.highlights.find { it.field == '"
                    + field
                    + "' }.fragments");
    return fragments == null ? List.of() : fragments;
  }
}
