package com.investchn.content.admin;

import static com.investchn.content.admin.AdminSupport.ARTICLES;
import static com.investchn.content.admin.AdminSupport.BOOTSTRAP;
import static com.investchn.content.admin.AdminSupport.BOOTSTRAP_NAME;
import static com.investchn.content.admin.AdminSupport.CATEGORIES;
import static com.investchn.content.admin.AdminSupport.JSON;
import static com.investchn.content.admin.AdminSupport.MERGE_PATCH;
import static com.investchn.content.admin.AdminSupport.NO_SUCH_ID;
import static com.investchn.content.admin.AdminSupport.PROBLEM;
import static com.investchn.content.admin.AdminSupport.PROBLEMS;
import static com.investchn.content.admin.AdminSupport.SITE;
import static com.investchn.content.admin.AdminSupport.ZONES;
import static com.investchn.content.admin.AdminSupport.as;
import static com.investchn.content.admin.AdminSupport.etag;
import static com.investchn.content.admin.AdminSupport.etagOf;
import static com.investchn.content.admin.AdminSupport.json;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.investchn.content.common.tombstone.Tombstone;
import com.investchn.content.common.tombstone.TombstoneRepository;
import com.investchn.content.support.ApiTest;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Zones, categories and the site record through the editorial API (admin only). */
@QuarkusTest
class ZoneCategorySiteWriteTest extends ApiTest {

  private static final String ADMIN_NAME = "t-structure-admin";
  private static String admin;

  @Inject TombstoneRepository tombstones;
  @Inject EntityManager entityManager;

  private final AdminSupport.Created created = new AdminSupport.Created();

  @BeforeEach
  void issueToken() {
    if (admin == null) {
      admin = AdminSupport.issueToken(ADMIN_NAME, "admin");
    }
  }

  @AfterEach
  void deleteWhatTheTestCreated() {
    created.deleteAll();
  }

  private static void assertProblem(Response response, int status, String type) {
    assertEquals(status, response.statusCode(), response.asString());
    assertTrue(response.contentType().startsWith(PROBLEM), response.contentType());
    assertEquals(status, response.<Integer>path("status"));
    assertEquals(PROBLEMS + type, response.path("type"));
  }

  private static Response read(String path) {
    return as(BOOTSTRAP).get(path).then().statusCode(200).extract().response();
  }

  private static Response patch(String path, String etag, String patch) {
    return as(admin).header("If-Match", etag).contentType(MERGE_PATCH).body(patch).patch(path);
  }

  private static Response put(String path, String etag, Map<String, Object> input) {
    return as(admin).header("If-Match", etag).contentType(JSON).body(json(input)).put(path);
  }

  private static Response delete(String path, String etag) {
    return as(admin).header("If-Match", etag).delete(path);
  }

  private List<Tombstone> tombstonesOf(String type, long id) {
    return QuarkusTransaction.requiringNew()
        .call(() -> tombstones.list("resourceType = ?1 and resourceId = ?2", type, id));
  }

  private static List<String> childrenInZoneTree(String... path) {
    StringBuilder expression = new StringBuilder();
    for (String slug : path) {
      expression
          .append(expression.length() == 0 ? "" : ".children")
          .append(".find { it.slug == '")
          .append(slug)
          .append("' }");
    }
    return given()
        .get("/api/v1/zones/tree")
        .then()
        .statusCode(200)
        .extract()
        .path(expression.substring(1) + ".children.slug");
  }

  private static List<String> childrenInCategoryTree(String slug) {
    return given()
        .get("/api/v1/categories")
        .then()
        .statusCode(200)
        .extract()
        .path("find { it.slug == '" + slug + "' }.children.slug");
  }

  private long zone(String stem, String kind, Long parentId) {
    return created.zone(AdminSupport.zone(AdminSupport.slug(stem), "测试区" + stem, kind, parentId));
  }

  private long category(String stem, Long parentId, int position) {
    return created.category(
        AdminSupport.category(AdminSupport.slug(stem), "测试频道" + stem, parentId, position));
  }

  private static String slugOf(String path) {
    return read(path).path("slug");
  }

  // --- zones -----------------------------------------------------------------------------------

