package com.investchn.content.admin;

import static com.investchn.content.admin.AdminSupport.ARTICLES;
import static com.investchn.content.admin.AdminSupport.BOOTSTRAP;
import static com.investchn.content.admin.AdminSupport.JSON;
import static com.investchn.content.admin.AdminSupport.MERGE_PATCH;
import static com.investchn.content.admin.AdminSupport.NO_SUCH_ID;
import static com.investchn.content.admin.AdminSupport.PROBLEM;
import static com.investchn.content.admin.AdminSupport.PROBLEMS;
import static com.investchn.content.admin.AdminSupport.as;
import static com.investchn.content.admin.AdminSupport.assertSameInstant;
import static com.investchn.content.admin.AdminSupport.etag;
import static com.investchn.content.admin.AdminSupport.json;
import static com.investchn.content.admin.AdminSupport.time;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.investchn.content.common.tombstone.Tombstone;
import com.investchn.content.common.tombstone.TombstoneRepository;
import com.investchn.content.support.ApiTest;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Article writes through the editorial API, and that the public API sees each one at once. Every
 * article created here is deleted again, so the fixture totals of the read tests hold.
 */
@QuarkusTest
class ArticleWriteTest extends ApiTest {

  private static final String WANG = "t-editor-wang";
  private static final String LI = "t-editor-li";
  private static final ZoneOffset SHANGHAI = ZoneOffset.ofHours(8);

  /** text-news in daxing, newest first: a10, a1, a2, a4, a3 (scheduled and draft hidden). */
  private static final String TEXT_NEWS_IN_DAXING =
      "/api/v1/articles?category=text-news&zone=daxing";

  private static String wang;
  private static String li;

  @Inject TombstoneRepository tombstones;

  private final AdminSupport.Created created = new AdminSupport.Created();

  @BeforeEach
  void issueTokens() {
    if (wang == null) {
      wang = AdminSupport.issueToken(WANG, "editor");
      li = AdminSupport.issueToken(LI, "editor");
    }
  }

  @AfterEach
  void deleteWhatTheTestCreated() {
    created.deleteAll();
  }

  private Map<String, Object> textNewsInDaxing(String title) {
    return AdminSupport.article(title, fixtures.id("text-news"), fixtures.id("daxing"));
  }

  private Map<String, Object> fullArticle(String slug) {
    Map<String, Object> input = new LinkedHashMap<>();
    input.put("slug", slug);
    input.put("externalId", "legacy-" + slug);
    input.put("title", "  苏州工业园区举办生物医药产业推介会  ");
    input.put("summary", "推介会吸引了<b>120家</b>企业参加。");
    input.put("body", "<p>第一段：推介会在园区举行。</p><h2>签约项目</h2><ul><li>项目一</li></ul>");
    input.put("publishedAt", "2023-03-15T10:30:00+08:00");
    input.put("source", "苏州工业园区管委会");
    input.put("sourceUrl", "https://www.sipac.gov.cn/news/2023/0315.html");
    input.put("author", "王晓东");
    input.put("coverImageUrl", "https://static.investchn.com/covers/sip-2023.jpg");
    input.put("categoryId", fixtures.id("industry-trends"));
    input.put("zoneId", fixtures.id("suzhou"));
    input.put("publisherZoneId", fixtures.id("suzhou-industrial-park"));
    return input;
  }

  private static Response admin(long id) {
    return as(BOOTSTRAP).get(ARTICLES + "/" + id).then().statusCode(200).extract().response();
  }

  private static String etagOf(long id) {
    return admin(id).header("ETag");
  }

  private static Response patch(String token, long id, String etag, String patch) {
    return as(token)
        .header("If-Match", etag)
        .contentType(MERGE_PATCH)
        .body(patch)
        .patch(ARTICLES + "/" + id);
  }

  private static Response put(String token, long id, String etag, Map<String, Object> input) {
    return as(token)
        .header("If-Match", etag)
        .contentType(JSON)
        .body(json(input))
        .put(ARTICLES + "/" + id);
  }

  private static List<String> publicSlugs(String list) {
    return given().get(list + "&size=100").then().statusCode(200).extract().path("items.slug");
  }

  private static int publicTotal(String list) {
    return given().get(list).then().statusCode(200).extract().path("totalItems");
  }

  /**
   * The same article state in two answers; times as instants (see {@link
   * AdminSupport#assertSameInstant}).
   */
  private static void assertSameState(Response expected, Response actual) {
    Map<String, Object> left = new LinkedHashMap<>(expected.jsonPath().getMap("$"));
    Map<String, Object> right = new LinkedHashMap<>(actual.jsonPath().getMap("$"));
    for (String time : List.of("createdAt", "updatedAt", "publishedAt")) {
      assertSameInstant((String) left.remove(time), (String) right.remove(time));
    }
    assertEquals(left, right);
  }

  private static void assertProblem(Response response, int status, String type) {
    assertEquals(status, response.statusCode(), response.asString());
    assertTrue(response.contentType().startsWith(PROBLEM), response.contentType());
    assertEquals(status, response.<Integer>path("status"));
    assertEquals(PROBLEMS + type, response.path("type"));
  }

  private List<Tombstone> tombstonesOf(String type, long id) {
    return QuarkusTransaction.requiringNew()
        .call(() -> tombstones.list("resourceType = ?1 and resourceId = ?2", type, id));
  }

  // --- create, read ---------------------------------------------------------------------------

