package com.investchn.content.zone;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.investchn.content.support.ApiTest;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ZoneResourceTest extends ApiTest {

  @Test
  void listsAllZonesOrderedByPinyinWithTotals() {
    // The pinyin of the Chinese names (zh-CN collation), not their code points.
    given()
        .get("/api/v1/zones")
        .then()
        .statusCode(200)
        .header("X-Total-Count", "10")
        .body("totalItems", is(10))
        .body("totalPages", is(1))
        .body("page", is(1))
        .body("size", is(20))
        .body("nextCursor", nullValue())
        .body(
            "items.name",
            contains(
                "北京经济技术开发区",
                "北京市",
                "大兴区",
                "海淀区",
                "江苏省",
                "昆山高新技术产业开发区",
                "昆山市",
                "苏州工业园区",
                "苏州市",
                "中关村科技园区"));
  }

  @Test
  void zoneInAListCarriesKindLevelTypeAndParent() {
    given()
        .queryParam("kind", "development_zone")
        .queryParam("level", "national")
        .get("/api/v1/zones")
        .then()
        .body("items.slug", contains("beijing-etdz", "suzhou-industrial-park", "zhongguancun"))
        .body("items[0].name", is("北京经济技术开发区"))
        .body("items[0].nameEn", is("Beijing Economic-Technological Development Area"))
        .body("items[0].kind", is("development_zone"))
        .body("items[0].level", is("national"))
        .body("items[0].type", is("economic_technological"))
        .body("items[0].parent.slug", is("daxing"))
        .body("items[0].parent.name", is("大兴区"))
        .body("items[0].id", is((int) fixtures.id("beijing-etdz")));
  }

  @Test
  void filtersByParentByIdOrSlugAndRoot() {
    given()
        .queryParam("parent", "root")
        .get("/api/v1/zones")
        .then()
        .body("items.slug", contains("beijing", "jiangsu"))
        .body("items[0].parent", nullValue())
        .body("items[0].level", nullValue());
    given()
        .queryParam("parent", "beijing")
        .get("/api/v1/zones")
        .then()
        .body("items.slug", contains("daxing", "haidian"));
    given()
        .queryParam("parent", fixtures.id("suzhou"))
        .get("/api/v1/zones")
        .then()
        .body("items.slug", contains("kunshan", "suzhou-industrial-park"));
    given()
        .queryParam("parent", "beijing-etdz")
        .get("/api/v1/zones")
        .then()
        .statusCode(200)
        .body("items", empty())
        .body("totalItems", is(0));
    given()
        .queryParam("kind", "province")
        .get("/api/v1/zones")
        .then()
        .body("items.slug", contains("beijing", "jiangsu"));
    given()
        .queryParam("level", "provincial")
        .get("/api/v1/zones")
        .then()
        .body("items.slug", contains("kunshan-hitech"));
  }

  @Test
  void pagesByNumberAndByCursorWithLinks() {
    Response first =
        given().queryParam("kind", "district").queryParam("size", 1).get("/api/v1/zones");
    first.then().body("totalPages", is(first.<Integer>path("totalItems")));
    int pages = first.path("totalPages");
    assertTrue(pages >= 3, "enough districts to have a middle page: " + pages);
    Map<String, String> links = links(first.header("Link"));
    assertEquals(List.of("first", "next", "last"), List.copyOf(links.keySet()));
    assertLink(links.get("first"), "kind=district&size=1&page=1");
    assertLink(links.get("next"), "kind=district&size=1&page=2");
    assertLink(links.get("last"), "kind=district&size=1&page=" + pages);
    Response middle =
        given()
            .queryParam("kind", "district")
            .queryParam("size", 1)
            .queryParam("page", 2)
            .get("/api/v1/zones");
    links = links(middle.header("Link"));
    assertEquals(List.of("first", "prev", "next", "last"), List.copyOf(links.keySet()));
    assertLink(links.get("first"), "kind=district&size=1&page=1");
    assertLink(links.get("prev"), "kind=district&size=1&page=1");
    assertLink(links.get("next"), "kind=district&size=1&page=3");
    assertLink(links.get("last"), "kind=district&size=1&page=" + pages);
    String cursor = first.path("nextCursor");
    Response byCursor =
        given()
            .queryParam("kind", "district")
            .queryParam("size", 1)
            .queryParam("cursor", cursor)
            .get("/api/v1/zones");
    links = links(byCursor.header("Link"));
    assertEquals(List.of("first", "prev", "next", "last"), List.copyOf(links.keySet()));
    assertLink(links.get("first"), "kind=district&size=1&page=1");
    assertLink(links.get("prev"), "kind=district&size=1&page=1");
    assertLink(
        links.get("next"),
        "kind=district&size=1&cursor="
            + java.net.URLEncoder.encode(
                byCursor.<String>path("nextCursor"), java.nio.charset.StandardCharsets.UTF_8));
    assertLink(links.get("last"), "kind=district&size=1&page=" + pages);

    Response firstOfAll = given().queryParam("size", 4).get("/api/v1/zones");
    firstOfAll.then().body("totalPages", is(3)).body("nextCursor", notNullValue());
    Response second =
        given()
            .queryParam("size", 4)
            .queryParam("cursor", (String) firstOfAll.path("nextCursor"))
            .get("/api/v1/zones");
    Response byNumber = given().queryParam("size", 4).queryParam("page", 2).get("/api/v1/zones");
    second
        .then()
        .statusCode(200)
        .body("page", is(2))
        .body(
            "items.slug",
            contains(
                byNumber.path("items.slug").toString().replaceAll("[\\[\\] ]", "").split(",")));
    given()
        .queryParam("size", 4)
        .queryParam("page", 9)
        .get("/api/v1/zones")
        .then()
        .statusCode(200)
        .body("items", empty())
        .body("totalItems", is(10));
  }

  @Test
  void badParametersAre400() {
    bad("kind", "county");
    bad("level", "municipal");
    bad("parent", "atlantis");
    bad("page", "0");
    bad("size", "101");
    String cursor = given().queryParam("size", 2).get("/api/v1/zones").path("nextCursor");
    given()
        .queryParam("cursor", cursor)
        .queryParam("kind", "city")
        .get("/api/v1/zones")
        .then()
        .statusCode(400)
        .body("parameter", is("cursor"));
  }

  @Test
  void treeNestsChildrenOrderedByPinyin() {
    given()
        .get("/api/v1/zones/tree")
        .then()
        .statusCode(200)
        .body("slug", contains("beijing", "jiangsu"))
        .body("[0].children.slug", contains("daxing", "haidian"))
        .body("[0].children[0].children.slug", contains("beijing-etdz"))
        .body("[0].children[0].children[0].children", empty())
        .body("[0].children[0].children[0].kind", is("development_zone"))
        .body("[0].parent", nullValue())
        .body("[0].children[0].parent.slug", is("beijing"))
        .body("[0].children[0].children[0].parent.name", is("大兴区"))
        .body("[1].children[0].children.name", contains("昆山市", "苏州工业园区"));
  }

  @Test
  void detailHasAncestorsAndChildren() {
    given()
        .get("/api/v1/zones/beijing-etdz")
        .then()
        .statusCode(200)
        .body("slug", is("beijing-etdz"))
        .body("level", is("national"))
        .body("ancestors.slug", contains("beijing", "daxing"))
        .body("ancestors.name", contains("北京市", "大兴区"))
        .body("parent.slug", is("daxing"))
        .body("children", empty());
    given()
        .get("/api/v1/zones/{id}", fixtures.id("beijing"))
        .then()
        .body("ancestors", empty())
        .body("parent", nullValue())
        .body("kind", is("province"))
        .body("children.slug", contains("daxing", "haidian"))
        .body("children[0].parent.slug", is("beijing"));
  }

  @Test
  void unknownZoneIs404() {
    given()
        .get("/api/v1/zones/atlantis")
        .then()
        .statusCode(404)
        .contentType("application/problem+json")
        .body("detail", containsString("atlantis"))
        .body("instance", is("/api/v1/zones/atlantis"));
    given().get("/api/v1/zones/424242").then().statusCode(404);
  }

  private static void bad(String parameter, String value) {
    given()
        .queryParam(parameter, value)
        .get("/api/v1/zones")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("parameter", is(parameter))
        .body("detail", containsString(parameter));
  }

  private static final Pattern LINK = Pattern.compile("<([^>]+)>; rel=\"(\\w+)\"");

  private static Map<String, String> links(String header) {
    Map<String, String> links = new LinkedHashMap<>();
    Matcher matcher = LINK.matcher(header);
    while (matcher.find()) {
      links.put(matcher.group(2), matcher.group(1));
    }
    return links;
  }

  /** A link to the zone list whose raw query is exactly the expected one. */
  private static void assertLink(String link, String expectedQuery) {
    assertNotNull(link);
    URI uri = URI.create(link);
    assertEquals("http", uri.getScheme(), link);
    assertEquals("/api/v1/zones", uri.getRawPath(), link);
    assertEquals(expectedQuery, uri.getRawQuery(), link);
  }
}