  @Test
  void aNewZoneIsInThePublicTreeListAndDetailAtOnce() {
    int zones = given().get("/api/v1/zones").then().extract().path("totalItems");
    String slug = AdminSupport.slug("etdz");
    Map<String, Object> input =
        AdminSupport.zone(slug, "苏州测试开发区", "development_zone", fixtures.id("suzhou"));
    input.put("nameEn", "Suzhou Test Development Zone");
    input.put("level", "provincial");
    input.put("type", "high_tech");
    Response response = created.post(admin, ZONES, input);
    long id = response.<Integer>path("id");
    assertTrue(response.header("Location").endsWith("/api/v1/admin/zones/" + id));
    assertEquals(etag(response.<Integer>path("version")), response.header("ETag"));
    response
        .then()
        .body("slug", is(slug))
        .body("name", is("苏州测试开发区"))
        .body("nameEn", is("Suzhou Test Development Zone"))
        .body("kind", is("development_zone"))
        .body("level", is("provincial"))
        .body("type", is("high_tech"))
        .body("parentId", is((int) fixtures.id("suzhou")))
        .body("createdBy", is(ADMIN_NAME))
        .body("updatedBy", is(ADMIN_NAME));
    assertEquals(response.header("ETag"), read(ZONES + "/" + id).header("ETag"));

    given()
        .get("/api/v1/zones/" + slug)
        .then()
        .statusCode(200)
        .body("id", is((int) id))
        .body("name", is("苏州测试开发区"))
        .body("level", is("provincial"))
        .body("parent.slug", is("suzhou"))
        .body("ancestors.slug", contains("jiangsu", "suzhou"))
        .body("children", empty());
    given().get("/api/v1/zones/" + id).then().statusCode(200).body("slug", is(slug));
    given().get("/api/v1/zones/suzhou").then().body("children.slug", hasItem(slug));
    assertTrue(childrenInZoneTree("jiangsu", "suzhou").contains(slug));
    given().get("/api/v1/zones").then().body("totalItems", is(zones + 1));
    given()
        .get("/api/v1/zones?kind=development_zone&level=provincial&size=100")
        .then()
        .body("items.slug", hasItem(slug));
  }

  @Test
  void aZoneIsValidatedWithEveryFieldListed() {
    Response empty = as(admin).contentType(JSON).body("{}").post(ZONES);
    assertProblem(empty, 400, "validation-failed");
    empty.then().body("errors.field", containsInAnyOrder("slug", "name", "kind"));

    Map<String, Object> invalid = AdminSupport.zone("Bad Slug", "坏区", "city", NO_SUCH_ID);
    invalid.put("level", "national");
    invalid.put("type", "high_tech");
    invalid.put("nameEn", "n".repeat(201));
    Response response = as(admin).contentType(JSON).body(json(invalid)).post(ZONES);
    assertProblem(response, 400, "validation-failed");
    response
        .then()
        .body("errors.field", containsInAnyOrder("slug", "nameEn", "level", "type", "parentId"));

    as(admin)
        .contentType(JSON)
        .body(json(AdminSupport.zone("12345", "数字区", "city", null)))
        .post(ZONES)
        .then()
        .statusCode(400)
        .body("errors.field", containsInAnyOrder("slug"));
    as(admin)
        .contentType(JSON)
        .body("{\"slug\":\"t-planet\",\"name\":\"火星\",\"kind\":\"planet\"}")
        .post(ZONES)
        .then()
        .statusCode(400)
        .contentType(PROBLEM)
        .body("errors.field", containsInAnyOrder("kind"));
    assertProblem(
        as(admin)
            .contentType(JSON)
            .body(json(AdminSupport.zone("daxing", "重复的大兴", "district", null)))
            .post(ZONES),
        409,
        "conflict");
    given().get("/api/v1/zones/daxing").then().body("name", is("大兴区"));
  }