  @Test
  void createKeepsEveryFieldAsADraftVisibleOnlyToTheEditorialApi() {
    String slug = AdminSupport.slug("sip-biomed");
    Instant before = Instant.now().minusSeconds(1);
    Response response = created.post(wang, ARTICLES, fullArticle(slug));
    long id = response.<Integer>path("id");
    assertTrue(
        response.header("Location").endsWith("/api/v1/admin/articles/" + id),
        response.header("Location"));
    assertEquals(etag(response.<Integer>path("version")), response.header("ETag"));
    response
        .then()
        .body("slug", is(slug))
        .body("externalId", is("legacy-" + slug))
        .body("title", is("苏州工业园区举办生物医药产业推介会"))
        .body("summary", is("推介会吸引了120家企业参加。"))
        .body("body", is("<p>第一段：推介会在园区举行。</p><h2>签约项目</h2><ul><li>项目一</li></ul>"))
        .body("publishedAt", is("2023-03-15T10:30:00.000000+08:00"))
        .body("source", is("苏州工业园区管委会"))
        .body("sourceUrl", is("https://www.sipac.gov.cn/news/2023/0315.html"))
        .body("author", is("王晓东"))
        .body("coverImageUrl", is("https://static.investchn.com/covers/sip-2023.jpg"))
        .body("status", is("draft"))
        .body("visible", is(false))
        .body("categoryId", is((int) fixtures.id("industry-trends")))
        .body("category.slug", is("industry-trends"))
        .body("zoneId", is((int) fixtures.id("suzhou")))
        .body("zone.name", is("苏州市"))
        .body("publisherZoneId", is((int) fixtures.id("suzhou-industrial-park")))
        .body("publisherZone.slug", is("suzhou-industrial-park"))
        .body("createdBy", is(WANG))
        .body("updatedBy", is(WANG));
    Instant createdAt = time(response, "createdAt").toInstant();
    assertFalse(createdAt.isBefore(before), createdAt.toString());
    assertTrue(response.<String>path("createdAt").endsWith("+08:00"));
    assertEquals(response.<String>path("createdAt"), response.path("updatedAt"));

    Response read = admin(id);
    assertEquals(response.header("ETag"), read.header("ETag"));
    assertSameState(response, read);

    given().get("/api/v1/articles/" + id).then().statusCode(404);
    given().get("/api/v1/articles/" + slug).then().statusCode(404);
    as(wang)
        .get(ARTICLES + "?status=draft&size=100")
        .then()
        .statusCode(200)
        .body("items.id", hasItem((int) id))
        .body("items.status", everyItem(is("draft")));
    as(wang)
        .get(ARTICLES + "?status=published&size=100")
        .then()
        .body("items.id", not(hasItem((int) id)))
        .body("items.status", everyItem(is("published")));
  }

  @Test
  void createWithoutSlugStatusOrSummaryGeneratesThem() {
    Instant before = Instant.now().minusSeconds(1);
    Map<String, Object> input = textNewsInDaxing("大兴区召开营商环境座谈会");
    input.put("body", "<p>座谈会上，<strong>二十家</strong>企业代表发言。</p><p>会议由区长主持。</p>");
    Response response = created.post(li, ARTICLES, input);
    String slug = response.path("slug");
    assertTrue(slug.matches("^(?![0-9]+$)[a-z0-9]+(?:-[a-z0-9]+)*$"), slug);
    assertEquals("draft", response.path("status"));
    assertEquals("座谈会上，二十家企业代表发言。 会议由区长主持。", response.path("summary"));
    Instant publishedAt = time(response, "publishedAt").toInstant();
    assertFalse(publishedAt.isBefore(before), publishedAt.toString());
    assertNull(response.path("publisherZoneId"));
    assertNull(response.path("externalId"));
    // The generated slug is a working address once the article is public.
    as(li).post(ARTICLES + "/" + response.path("id") + "/publish").then().statusCode(200);
    given().get("/api/v1/articles/" + slug).then().statusCode(200).body("slug", is(slug));
  }

  @Test
  void theAdminListShowsEveryStatusAndPages() {
    as(wang)
        .get(ARTICLES + "?status=draft&size=100")
        .then()
        .statusCode(200)
        .body("items.slug", hasItem("d1-daxing-draft"))
        .body("items.slug", not(hasItem("a1-etdz-signing")));
    as(wang)
        .get(ARTICLES + "?status=published&size=100")
        .then()
        .body("items.slug", hasItem("f1-daxing-future"))
        .body("items.find { it.slug == 'f1-daxing-future' }.visible", is(false))
        .body("items.find { it.slug == 'a1-etdz-signing' }.visible", is(true));
    as(wang)
        .get(ARTICLES + "?size=1&page=2")
        .then()
        .statusCode(200)
        .body("items", hasSize(1))
        .body("page", is(2));
    assertProblem(as(wang).get(ARTICLES + "?status=archived"), 400, "invalid-parameter");
  }

  // --- replace, patch --------------------------------------------------------------------------

  @Test
  void replaceOverwritesEveryFieldAndRecordsWhoChangedIt() {
    String slug = AdminSupport.slug("replace");
    Response first = created.post(wang, ARTICLES, fullArticle(slug));
    long id = first.<Integer>path("id");

    Map<String, Object> replacement = new LinkedHashMap<>();
    replacement.put("slug", slug);
    replacement.put("title", "昆山高新区新政出台");
    replacement.put("body", "<p>新政共二十条。</p>");
    replacement.put("categoryId", fixtures.id("policies"));
    replacement.put("zoneId", fixtures.id("kunshan"));
    replacement.put("publishedAt", "2023-04-01T09:00:00+08:00");
    Response second = put(li, id, first.header("ETag"), replacement);
    assertEquals(200, second.statusCode(), second.asString());
    assertEquals(etag(second.<Integer>path("version")), second.header("ETag"));
    assertEquals(first.<Integer>path("version") + 1, (int) second.<Integer>path("version"));
    second
        .then()
        .body("title", is("昆山高新区新政出台"))
        .body("body", is("<p>新政共二十条。</p>"))
        .body("summary", is("新政共二十条。"))
        .body("category.slug", is("policies"))
        .body("zone.slug", is("kunshan"))
        .body("publishedAt", is("2023-04-01T09:00:00.000000+08:00"))
        // What the replacement left out is gone.
        .body("externalId", nullValue())
        .body("source", nullValue())
        .body("sourceUrl", nullValue())
        .body("author", nullValue())
        .body("coverImageUrl", nullValue())
        .body("publisherZoneId", nullValue())
        .body("publisherZone", nullValue())
        .body("status", is("draft"))
        .body("createdBy", is(WANG))
        .body("updatedBy", is(LI));
    assertSameInstant(first.path("createdAt"), second.path("createdAt"));
    assertFalse(time(second, "updatedAt").isBefore(time(first, "updatedAt")));
    assertSameState(second, admin(id));
  }