  @Test
  void aZoneIsReplacedPatchedAndMovedAndThePublicTreeFollows() {
    long a =
        created.zone(
            AdminSupport.zone(AdminSupport.slug("zone-a"), "甲区", "city", fixtures.id("jiangsu")));
    long b = zone("zone-b", "district", a);
    String slugA = slugOf(ZONES + "/" + a);
    String slugB = slugOf(ZONES + "/" + b);
    assertTrue(childrenInZoneTree("jiangsu").contains(slugA));

    // PUT replaces and moves a (with b below it) to Beijing.
    Map<String, Object> moved = AdminSupport.zone(slugA, "甲市", "city", fixtures.id("beijing"));
    moved.put("nameEn", "Jia City");
    Response replaced = put(ZONES + "/" + a, etagOf(ZONES + "/" + a), moved);
    assertEquals(200, replaced.statusCode(), replaced.asString());
    replaced
        .then()
        .body("name", is("甲市"))
        .body("nameEn", is("Jia City"))
        .body("parentId", is((int) fixtures.id("beijing")))
        .body("createdBy", is(BOOTSTRAP_NAME))
        .body("updatedBy", is(ADMIN_NAME));
    assertEquals(etag(replaced.<Integer>path("version")), replaced.header("ETag"));
    assertTrue(childrenInZoneTree("beijing").contains(slugA));
    assertTrue(!childrenInZoneTree("jiangsu").contains(slugA));
    assertEquals(List.of(slugB), childrenInZoneTree("beijing", slugA));
    given()
        .get("/api/v1/zones/" + slugB)
        .then()
        .body("ancestors.slug", contains("beijing", slugA))
        .body("ancestors.name", contains("北京市", "甲市"));

    // PATCH changes only what it names; null parentId makes b a top-level zone.
    Response patched =
        patch(ZONES + "/" + b, etagOf(ZONES + "/" + b), "{\"parentId\":null,\"name\":\"乙区（独立）\"}");
    assertEquals(200, patched.statusCode(), patched.asString());
    patched
        .then()
        .body("parentId", nullValue())
        .body("name", is("乙区（独立）"))
        .body("kind", is("district"))
        .body("slug", is(slugB));
    given()
        .get("/api/v1/zones/tree")
        .then()
        .body("slug", hasItem(slugB))
        .body("find { it.slug == '" + slugB + "' }.name", is("乙区（独立）"));
    assertEquals(List.of(), childrenInZoneTree("beijing", slugA));
  }

  @Test
  void zoneWritesNeedACurrentIfMatch() {
    long id = zone("zone-etag", "city", fixtures.id("jiangsu"));
    String path = ZONES + "/" + id;
    String etag = etagOf(path);
    Map<String, Object> input =
        AdminSupport.zone(slugOf(path), "改名", "city", fixtures.id("jiangsu"));
    assertProblem(
        as(admin).contentType(JSON).body(json(input)).put(path), 428, "precondition-required");
    assertProblem(
        as(admin).contentType(MERGE_PATCH).body("{\"name\":\"改\"}").patch(path),
        428,
        "precondition-required");
    assertProblem(as(admin).delete(path), 428, "precondition-required");
    patch(path, etag, "{\"nameEn\":\"First\"}").then().statusCode(200);
    assertProblem(put(path, etag, input), 412, "precondition-failed");
    assertProblem(patch(path, etag, "{\"name\":\"改\"}"), 412, "precondition-failed");
    assertProblem(delete(path, etag), 412, "precondition-failed");
    read(path).then().body("nameEn", is("First")).body("name", is("测试区zone-etag"));
  }

  @Test
  void aZoneCannotMoveUnderItselfOrItsDescendants() {
    long a = zone("cycle-a", "city", fixtures.id("jiangsu"));
    long b = zone("cycle-b", "district", a);
    long c = zone("cycle-c", "development_zone", b);
    String slugA = slugOf(ZONES + "/" + a);
    String etagA = etagOf(ZONES + "/" + a);
    Map<String, Object> underC = AdminSupport.zone(slugA, "测试区cycle-a", "city", c);
    assertProblem(put(ZONES + "/" + a, etagA, underC), 409, "conflict");
    assertProblem(patch(ZONES + "/" + a, etagA, "{\"parentId\":" + b + "}"), 409, "conflict");
    assertProblem(patch(ZONES + "/" + a, etagA, "{\"parentId\":" + a + "}"), 409, "conflict");
    read(ZONES + "/" + a)
        .then()
        .body("parentId", is((int) fixtures.id("jiangsu")))
        .body("version", is(Integer.parseInt(etagA.replace("\"", ""))));
    assertEquals(List.of(slugOf(ZONES + "/" + b)), childrenInZoneTree("jiangsu", slugA));

    // Moving a descendant up is fine.
    patch(ZONES + "/" + c, etagOf(ZONES + "/" + c), "{\"parentId\":" + fixtures.id("jiangsu") + "}")
        .then()
        .statusCode(200);
    assertTrue(childrenInZoneTree("jiangsu").contains(slugOf(ZONES + "/" + c)));
    assertEquals(List.of(), childrenInZoneTree("jiangsu", slugA, slugOf(ZONES + "/" + b)));
  }