  @Test
  void mergePatchChangesOnlyTheGivenMembersAndNullClears() {
    String slug = AdminSupport.slug("patch");
    Response first = created.post(wang, ARTICLES, fullArticle(slug));
    long id = first.<Integer>path("id");

    Response patched = patch(li, id, first.header("ETag"), "{\"title\":\"改后的标题\",\"author\":null}");
    assertEquals(200, patched.statusCode(), patched.asString());
    assertEquals(etag(patched.<Integer>path("version")), patched.header("ETag"));
    patched
        .then()
        .body("title", is("改后的标题"))
        .body("author", nullValue())
        .body("updatedBy", is(LI))
        .body("createdBy", is(WANG));
    // Everything else is as it was.
    for (String unchanged :
        List.of(
            "slug",
            "externalId",
            "summary",
            "body",
            "publishedAt",
            "source",
            "sourceUrl",
            "coverImageUrl",
            "categoryId",
            "zoneId",
            "publisherZoneId",
            "status")) {
      assertEquals((Object) first.path(unchanged), patched.path(unchanged), unchanged);
    }
    assertSameInstant(first.path("createdAt"), patched.path("createdAt"));
    // application/json is read as a merge patch too.
    Response again =
        as(li)
            .header("If-Match", patched.header("ETag"))
            .contentType(JSON)
            .body("{\"source\":\"园区融媒体中心\"}")
            .patch(ARTICLES + "/" + id);
    assertEquals(200, again.statusCode(), again.asString());
    assertEquals("园区融媒体中心", again.path("source"));
    assertEquals("改后的标题", again.path("title"));
  }

  @Test
  void anInvalidPatchIsA400AndChangesNothing() {
    long id = created.article(wang, textNewsInDaxing("待修改的文章"));
    String etag = etagOf(id);
    Response invalid = patch(wang, id, etag, "{\"title\":\"\",\"categoryId\":" + NO_SUCH_ID + "}");
    assertProblem(invalid, 400, "validation-failed");
    invalid.then().body("errors.field", containsInAnyOrder("title", "categoryId"));
    assertProblem(patch(wang, id, etag, "[{\"op\":\"replace\"}]"), 400, "validation-failed");
    assertProblem(patch(wang, id, etag, "\"title\""), 400, "validation-failed");
    Response after = admin(id);
    assertEquals(etag, after.header("ETag"));
    assertEquals("待修改的文章", after.path("title"));
  }

  @Test
  void patchingSummaryToNullDerivesItFromTheBodyAgain() {
    Map<String, Object> input = textNewsInDaxing("摘要测试");
    input.put("summary", "编辑写的摘要");
    long id = created.article(wang, input);
    Response patched = patch(wang, id, etagOf(id), "{\"summary\":null}");
    assertEquals(200, patched.statusCode(), patched.asString());
    assertEquals("摘要测试。正文第一段。", patched.path("summary"));
  }

  @Test
  void patchingTheBodyDerivesTheSummaryFromTheNewBody() {
    // The editor gave no summary, so it is derived from the body; a new body must not keep the
    // summary of the old one.
    long id = created.article(wang, textNewsInDaxing("旧正文的文章"));
    assertEquals("旧正文的文章。正文第一段。", admin(id).path("summary"));
    Response patched = patch(wang, id, etagOf(id), "{\"body\":\"<p>全新的正文。</p>\"}");
    assertEquals(200, patched.statusCode(), patched.asString());
    assertEquals("<p>全新的正文。</p>", patched.path("body"));
    assertEquals("全新的正文。", patched.path("summary"));
  }

  // --- publish, unpublish, schedule, and the public side ---------------------------------

  @Test
  void publishAndUnpublishShowAndHideTheArticleInListsDetailsAndAdjacencyAtOnce() {
    int total = publicTotal(TEXT_NEWS_IN_DAXING);
    Map<String, Object> input = textNewsInDaxing("大兴区最新发布的文章");
    long id = created.article(wang, input);
    String slug = admin(id).path("slug");
    given().get("/api/v1/articles/" + id).then().statusCode(404);

    Instant before = Instant.now().minusSeconds(1);
    Response published =
        as(li).header("If-Match", etagOf(id)).post(ARTICLES + "/" + id + "/publish");
    assertEquals(200, published.statusCode(), published.asString());
    published.then().body("status", is("published")).body("visible", is(true));
    assertEquals(etag(published.<Integer>path("version")), published.header("ETag"));
    assertEquals(LI, published.path("updatedBy"));
    assertFalse(time(published, "publishedAt").toInstant().isBefore(before));

    // Newest of its list: first in the list, before a10 in the navigation.
    assertEquals(total + 1, publicTotal(TEXT_NEWS_IN_DAXING));
    assertEquals(slug, publicSlugs(TEXT_NEWS_IN_DAXING).get(0));
    given()
        .get("/api/v1/articles/" + slug)
        .then()
        .statusCode(200)
        .body("title", is("大兴区最新发布的文章"))
        .body("previous", nullValue())
        .body("next.slug", is("a10-daxing-english"));
    given().get("/api/v1/articles/a10-daxing-english").then().body("previous.slug", is(slug));
    given()
        .get("/api/v1/articles/a10-daxing-english/adjacent")
        .then()
        .body("previous.slug", is(slug));
    assertEquals(slug, publicSlugs("/api/v1/articles?sort=publishedAt,desc").get(0));

    Response unpublished =
        as(wang)
            .header("If-Match", published.header("ETag"))
            .post(ARTICLES + "/" + id + "/unpublish");
    assertEquals(200, unpublished.statusCode(), unpublished.asString());
    unpublished.then().body("status", is("draft")).body("visible", is(false));
    given().get("/api/v1/articles/" + id).then().statusCode(404);
    given().get("/api/v1/articles/" + slug).then().statusCode(404);
    assertEquals(total, publicTotal(TEXT_NEWS_IN_DAXING));
    given().get("/api/v1/articles/a10-daxing-english").then().body("previous", nullValue());
    given()
        .get("/api/v1/articles/a10-daxing-english/adjacent")
        .then()
        .body("previous", nullValue());
  }

  @Test
  void publishAndUnpublishWithAStaleETagAre412() {
    long id = created.article(wang, textNewsInDaxing("过期版本发布"));
    String stale = etagOf(id);
    patch(wang, id, stale, "{\"author\":\"李编辑\"}").then().statusCode(200);
    assertProblem(
        as(li).header("If-Match", stale).post(ARTICLES + "/" + id + "/publish"),
        412,
        "precondition-failed");
    assertEquals("draft", admin(id).path("status"));
    as(li).post(ARTICLES + "/" + id + "/publish").then().statusCode(200);
    assertProblem(
        as(li).header("If-Match", stale).post(ARTICLES + "/" + id + "/unpublish"),
        412,
        "precondition-failed");
    assertEquals("published", admin(id).path("status"));
  }

  @Test
  void aPublishedArticleWithAFutureTimeStaysHiddenUntilThenWithoutAnyJob() {
    int total = publicTotal(TEXT_NEWS_IN_DAXING);
    List<String> listBefore = publicSlugs(TEXT_NEWS_IN_DAXING);
    OffsetDateTime tomorrow =
        OffsetDateTime.now(SHANGHAI).plusDays(1).truncatedTo(ChronoUnit.SECONDS);
    String slug = AdminSupport.slug("scheduled");
    Map<String, Object> input = textNewsInDaxing("定时发布的签约新闻");
    input.put("slug", slug);
    input.put("status", "published");
    input.put("publishedAt", tomorrow.toString());
    Response response = created.post(wang, ARTICLES, input);
    long id = response.<Integer>path("id");
    response.then().body("status", is("published")).body("visible", is(false));
    assertEquals(tomorrow.toInstant(), time(response, "publishedAt").toInstant());

    // The editorial API shows it, the public API does not: not in detail, list or navigation.
    admin(id).then().body("status", is("published")).body("visible", is(false));
    given().get("/api/v1/articles/" + id).then().statusCode(404);
    given().get("/api/v1/articles/" + slug).then().statusCode(404);
    given().get("/api/v1/articles/" + slug + "/adjacent").then().statusCode(404);
    assertEquals(total, publicTotal(TEXT_NEWS_IN_DAXING));
    assertEquals(listBefore, publicSlugs(TEXT_NEWS_IN_DAXING));
    given().get("/api/v1/articles/a10-daxing-english").then().body("previous", nullValue());
    given().get("/api/v1/articles/a1-etdz-signing").then().body("next.slug", is("a2-daxing-park"));

    // Publishing again keeps the schedule.
    as(wang)
        .post(ARTICLES + "/" + id + "/publish")
        .then()
        .statusCode(200)
        .body("visible", is(false))
        .body("publishedAt", is(response.<String>path("publishedAt")));
    given().get("/api/v1/articles/" + id).then().statusCode(404);

    // Its time comes (moved into the past): visible at once, between a1 and a2.
    Response due = patch(wang, id, etagOf(id), "{\"publishedAt\":\"2024-06-20T20:00:00+08:00\"}");
    assertEquals(200, due.statusCode(), due.asString());
    due.then().body("visible", is(true)).body("status", is("published"));
    given()
        .get("/api/v1/articles/" + slug)
        .then()
        .statusCode(200)
        .body("publishedAt", is("2024-06-20T20:00:00.000000+08:00"))
        .body("previous.slug", is("a1-etdz-signing"))
        .body("next.slug", is("a2-daxing-park"));
    List<String> expected = new ArrayList<>(listBefore);
    expected.add(expected.indexOf("a2-daxing-park"), slug);
    assertEquals(expected, publicSlugs(TEXT_NEWS_IN_DAXING));
    given().get("/api/v1/articles/a1-etdz-signing").then().body("next.slug", is(slug));
    given().get("/api/v1/articles/a2-daxing-park").then().body("previous.slug", is(slug));
    given()
        .get("/api/v1/articles/a2-daxing-park/adjacent")
        .then()
        .body("previous.slug", is(slug))
        .body("next.slug", is("a4-daxing-tie-later"));
  }