  @Test
  void aZoneInUseIsDeletedOnlyWhenItsArticlesAndChildrenAreReassigned() {
    long p = zone("zone-p", "city", fixtures.id("jiangsu"));
    long q = zone("zone-q", "district", p);
    long heir = zone("zone-heir", "city", fixtures.id("jiangsu"));
    String slugP = slugOf(ZONES + "/" + p);
    String slugQ = slugOf(ZONES + "/" + q);
    String slugHeir = slugOf(ZONES + "/" + heir);
    Map<String, Object> filed = AdminSupport.article("甲区的文章", fixtures.id("policies"), p);
    filed.put("publisherZoneId", p);
    filed.put("status", "published");
    filed.put("publishedAt", "2020-05-01T08:00:00+08:00");
    long article = created.article(BOOTSTRAP, filed);
    String etag = etagOf(ZONES + "/" + p);

    Response refused = delete(ZONES + "/" + p, etag);
    assertProblem(refused, 409, "conflict");
    read(ZONES + "/" + p);
    assertProblem(
        as(admin)
            .header("If-Match", etag)
            .queryParam("reassignTo", "no-such-zone")
            .delete(ZONES + "/" + p),
        400,
        "invalid-parameter");
    assertProblem(
        as(admin).header("If-Match", etag).queryParam("reassignTo", slugQ).delete(ZONES + "/" + p),
        400,
        "invalid-parameter");
    assertProblem(
        as(admin).header("If-Match", etag).queryParam("reassignTo", p).delete(ZONES + "/" + p),
        400,
        "invalid-parameter");
    read(ZONES + "/" + p);
    assertTrue(tombstonesOf("zone", p).isEmpty());

    Response deleted =
        as(admin)
            .header("If-Match", etag)
            .queryParam("reassignTo", slugHeir)
            .delete(ZONES + "/" + p);
    assertEquals(204, deleted.statusCode(), deleted.asString());
    assertProblem(as(admin).get(ZONES + "/" + p), 404, "not-found");
    given().get("/api/v1/zones/" + slugP).then().statusCode(404);
    read(ZONES + "/" + q).then().body("parentId", is((int) heir));
    assertEquals(List.of(slugQ), childrenInZoneTree("jiangsu", slugHeir));
    assertTrue(!childrenInZoneTree("jiangsu").contains(slugP));
    read(ARTICLES + "/" + article)
        .then()
        .body("zoneId", is((int) heir))
        .body("publisherZoneId", is((int) heir))
        .body("zone.slug", is(slugHeir));
    given()
        .get("/api/v1/articles/" + article)
        .then()
        .statusCode(200)
        .body("zone.slug", is(slugHeir))
        .body("publisherZone.slug", is(slugHeir));

    List<Tombstone> left = tombstonesOf("zone", p);
    assertEquals(1, left.size());
    assertEquals(slugP, left.get(0).slug);
    assertEquals(ADMIN_NAME, left.get(0).deletedBy);

    // An empty zone goes without more ado.
    Response empty = delete(ZONES + "/" + q, etagOf(ZONES + "/" + q));
    assertEquals(204, empty.statusCode(), empty.asString());
    assertEquals(1, tombstonesOf("zone", q).size());
    assertEquals(List.of(), childrenInZoneTree("jiangsu", slugHeir));
  }

  // --- categories ---------------------------------------------------------------------------

  @Test
  void aNewCategoryIsInThePublicTreeAtOnceInPositionOrder() {
    String slug = AdminSupport.slug("channel");
    Map<String, Object> input =
        AdminSupport.category(slug, "招商政策解读", fixtures.id("investment-news"), 0);
    input.put("nameEn", "Policy Briefs");
    Response response = created.post(admin, CATEGORIES, input);
    long id = response.<Integer>path("id");
    assertTrue(response.header("Location").endsWith("/api/v1/admin/categories/" + id));
    assertEquals(etag(response.<Integer>path("version")), response.header("ETag"));
    response
        .then()
        .body("slug", is(slug))
        .body("name", is("招商政策解读"))
        .body("nameEn", is("Policy Briefs"))
        .body("parentId", is((int) fixtures.id("investment-news")))
        .body("position", is(0))
        .body("zoneScoped", is(false))
        .body("createdBy", is(ADMIN_NAME));
    assertEquals(List.of(slug, "industry-trends"), childrenInCategoryTree("investment-news"));
    given()
        .get("/api/v1/categories/" + slug)
        .then()
        .statusCode(200)
        .body("name", is("招商政策解读"))
        .body("parent.slug", is("investment-news"))
        .body("ancestors.slug", contains("investment-news"));

    patch(CATEGORIES + "/" + id, etagOf(CATEGORIES + "/" + id), "{\"position\":5}")
        .then()
        .statusCode(200)
        .body("position", is(5))
        .body("name", is("招商政策解读"));
    assertEquals(List.of("industry-trends", slug), childrenInCategoryTree("investment-news"));

    // A zone-scoped top-level channel, last by position.
    String top = AdminSupport.slug("zone-channel");
    Map<String, Object> scoped = AdminSupport.category(top, "园区风采", null, 99);
    scoped.put("zoneScoped", true);
    created.post(admin, CATEGORIES, scoped).then().body("zoneScoped", is(true));
    given()
        .get("/api/v1/categories")
        .then()
        .body("slug", contains("zone-news", "investment-news", "policies", top))
        .body("[3].zoneScoped", is(true));
  }

  @Test
  void aCategoryIsValidatedWithEveryFieldListed() {
    Response empty = as(admin).contentType(JSON).body("{}").post(CATEGORIES);
    assertProblem(empty, 400, "validation-failed");
    empty.then().body("errors.field", containsInAnyOrder("slug", "name"));

    Map<String, Object> invalid = AdminSupport.category("Bad_Slug", " ", NO_SUCH_ID, 1);
    Response response = as(admin).contentType(JSON).body(json(invalid)).post(CATEGORIES);
    assertProblem(response, 400, "validation-failed");
    response.then().body("errors.field", containsInAnyOrder("slug", "name", "parentId"));

    Map<String, Object> scopedChild =
        AdminSupport.category(AdminSupport.slug("scoped-child"), "子频道", fixtures.id("policies"), 1);
    scopedChild.put("zoneScoped", true);
    as(admin)
        .contentType(JSON)
        .body(json(scopedChild))
        .post(CATEGORIES)
        .then()
        .statusCode(400)
        .body("errors.field", containsInAnyOrder("zoneScoped"));

    assertProblem(
        as(admin)
            .contentType(JSON)
            .body(json(AdminSupport.category("policies", "重复", null, 1)))
            .post(CATEGORIES),
        409,
        "conflict");
    given().get("/api/v1/categories/policies").then().body("name", is("政策法规"));
  }

  @Test
  void aCategoryIsMovedAndCannotGoUnderItselfOrItsDescendants() {
    long a = category("cat-a", null, 50);
    long b = category("cat-b", a, 1);
    long c = category("cat-c", b, 1);
    String slugA = slugOf(CATEGORIES + "/" + a);
    String slugB = slugOf(CATEGORIES + "/" + b);
    String etagA = etagOf(CATEGORIES + "/" + a);

    Map<String, Object> underC = AdminSupport.category(slugA, "测试频道cat-a", c, 50);
    assertProblem(put(CATEGORIES + "/" + a, etagA, underC), 409, "conflict");
    assertProblem(patch(CATEGORIES + "/" + a, etagA, "{\"parentId\":" + a + "}"), 409, "conflict");
    assertProblem(patch(CATEGORIES + "/" + a, etagA, "{\"parentId\":" + b + "}"), 409, "conflict");
    read(CATEGORIES + "/" + a).then().body("parentId", nullValue());

    Response moved =
        patch(
            CATEGORIES + "/" + b,
            etagOf(CATEGORIES + "/" + b),
            "{\"parentId\":" + fixtures.id("policies") + "}");
    assertEquals(200, moved.statusCode(), moved.asString());
    moved.then().body("parentId", is((int) fixtures.id("policies"))).body("slug", is(slugB));
    assertEquals(List.of(slugB), childrenInCategoryTree("policies"));
    assertEquals(List.of(), childrenInCategoryTree(slugA));
    given()
        .get("/api/v1/categories/" + slugOf(CATEGORIES + "/" + c))
        .then()
        .body("ancestors.slug", contains("policies", slugB));
  }