  @Test
  void publicListsDetailsAndAdjacencySeeEveryChangeAtOnce() {
    String slug = AdminSupport.slug("live");
    Map<String, Object> input = textNewsInDaxing("初始标题");
    input.put("slug", slug);
    input.put("status", "published");
    input.put("publishedAt", "2024-06-20T20:00:00+08:00");
    long id = created.article(wang, input);
    given().get("/api/v1/articles/a2-daxing-park").then().body("previous.slug", is(slug));

    // A new title shows in the detail, the list and the neighbour's navigation.
    patch(li, id, etagOf(id), "{\"title\":\"修改后的标题\",\"summary\":\"新摘要\"}").then().statusCode(200);
    given().get("/api/v1/articles/" + slug).then().body("title", is("修改后的标题"));
    given()
        .get(TEXT_NEWS_IN_DAXING)
        .then()
        .body("items.find { it.slug == '" + slug + "' }.title", is("修改后的标题"))
        .body("items.find { it.slug == '" + slug + "' }.summary", is("新摘要"));
    given().get("/api/v1/articles/a2-daxing-park").then().body("previous.title", is("修改后的标题"));

    // Moved to photo-news: gone from text-news and its navigation, there in photo-news.
    patch(li, id, etagOf(id), "{\"categoryId\":" + fixtures.id("photo-news") + "}")
        .then()
        .statusCode(200);
    assertFalse(publicSlugs(TEXT_NEWS_IN_DAXING).contains(slug));
    assertTrue(publicSlugs("/api/v1/articles?category=photo-news").contains(slug));
    given()
        .get("/api/v1/articles/a2-daxing-park")
        .then()
        .body("previous.slug", is("a1-etdz-signing"));
    given()
        .get("/api/v1/articles/" + slug)
        .then()
        .body("category.slug", is("photo-news"))
        .body("breadcrumb.name", hasItem("图片新闻"));

    // A new slug answers at once, the old one no longer.
    String renamed = AdminSupport.slug("live-renamed");
    patch(li, id, etagOf(id), "{\"slug\":\"" + renamed + "\"}").then().statusCode(200);
    given().get("/api/v1/articles/" + renamed).then().statusCode(200);
    given().get("/api/v1/articles/" + slug).then().statusCode(404);
  }

  // --- delete ---------------------------------------------------------------------------------

  @Test
  void deleteLeavesATombstoneAndIsA404OnThePublicApiAtOnce() {
    String slug = AdminSupport.slug("deleted");
    Map<String, Object> input = textNewsInDaxing("将被删除的文章");
    input.put("slug", slug);
    input.put("status", "published");
    input.put("publishedAt", "2024-06-20T20:00:00+08:00");
    long id = created.article(wang, input);
    given().get("/api/v1/articles/" + slug).then().statusCode(200);
    given().get("/api/v1/articles/a1-etdz-signing").then().body("next.slug", is(slug));
    int total = publicTotal(TEXT_NEWS_IN_DAXING);
    assertTrue(tombstonesOf("article", id).isEmpty());

    Instant before = Instant.now().minusSeconds(1);
    Response deleted = as(li).header("If-Match", etagOf(id)).delete(ARTICLES + "/" + id);
    assertEquals(204, deleted.statusCode(), deleted.asString());
    assertEquals("", deleted.asString());
    Instant after = Instant.now().plusSeconds(1);

    given().get("/api/v1/articles/" + id).then().statusCode(404).contentType(PROBLEM);
    given().get("/api/v1/articles/" + slug).then().statusCode(404);
    given().get("/api/v1/articles/" + slug + "/adjacent").then().statusCode(404);
    assertEquals(total - 1, publicTotal(TEXT_NEWS_IN_DAXING));
    given().get("/api/v1/articles/a1-etdz-signing").then().body("next.slug", is("a2-daxing-park"));
    assertProblem(as(li).get(ARTICLES + "/" + id), 404, "not-found");
    assertProblem(as(li).header("If-Match", "*").delete(ARTICLES + "/" + id), 404, "not-found");

    List<Tombstone> left = tombstonesOf("article", id);
    assertEquals(1, left.size());
    Tombstone tombstone = left.get(0);
    assertEquals("article", tombstone.resourceType);
    assertEquals(id, tombstone.resourceId);
    assertEquals(slug, tombstone.slug);
    assertEquals(LI, tombstone.deletedBy);
    assertTrue(
        !tombstone.deletedAt.isBefore(before) && !tombstone.deletedAt.isAfter(after),
        tombstone.deletedAt.toString());
  }

  // --- validation -----------------------------------------------------------------------------

  @Test
  void everyInvalidFieldIsListedInOneProblem() {
    int drafts = as(wang).get(ARTICLES).then().extract().path("totalItems");
    Map<String, Object> input = new LinkedHashMap<>();
    input.put("slug", "Not A Slug");
    input.put("externalId", "e".repeat(201));
    input.put("title", "   ");
    input.put("summary", "摘".repeat(501));
    input.put("body", "<p>" + "a".repeat(1024 * 1024) + "</p>");
    input.put("source", "s".repeat(201));
    input.put("sourceUrl", "javascript:alert(1)");
    input.put("author", "作".repeat(101));
    input.put("coverImageUrl", "ftp://example.com/cover.jpg");
    input.put("categoryId", NO_SUCH_ID);
    input.put("zoneId", NO_SUCH_ID);
    input.put("publisherZoneId", NO_SUCH_ID);
    Response response = as(wang).contentType(JSON).body(json(input)).post(ARTICLES);
    assertProblem(response, 400, "validation-failed");
    response
        .then()
        .body(
            "errors.field",
            containsInAnyOrder(
                "slug",
                "externalId",
                "title",
                "summary",
                "body",
                "source",
                "sourceUrl",
                "author",
                "coverImageUrl",
                "categoryId",
                "zoneId",
                "publisherZoneId"));
    List<String> messages = response.path("errors.message");
    assertTrue(messages.stream().allMatch(message -> !message.isBlank()), messages.toString());
    as(wang).get(ARTICLES).then().body("totalItems", is(drafts));
  }

  @Test
  void requiredFieldsAreNamedWhenMissing() {
    Response response = as(wang).contentType(JSON).body("{}").post(ARTICLES);
    assertProblem(response, 400, "validation-failed");
    response
        .then()
        .body("errors.field", containsInAnyOrder("title", "body", "categoryId", "zoneId"));
  }