  @Test
  void aCategoryWithChildrenIsDeletedOnlyWhenTheyAreReassigned() {
    long parent = category("cat-parent", fixtures.id("investment-news"), 7);
    long child = category("cat-child", parent, 1);
    String slugParent = slugOf(CATEGORIES + "/" + parent);
    String etag = etagOf(CATEGORIES + "/" + parent);
    assertProblem(delete(CATEGORIES + "/" + parent, etag), 409, "conflict");
    assertProblem(
        as(admin)
            .header("If-Match", etag)
            .queryParam("reassignTo", "no-such-channel")
            .delete(CATEGORIES + "/" + parent),
        400,
        "invalid-parameter");
    assertProblem(
        as(admin)
            .header("If-Match", etag)
            .queryParam("reassignTo", child)
            .delete(CATEGORIES + "/" + parent),
        400,
        "invalid-parameter");
    read(CATEGORIES + "/" + parent);

    Response deleted =
        as(admin)
            .header("If-Match", etag)
            .queryParam("reassignTo", fixtures.id("investment-news"))
            .delete(CATEGORIES + "/" + parent);
    assertEquals(204, deleted.statusCode(), deleted.asString());
    read(CATEGORIES + "/" + child)
        .then()
        .body("parentId", is((int) fixtures.id("investment-news")));
    given().get("/api/v1/categories/" + slugParent).then().statusCode(404);
    assertEquals(
        List.of("industry-trends", slugOf(CATEGORIES + "/" + child)),
        childrenInCategoryTree("investment-news"));
    List<Tombstone> left = tombstonesOf("category", parent);
    assertEquals(1, left.size());
    assertEquals(slugParent, left.get(0).slug);
    assertEquals(ADMIN_NAME, left.get(0).deletedBy);
  }

  @Test
  void aCategoryWithArticlesIsA409UntilTheyAreReassigned() {
    long category = categoryWhoseIdNoZoneHas();
    Map<String, Object> input = AdminSupport.article("频道里的文章", category, fixtures.id("suzhou"));
    input.put("status", "published");
    input.put("publishedAt", "2020-05-01T08:00:00+08:00");
    long article = created.article(BOOTSTRAP, input);
    String etag = etagOf(CATEGORIES + "/" + category);

    assertProblem(delete(CATEGORIES + "/" + category, etag), 409, "conflict");
    read(CATEGORIES + "/" + category);
    read(ARTICLES + "/" + article).then().body("categoryId", is((int) category));

    Response deleted =
        as(admin)
            .header("If-Match", etag)
            .queryParam("reassignTo", "policies")
            .delete(CATEGORIES + "/" + category);
    assertEquals(204, deleted.statusCode(), deleted.asString());
    read(ARTICLES + "/" + article)
        .then()
        .body("categoryId", is((int) fixtures.id("policies")))
        .body("category.slug", is("policies"));
    given()
        .get("/api/v1/articles/" + article)
        .then()
        .statusCode(200)
        .body("category.slug", is("policies"));
    assertEquals(1, tombstonesOf("category", category).size());
  }

  @Test
  void anEmptyCategoryIsDeletedWhateverArticlesTheZoneWithTheSameIdHas() {
    long category = categoryWithTheIdOfAZoneWithArticles();
    String slug = slugOf(CATEGORIES + "/" + category);
    Response deleted = delete(CATEGORIES + "/" + category, etagOf(CATEGORIES + "/" + category));
    assertEquals(204, deleted.statusCode(), deleted.asString());
    given().get("/api/v1/categories/" + slug).then().statusCode(404);
    assertEquals(1, tombstonesOf("category", category).size());
  }

  /** A new empty category whose id is no zone's id, so only its own articles can refer to it. */
  private long categoryWhoseIdNoZoneHas() {
    for (int attempt = 0; attempt < 200; attempt++) {
      long id = category("cat-articles", null, 60);
      if (given().get("/api/v1/zones/" + id).statusCode() == 404) {
        return id;
      }
      AdminSupport.Created.delete(CATEGORIES + "/" + id);
    }
    return fail("no category id free of zones");
  }

  /**
   * A new empty category whose id is also the id of a zone that has an article: both identity
   * sequences are moved past every id in use to the same value, so the next zone and the next
   * category get the same id.
   */
  private long categoryWithTheIdOfAZoneWithArticles() {
    long next =
        QuarkusTransaction.requiringNew()
            .call(
                () -> {
                  long highest = 0;
                  for (String table : List.of("zone", "category")) {
                    Number max =
                        (Number)
                            entityManager
                                .createNativeQuery("select coalesce(max(id), 0) from " + table)
                                .getSingleResult();
                    highest = Math.max(highest, max.longValue());
                  }
                  long restart = highest + 1000;
                  for (String table : List.of("zone", "category")) {
                    entityManager
                        .createNativeQuery(
                            "alter table " + table + " alter column id restart with " + restart)
                        .executeUpdate();
                  }
                  return restart;
                });
    long zone = zoneWithAnArticle();
    long category = category("cat-twin", null, 61);
    assertEquals(next, zone, "the zone took the id the sequence was moved to");
    assertEquals(zone, category, "the category took the same id");
    return category;
  }

  private long zoneWithAnArticle() {
    long zone = zone("twin-zone", "city", fixtures.id("jiangsu"));
    created.article(BOOTSTRAP, AdminSupport.article("同号地区的文章", fixtures.id("policies"), zone));
    return zone;
  }

  // --- at once, also while the public API is busy -------------------------------------------

  @Test
  void newZonesAndCategoriesAreVisibleAtOnceWhileThePublicApiIsBeingRead() throws Exception {
    // The trees are cached in memory; a write must never leave a reader's stale copy behind.
    AtomicBoolean stop = new AtomicBoolean();
    ExecutorService readers = Executors.newFixedThreadPool(3);
    List<String> late = new ArrayList<>();
    try {
      HttpClient client = HttpClient.newHttpClient();
      String base = RestAssured.baseURI + ":" + RestAssured.port;
      for (int i = 0; i < 3; i++) {
        readers.submit(
            () -> {
              while (!stop.get()) {
                for (String read :
                    List.of("/api/v1/categories/policies", "/api/v1/zones/jiangsu")) {
                  client.send(
                      HttpRequest.newBuilder(URI.create(base + read)).build(),
                      HttpResponse.BodyHandlers.discarding());
                }
              }
              return null;
            });
      }
      for (int i = 0; i < 20; i++) {
        String channel = AdminSupport.slug("busy-channel");
        created.category(AdminSupport.category(channel, "繁忙频道", null, 80));
        if (given().get("/api/v1/categories/" + channel).statusCode() != 200) {
          late.add(channel);
        }
        String zone = AdminSupport.slug("busy-zone");
        created.zone(AdminSupport.zone(zone, "繁忙区", "city", fixtures.id("jiangsu")));
        if (given().get("/api/v1/zones/" + zone).statusCode() != 200) {
          late.add(zone);
        }
      }
    } finally {
      stop.set(true);
      readers.shutdown();
      readers.awaitTermination(10, TimeUnit.SECONDS);
    }
    assertEquals(List.of(), late, "created (201), yet 404 on the public API right after");
  }

  // --- site -------------------------------------------------------------------------------------

  @Test
  void theFirstPutCreatesTheSiteRecordOfANewInstallationWithoutIfMatch() {
    Response original = read(SITE);
    Map<String, Object> originalSite = new LinkedHashMap<>(original.jsonPath().getMap("site"));
    originalSite.remove("updatedAt");
    QuarkusTransaction.requiringNew()
        .run(() -> entityManager.createNativeQuery("delete from site").executeUpdate());
    try {
      as(admin).get(SITE).then().statusCode(404);
      assertProblem(patch(SITE, "\"0\"", "{\"slogan\":\"无记录时不能修补\"}"), 404, "not-found");
      Response created =
          as(admin).contentType(JSON).body(json(Map.of("name", "投促中国（新装）"))).put(SITE);
      assertEquals(200, created.statusCode(), created.asString());
      created.then().body("site.name", is("投促中国（新装）")).body("site.locale", is("zh-CN"));
      assertEquals(ADMIN_NAME, created.path("updatedBy"));
      given().get("/api/v1/site").then().statusCode(200).body("name", is("投促中国（新装）"));
      // From now on it exists, so a write without If-Match is refused again.
      assertProblem(
          as(admin).contentType(JSON).body(json(Map.of("name", "再来一次"))).put(SITE),
          428,
          "precondition-required");
    } finally {
      Response current = as(admin).get(SITE);
      Response restored =
          current.statusCode() == 404
              ? as(admin).contentType(JSON).body(json(originalSite)).put(SITE)
              : put(SITE, current.header("ETag"), originalSite);
      assertEquals(200, restored.statusCode(), restored.asString());
    }
    Map<String, Object> publicAfter =
        new LinkedHashMap<>(given().get("/api/v1/site").jsonPath().getMap("$"));
    publicAfter.remove("updatedAt");
    assertEquals(originalSite, publicAfter);
  }