  @Test
  void lengthsAreCheckedAtTheirLimits() {
    Map<String, Object> atLimit = textNewsInDaxing("标".repeat(200));
    atLimit.put("summary", "要".repeat(500));
    String body = "<p>" + "a".repeat(1024 * 1024 - 7) + "</p>";
    assertEquals(1024 * 1024, body.length());
    atLimit.put("body", body);
    Response accepted = created.post(wang, ARTICLES, atLimit);
    assertEquals(200, accepted.<String>path("title").length());
    assertEquals(500, accepted.<String>path("summary").length());
    assertEquals(body, accepted.path("body"));

    Map<String, Object> over = textNewsInDaxing("标".repeat(201));
    over.put("summary", "要".repeat(501));
    over.put("body", "<p>" + "a".repeat(1024 * 1024 - 6) + "</p>");
    Response rejected = as(wang).contentType(JSON).body(json(over)).post(ARTICLES);
    assertProblem(rejected, 400, "validation-failed");
    rejected.then().body("errors.field", containsInAnyOrder("title", "summary", "body"));

    // 1 MB counts UTF-8 bytes: 350,000 Chinese characters are over 1 MB.
    Map<String, Object> wide = textNewsInDaxing("宽字符正文");
    wide.put("body", "<p>" + "字".repeat(350_000) + "</p>");
    Response tooWide = as(wang).contentType(JSON).body(json(wide)).post(ARTICLES);
    assertProblem(tooWide, 400, "validation-failed");
    tooWide.then().body("errors.field", containsInAnyOrder("body"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "UPPER-case",
        "with space",
        "under_score",
        "-leading",
        "trailing-",
        "double--hyphen",
        "12345",
        "0",
        "汉字",
        "a/b",
        "dot.dot",
        ""
      })
  void aSlugMustBeLowercaseLettersDigitsAndHyphensNotAllDigits(String slug) {
    Map<String, Object> input = textNewsInDaxing("坏的slug");
    input.put("slug", slug);
    Response response = as(wang).contentType(JSON).body(json(input)).post(ARTICLES);
    assertProblem(response, 400, "validation-failed");
    response.then().body("errors.field", containsInAnyOrder("slug"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "javascript:alert(1)",
        "JavaScript:alert(document.cookie)",
        "data:image/png;base64,iVBORw0KGgo=",
        "vbscript:msgbox(1)",
        "ftp://example.com/a.jpg",
        "file:///etc/passwd",
        "//example.com/a.jpg",
        "/images/a.jpg",
        "example.com/a.jpg",
        "http://",
        "https://exa mple.com/a.jpg",
        " https://example.com/a.jpg"
      })
  void sourceAndCoverUrlsMustBeAbsoluteHttpOrHttps(String url) {
    Map<String, Object> input = textNewsInDaxing("坏的链接");
    input.put("sourceUrl", url);
    input.put("coverImageUrl", url);
    Response response = as(wang).contentType(JSON).body(json(input)).post(ARTICLES);
    assertProblem(response, 400, "validation-failed");
    response.then().body("errors.field", containsInAnyOrder("sourceUrl", "coverImageUrl"));
  }

  @Test
  void httpAndHttpsUrlsAreAccepted() {
    Map<String, Object> input = textNewsInDaxing("好的链接");
    input.put("sourceUrl", "http://www.bda.gov.cn/art/2024/6/21/art_1.html?from=rss#top");
    input.put("coverImageUrl", "https://static.investchn.com/a.jpg?w=640&h=360");
    Response response = created.post(wang, ARTICLES, input);
    assertEquals(input.get("sourceUrl"), response.path("sourceUrl"));
  }

  @Test
  void referencesMustNameExistingZonesAndCategories() {
    Map<String, Object> input = textNewsInDaxing("不存在的引用");
    input.put("categoryId", NO_SUCH_ID);
    input.put("zoneId", NO_SUCH_ID + 1);
    input.put("publisherZoneId", NO_SUCH_ID + 2);
    Response response = as(wang).contentType(JSON).body(json(input)).post(ARTICLES);
    assertProblem(response, 400, "validation-failed");
    response
        .then()
        .body("errors.field", containsInAnyOrder("categoryId", "zoneId", "publisherZoneId"));
    // A category id is not a zone id.
    Map<String, Object> swapped = textNewsInDaxing("类别当地区");
    swapped.put("zoneId", NO_SUCH_ID);
    swapped.put("categoryId", fixtures.id("policies"));
    as(wang)
        .contentType(JSON)
        .body(json(swapped))
        .post(ARTICLES)
        .then()
        .statusCode(400)
        .body("errors.field", containsInAnyOrder("zoneId"));
  }

  @Test
  void valuesOfTheWrongJsonTypeAreA400NamingTheField() {
    Map<String, String> badMembers =
        Map.of(
            "categoryId", "\"policies\"",
            "zoneId", "{\"id\":2}",
            "publishedAt", "\"next tuesday\"",
            "status", "\"archived\"",
            "title", "[\"a\",\"b\"]",
            "publisherZoneId", "[1]");
    for (Map.Entry<String, String> bad : badMembers.entrySet()) {
      // The bad member replaces the good one: a member given twice is a problem of its own.
      Map<String, String> members = new java.util.LinkedHashMap<>();
      members.put("title", "\"类型\"");
      members.put("body", "\"<p>x</p>\"");
      members.put("categoryId", String.valueOf(fixtures.id("policies")));
      members.put("zoneId", String.valueOf(fixtures.id("suzhou")));
      members.put(bad.getKey(), bad.getValue());
      StringBuilder body = new StringBuilder("{");
      members.forEach(
          (name, value) ->
              body.append(body.length() > 1 ? "," : "")
                  .append('"')
                  .append(name)
                  .append("\":")
                  .append(value));
      body.append('}');
      Response response = as(wang).contentType(JSON).body(body.toString()).post(ARTICLES);
      assertEquals(400, response.statusCode(), bad + ": " + response.asString());
      assertTrue(response.contentType().startsWith(PROBLEM), bad.toString());
      assertEquals(List.of(bad.getKey()), response.path("errors.field"), bad.toString());
    }
  }

  @Test
  void malformedOrMissingJsonIsA400Problem() {
    for (String body : List.of("{\"title\": ", "not json", "{\"title\":\"a\",}", "")) {
      Response response = as(wang).contentType(JSON).body(body).post(ARTICLES);
      assertEquals(400, response.statusCode(), "'" + body + "': " + response.asString());
      assertTrue(response.contentType().startsWith(PROBLEM), body);
      assertEquals(400, response.<Integer>path("status"));
    }
    assertProblem(
        as(wang).contentType("text/plain").body("title=x").post(ARTICLES),
        415,
        "unsupported-media-type");
  }

  // --- conflicts -------------------------------------------------------------------------------

  @Test
  void aDuplicateSlugOrExternalIdIs409() {
    Map<String, Object> taken = textNewsInDaxing("重复的slug");
    taken.put("slug", "a1-etdz-signing");
    assertProblem(as(wang).contentType(JSON).body(json(taken)).post(ARTICLES), 409, "conflict");

    String slug = AdminSupport.slug("unique");
    Map<String, Object> input = textNewsInDaxing("唯一的slug");
    input.put("slug", slug);
    input.put("externalId", "legacy-" + slug);
    long id = created.article(wang, input);
    Map<String, Object> sameExternal = textNewsInDaxing("重复的externalId");
    sameExternal.put("externalId", "legacy-" + slug);
    assertProblem(
        as(wang).contentType(JSON).body(json(sameExternal)).post(ARTICLES), 409, "conflict");

    // Renaming onto another article's slug is a 409 too; keeping one's own slug is not.
    String etag = etagOf(id);
    assertProblem(patch(wang, id, etag, "{\"slug\":\"a2-daxing-park\"}"), 409, "conflict");
    assertEquals(slug, admin(id).path("slug"));
    input.put("title", "唯一的slug（改）");
    Response kept = put(wang, id, etag, input);
    assertEquals(200, kept.statusCode(), kept.asString());
    assertEquals(slug, kept.path("slug"));
  }

  @Test
  void simultaneousCreatesWithOneSlugGiveOne201AndOtherwise409() throws Exception {
    String slug = AdminSupport.slug("race");
    Map<String, Object> input = textNewsInDaxing("同时创建");
    input.put("slug", slug);
    String body = json(input);
    List<Response> responses =
        simultaneously(8, () -> as(wang).contentType(JSON).body(body).post(ARTICLES));
    for (Response response : responses) {
      if (response.statusCode() == 201) {
        created.remember(ARTICLES + "/" + response.<Integer>path("id"));
      }
    }
    Map<Integer, Long> statuses =
        responses.stream()
            .collect(Collectors.groupingBy(Response::statusCode, Collectors.counting()));
    assertEquals(Map.of(201, 1L, 409, 7L), statuses, describe(responses));
  }

  // --- If-Match ---------------------------------------------------------------------------------

  @Test
  void changesWithoutIfMatchAre428AndChangeNothing() {
    long id = created.article(wang, textNewsInDaxing("没有If-Match"));
    String etag = etagOf(id);
    assertProblem(
        as(wang).contentType(JSON).body(json(textNewsInDaxing("替换"))).put(ARTICLES + "/" + id),
        428,
        "precondition-required");
    assertProblem(
        as(wang).contentType(MERGE_PATCH).body("{\"title\":\"补丁\"}").patch(ARTICLES + "/" + id),
        428,
        "precondition-required");
    assertProblem(as(wang).delete(ARTICLES + "/" + id), 428, "precondition-required");
    assertProblem(
        as(wang).header("If-Match", "").delete(ARTICLES + "/" + id), 428, "precondition-required");
    Response after = admin(id);
    assertEquals(etag, after.header("ETag"));
    assertEquals("没有If-Match", after.path("title"));
  }

  @Test
  void aStaleOrForeignIfMatchIs412AndChangesNothing() {
    long id = created.article(wang, textNewsInDaxing("过期的ETag"));
    String stale = etagOf(id);
    Response fresh = patch(wang, id, stale, "{\"author\":\"王编辑\"}");
    assertEquals(200, fresh.statusCode());
    String current = fresh.header("ETag");
    for (String ifMatch : List.of(stale, "\"99\"", "W/\"98\"", "garbage", "\"\"")) {
      assertProblem(put(li, id, ifMatch, textNewsInDaxing("替换")), 412, "precondition-failed");
      assertProblem(patch(li, id, ifMatch, "{\"title\":\"补丁\"}"), 412, "precondition-failed");
      assertProblem(
          as(li).header("If-Match", ifMatch).delete(ARTICLES + "/" + id),
          412,
          "precondition-failed");
    }
    Response after = admin(id);
    assertEquals(current, after.header("ETag"));
    assertEquals("过期的ETag", after.path("title"));
    assertEquals("王编辑", after.path("author"));
    assertEquals(WANG, after.path("updatedBy"));
  }

  /**
   * RFC 9110 13.1.1: If-Match: * matches any current representation. A client that sends it says on
   * purpose that it overwrites whatever version is there, so it passes, on zones, categories and
   * the site record alike (one Preconditions rule); a missing header is still a 428, and a missing
   * article a 404 (a precondition never turns an absent resource into a write).
   */
  @Test
  void ifMatchStarMatchesWhateverVersionIsCurrent() {
    long id = created.article(wang, textNewsInDaxing("星号If-Match"));
    patch(wang, id, etagOf(id), "{\"author\":\"先改一次\"}").then().statusCode(200);
    String before = etagOf(id);

    Response patched = patch(li, id, "*", "{\"title\":\"星号补丁\"}");
    assertEquals(200, patched.statusCode(), patched.asString());
    assertEquals("星号补丁", patched.path("title"));
    assertEquals(LI, patched.path("updatedBy"));
    assertEquals(
        Long.parseLong(before.replace("\"", "")) + 1,
        Long.parseLong(patched.header("ETag").replace("\"", "")));

    Response replaced = put(wang, id, "*", textNewsInDaxing("星号替换"));
    assertEquals(200, replaced.statusCode(), replaced.asString());
    assertEquals("星号替换", replaced.path("title"));
    // In a list, * matches too.
    patch(wang, id, "\"1\", *", "{\"author\":\"列表\"}").then().statusCode(200);

    assertProblem(patch(wang, NO_SUCH_ID, "*", "{\"title\":\"无\"}"), 404, "not-found");
    assertProblem(
        as(wang).header("If-Match", "*").delete(ARTICLES + "/" + NO_SUCH_ID), 404, "not-found");

    Response deleted = as(li).header("If-Match", "*").delete(ARTICLES + "/" + id);
    assertEquals(204, deleted.statusCode(), deleted.asString());
    as(BOOTSTRAP).get(ARTICLES + "/" + id).then().statusCode(404);
  }

  @Test
  void twoEditorsSavingTheSameVersionCannotOverwriteEachOther() {
    long id = created.article(wang, textNewsInDaxing("两位编辑"));
    String readByWang = etagOf(id);
    String readByLi = etagOf(id);

    Map<String, Object> wangsVersion = textNewsInDaxing("王编辑的版本");
    Response first = put(wang, id, readByWang, wangsVersion);
    assertEquals(200, first.statusCode(), first.asString());

    Map<String, Object> lisVersion = textNewsInDaxing("李编辑的版本");
    assertProblem(put(li, id, readByLi, lisVersion), 412, "precondition-failed");
    assertProblem(patch(li, id, readByLi, "{\"title\":\"李编辑的补丁\"}"), 412, "precondition-failed");
    assertProblem(
        as(li).header("If-Match", readByLi).delete(ARTICLES + "/" + id),
        412,
        "precondition-failed");
    admin(id).then().body("title", is("王编辑的版本")).body("updatedBy", is(WANG));

    // Li reads again and saves on top of Wang's change.
    Response second = put(li, id, etagOf(id), lisVersion);
    assertEquals(200, second.statusCode(), second.asString());
    assertEquals("李编辑的版本", second.path("title"));
    assertEquals(LI, second.path("updatedBy"));
  }

  @Test
  void simultaneousSavesOfOneVersionLetExactlyOneWin() throws Exception {
    String slug = AdminSupport.slug("simultaneous");
    Map<String, Object> input = textNewsInDaxing("同时保存");
    input.put("slug", slug);
    long id = created.article(wang, input);
    assertExactlyOneOfSimultaneousSavesWins(id, slug);
  }

  @Test
  void simultaneousSavesWithoutSlugLetExactlyOneWinAndTheOthersGet412() throws Exception {
    // A PUT that leaves out the slug (a new one is generated) must lose a race with a 412 too.
    long id = created.article(wang, textNewsInDaxing("同时保存（无slug）"));
    assertExactlyOneOfSimultaneousSavesWins(id, null);
  }

  private void assertExactlyOneOfSimultaneousSavesWins(long id, String slug) throws Exception {
    for (int round = 0; round < 3; round++) {
      String base = etagOf(id);
      List<Callable<Response>> saves = new ArrayList<>();
      for (int i = 0; i < 6; i++) {
        Map<String, Object> input = textNewsInDaxing("并发标题 " + round + "-" + i);
        input.put("slug", slug);
        String token = i % 2 == 0 ? wang : li;
        saves.add(() -> put(token, id, base, input));
      }
      List<Response> answers = simultaneously(saves);
      Map<Integer, Long> statuses =
          answers.stream()
              .collect(Collectors.groupingBy(Response::statusCode, Collectors.counting()));
      assertEquals(Map.of(200, 1L, 412, 5L), statuses, describe(answers));
      Response winner = answers.stream().filter(a -> a.statusCode() == 200).findFirst().get();
      Response now = admin(id);
      assertEquals(winner.<String>path("title"), now.path("title"));
      assertEquals(winner.header("ETag"), now.header("ETag"));
      assertTrue(!base.equals(now.header("ETag")), "a save makes a new version");
      if (slug != null) {
        assertEquals(slug, now.path("slug"));
      }
    }
  }

  // --- 404 --------------------------------------------------------------------------------------

  @Test
  void anUnknownArticleIs404ForEveryOperation() {
    String path = ARTICLES + "/" + NO_SUCH_ID;
    assertProblem(as(wang).get(path), 404, "not-found");
    assertProblem(put(wang, NO_SUCH_ID, "\"0\"", textNewsInDaxing("无")), 404, "not-found");
    assertProblem(patch(wang, NO_SUCH_ID, "\"0\"", "{\"title\":\"无\"}"), 404, "not-found");
    assertProblem(as(wang).header("If-Match", "\"0\"").delete(path), 404, "not-found");
    assertProblem(as(wang).post(path + "/publish"), 404, "not-found");
    assertProblem(as(wang).post(path + "/unpublish"), 404, "not-found");
  }

  // --- helpers for simultaneous requests ------------------------------------------------------

  private static List<Response> simultaneously(int count, Callable<Response> call)
      throws Exception {
    List<Callable<Response>> calls = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      calls.add(call);
    }
    return simultaneously(calls);
  }

  private static List<Response> simultaneously(List<Callable<Response>> calls) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(calls.size());
    try {
      CountDownLatch ready = new CountDownLatch(calls.size());
      CountDownLatch go = new CountDownLatch(1);
      List<Future<Response>> futures = new ArrayList<>();
      for (Callable<Response> call : calls) {
        futures.add(
            pool.submit(
                () -> {
                  ready.countDown();
                  go.await();
                  return call.call();
                }));
      }
      ready.await(10, TimeUnit.SECONDS);
      go.countDown();
      List<Response> responses = new ArrayList<>();
      for (Future<Response> future : futures) {
        responses.add(future.get(30, TimeUnit.SECONDS));
      }
      return responses;
    } finally {
      pool.shutdownNow();
      pool.awaitTermination(Duration.ofSeconds(5).toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  private static String describe(List<Response> responses) {
    return responses.stream()
        .map(response -> response.statusCode() + " " + response.asString())
        .collect(Collectors.joining("\n"));
  }
}