  @Test
  void theSiteRecordIsReplacedAndPatchedWithIfMatchAndTheOriginalRestored() {
    Response original = read(SITE);
    Map<String, Object> originalSite = new LinkedHashMap<>(original.jsonPath().getMap("site"));
    originalSite.remove("updatedAt");
    Map<String, Object> publicBefore =
        new LinkedHashMap<>(given().get("/api/v1/site").jsonPath().getMap("$"));
    publicBefore.remove("updatedAt");
    assertEquals(originalSite, publicBefore);
    long version = original.<Integer>path("version");
    assertEquals(etag(version), original.header("ETag"));
    try {
      Map<String, Object> site = new LinkedHashMap<>();
      site.put("name", "投促中国（测试）");
      site.put("nameEn", "InvestCHN Test");
      site.put("slogan", "测试口号");
      site.put("baseUrl", "https://test.investchn.com");
      site.put("logoUrl", "https://static.investchn.com/logo-test.png");
      site.put("locale", "en-US");
      site.put("timezone", "Asia/Hong_Kong");
      site.put("phone", "+86-010-12345678");
      site.put("fax", "+86-010-87654321");
      site.put("email", "editor@investchn.com");
      site.put("address", "江苏省苏州市工业园区");
      site.put("copyright", "© 2024 测试");
      site.put("icpLicense", "苏ICP备12345678号");

      assertProblem(
          as(admin).contentType(JSON).body(json(site)).put(SITE), 428, "precondition-required");
      assertProblem(put(SITE, etag(version + 7), site), 412, "precondition-failed");

      Response replaced = put(SITE, original.header("ETag"), site);
      assertEquals(200, replaced.statusCode(), replaced.asString());
      assertEquals(version + 1, (long) replaced.<Integer>path("version"));
      assertEquals(etag(version + 1), replaced.header("ETag"));
      assertEquals(ADMIN_NAME, replaced.path("updatedBy"));
      Map<String, Object> shown = new LinkedHashMap<>(replaced.jsonPath().getMap("site"));
      shown.remove("updatedAt");
      assertEquals(site, shown);
      Map<String, Object> publicNow =
          new LinkedHashMap<>(given().get("/api/v1/site").jsonPath().getMap("$"));
      publicNow.remove("updatedAt");
      assertEquals(site, publicNow);

      Response patched =
          patch(SITE, replaced.header("ETag"), "{\"slogan\":\"新的口号\",\"address\":null}");
      assertEquals(200, patched.statusCode(), patched.asString());
      patched
          .then()
          .body("site.slogan", is("新的口号"))
          .body("site.address", nullValue())
          .body("site.name", is("投促中国（测试）"))
          .body("site.timezone", is("Asia/Hong_Kong"));
      given().get("/api/v1/site").then().body("slogan", is("新的口号")).body("address", nullValue());
      assertProblem(
          as(admin).contentType(MERGE_PATCH).body("{\"slogan\":\"x\"}").patch(SITE),
          428,
          "precondition-required");
      assertProblem(
          patch(SITE, replaced.header("ETag"), "{\"slogan\":\"x\"}"), 412, "precondition-failed");

      Map<String, Object> invalid = new LinkedHashMap<>();
      invalid.put("name", "");
      invalid.put("email", "not-an-email");
      invalid.put("locale", "chinese");
      invalid.put("timezone", "Mars/Olympus_Mons");
      invalid.put("baseUrl", "javascript:alert(1)");
      invalid.put("logoUrl", "ftp://static.investchn.com/logo.png");
      Response rejected = put(SITE, patched.header("ETag"), invalid);
      assertProblem(rejected, 400, "validation-failed");
      rejected
          .then()
          .body(
              "errors.field",
              containsInAnyOrder("name", "email", "locale", "timezone", "baseUrl", "logoUrl"));
      given().get("/api/v1/site").then().body("slogan", is("新的口号"));

      // The minimum: a name; locale and time zone fall back to the portal's.
      Response minimal = put(SITE, patched.header("ETag"), Map.of("name", "投促中国（最简）"));
      assertEquals(200, minimal.statusCode(), minimal.asString());
      minimal
          .then()
          .body("site.locale", is("zh-CN"))
          .body("site.timezone", is("Asia/Shanghai"))
          .body("site.slogan", nullValue())
          .body("site.email", nullValue());
    } finally {
      Response restored = put(SITE, etagOf(SITE), originalSite);
      assertEquals(200, restored.statusCode(), restored.asString());
    }
    Map<String, Object> publicAfter =
        new LinkedHashMap<>(given().get("/api/v1/site").jsonPath().getMap("$"));
    publicAfter.remove("updatedAt");
    assertEquals(publicBefore, publicAfter);
    assertTrue(!publicAfter.isEmpty());
    given().get("/api/v1/site").then().body("slogan", not(is("新的口号")));
  }
}
