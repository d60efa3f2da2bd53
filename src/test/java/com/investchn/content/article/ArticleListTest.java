package com.investchn.content.article;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.investchn.content.support.ApiTest;
import com.investchn.content.support.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ArticleListTest extends ApiTest {

  /** One link-value: the target, its rel and, for the feed alternates, its type. */
  private static final Pattern LINK =
      Pattern.compile("<([^>]+)>; rel=\"(\\w+)\"(?:; type=\"([^\"]+)\")?(?:, |$)");

  @Test
  void listsPublishedArticlesNewestFirstWithTiesBrokenByIdDescending() {
    given()
        .when()
        .get("/api/v1/articles")
        .then()
        .statusCode(200)
        .contentType("application/json")
        .header("X-Total-Count", "10")
        .body("items.slug", contains(Fixtures.PUBLIC_NEWEST_FIRST))
        .body("page", is(1))
        .body("size", is(20))
        .body("totalItems", is(10))
        .body("totalPages", is(1))
        .body("nextCursor", nullValue());
  }

  @Test
  void oldestFirstReversesTheWholeOrderIncludingTies() {
    List<String> reversed = new ArrayList<>(List.of(Fixtures.PUBLIC_NEWEST_FIRST));
    java.util.Collections.reverse(reversed);
    given()
        .queryParam("sort", "publishedAt,asc")
        .get("/api/v1/articles")
        .then()
        .statusCode(200)
        .body("items.slug", contains(reversed.toArray()));
  }

  @Test
  void summaryCarriesZonePublisherZoneCategoryAndShanghaiTime() {
    given()
        .queryParam("size", 2)
        .get("/api/v1/articles")
        .then()
        .statusCode(200)
        .body("items[1].slug", is("a1-etdz-signing"))
        .body("items[1].id", is((int) fixtures.id("a1-etdz-signing")))
        .body("items[1].title", is("北京经济技术开发区举办重点项目集中签约活动"))
        .body("items[1].summary", startsWith("北京经济技术开发区举办重点项目集中签约活动。这是第一段正文"))
        .body("items[1].publishedAt", is("2024-06-21T09:30:00.000000+08:00"))
        .body("items[1].source", is("大兴区融媒体中心"))
        .body("items[1].zone.slug", is("daxing"))
        .body("items[1].zone.name", is("大兴区"))
        .body("items[1].zone.id", is((int) fixtures.id("daxing")))
        .body("items[1].publisherZone.slug", is("beijing-etdz"))
        .body("items[1].publisherZone.name", is("北京经济技术开发区"))
        .body("items[1].category.slug", is("text-news"))
        .body("items[1].category.name", is("文字新闻"))
        .body("items[1].coverImageUrl", nullValue())
        .body("items[1].body", nullValue())
        .body("items[0].publisherZone", nullValue())
        .body("items[0].title", is("Daxing opens an airport economic zone service centre 🚀"));
  }

  @Test
  void pagesCarryTotalsAndLinkHeadersThatKeepOtherParameters() {
    Response response =
        given()
            .queryParam("category", "zone-news")
            .queryParam("size", 3)
            .queryParam("page", 2)
            .get("/api/v1/articles");
    response
        .then()
        .statusCode(200)
        .header("X-Total-Count", "7")
        .body(
            "items.slug",
            contains("a4-daxing-tie-later", "a3-daxing-tie-earlier", "a5-daxing-photo"))
        .body("page", is(2))
        .body("size", is(3))
        .body("totalItems", is(7))
        .body("totalPages", is(3))
        .body("nextCursor", notNullValue());
    var links = links(response.header("Link"));
    assertEquals(List.of("first", "prev", "next", "last"), List.copyOf(links.keySet()));
    // Every other parameter is kept as sent, in its place; page is replaced, never doubled.
    assertLink(links.get("first"), "category=zone-news&size=3&page=1");
    assertLink(links.get("prev"), "category=zone-news&size=3&page=1");
    assertLink(links.get("next"), "category=zone-news&size=3&page=3");
    assertLink(links.get("last"), "category=zone-news&size=3&page=3");
    assertAlternates(response.header("Link"), "category=zone-news");
  }

  @Test
  void linksOfAHighPageNameExactlyTheirPages() {
    // page=1 must not pass for page=10: the query is compared whole.
    Response tenth = given().queryParam("size", 1).queryParam("page", 10).get("/api/v1/articles");
    var links = links(tenth.header("Link"));
    assertEquals(List.of("first", "prev", "last"), List.copyOf(links.keySet()));
    assertLink(links.get("first"), "size=1&page=1");
    assertLink(links.get("prev"), "size=1&page=9");
    assertLink(links.get("last"), "size=1&page=10");
    assertAlternates(tenth.header("Link"), "");
    Response ninth = given().queryParam("page", 9).queryParam("size", 1).get("/api/v1/articles");
    links = links(ninth.header("Link"));
    assertLink(links.get("next"), "size=1&page=10");
    assertLink(links.get("prev"), "size=1&page=8");
  }

  @Test
  void firstPageHasNoPrevAndLastPageHasNoNext() {
    Response first = given().queryParam("size", 4).get("/api/v1/articles");
    var firstLinks = links(first.header("Link"));
    assertEquals(List.of("first", "next", "last"), List.copyOf(firstLinks.keySet()));
    assertLink(firstLinks.get("first"), "size=4&page=1");
    assertLink(firstLinks.get("next"), "size=4&page=2");
    assertLink(firstLinks.get("last"), "size=4&page=3");
    assertAlternates(first.header("Link"), "");
    Response last = given().queryParam("size", 4).queryParam("page", 3).get("/api/v1/articles");
    last.then()
        .body("items.slug", contains("a7-suzhou-policy", "a9-sip-english"))
        .body("nextCursor", nullValue());
    var lastLinks = links(last.header("Link"));
    assertEquals(List.of("first", "prev", "last"), List.copyOf(lastLinks.keySet()));
    assertLink(lastLinks.get("first"), "size=4&page=1");
    assertLink(lastLinks.get("prev"), "size=4&page=2");
    assertLink(lastLinks.get("last"), "size=4&page=3");
    assertAlternates(last.header("Link"), "");
  }

  @Test
  void pagePastTheEndIsEmptyWithTheRealTotals() {
    given()
        .queryParam("page", 99)
        .queryParam("size", 5)
        .get("/api/v1/articles")
        .then()
        .statusCode(200)
        .header("X-Total-Count", "10")
        .body("items", empty())
        .body("page", is(99))
        .body("totalItems", is(10))
        .body("totalPages", is(2))
        .body("nextCursor", nullValue());
  }

  @Test
  void cursorWalksTheWholeListInTheSameOrderAsPageNumbers() {
    List<String> walked = new ArrayList<>();
    Response response = given().queryParam("size", 3).get("/api/v1/articles");
    walked.addAll(response.path("items.slug"));
    String cursor = response.path("nextCursor");
    int requests = 1;
    while (cursor != null) {
      response = given().queryParam("size", 3).queryParam("cursor", cursor).get("/api/v1/articles");
      response.then().statusCode(200).header("X-Total-Count", "10").body("totalItems", is(10));
      walked.addAll(response.path("items.slug"));
      cursor = response.path("nextCursor");
      requests++;
    }
    assertEquals(List.of(Fixtures.PUBLIC_NEWEST_FIRST), walked);
    assertEquals(4, requests);
  }

  @Test
  void cursorPageReportsItsPageNumberAndLinksNextByCursor() {
    String cursor =
        given()
            .queryParam("size", 3)
            .queryParam("zone", "beijing")
            .get("/api/v1/articles")
            .path("nextCursor");
    Response second =
        given()
            .queryParam("size", 3)
            .queryParam("zone", "beijing")
            .queryParam("cursor", cursor)
            .get("/api/v1/articles");
    second
        .then()
        .statusCode(200)
        .body("page", is(2))
        .body(
            "items.slug",
            contains("a4-daxing-tie-later", "a3-daxing-tie-earlier", "a5-daxing-photo"));
    String nextCursor = second.path("nextCursor");
    var links = links(second.header("Link"));
    assertEquals(List.of("first", "prev", "next", "last"), List.copyOf(links.keySet()));
    // The next page by cursor (the cursor replaced, not added), the others by number.
    assertLink(links.get("next"), "size=3&zone=beijing&cursor=" + encode(nextCursor));
    assertLink(links.get("first"), "size=3&zone=beijing&page=1");
    assertLink(links.get("prev"), "size=3&zone=beijing&page=1");
    assertLink(links.get("last"), "size=3&zone=beijing&page=3");
    assertAlternates(second.header("Link"), "zone=beijing");
  }

  @Test
  void cursorFollowsTheAscendingOrderAcrossTies() {
    Response first =
        given().queryParam("size", 6).queryParam("sort", "publishedAt,asc").get("/api/v1/articles");
    first.then().body("items.slug[5]", is("a3-daxing-tie-earlier"));
    given()
        .queryParam("size", 6)
        .queryParam("sort", "publishedAt,asc")
        .queryParam("cursor", (String) first.path("nextCursor"))
        .get("/api/v1/articles")
        .then()
        .statusCode(200)
        .body(
            "items.slug",
            contains(
                "a4-daxing-tie-later", "a2-daxing-park", "a1-etdz-signing", "a10-daxing-english"))
        .body("nextCursor", nullValue());
  }

  @Test
  void tamperedOrForeignCursorsAreRejected() {
    String cursor = given().queryParam("size", 2).get("/api/v1/articles").path("nextCursor");
    String tampered = (cursor.charAt(0) == 'A' ? "B" : "A") + cursor.substring(1);
    assertBadParameter(given().queryParam("cursor", tampered), "cursor");
    assertBadParameter(given().queryParam("cursor", "not-a-cursor"), "cursor");
    assertBadParameter(
        given().queryParam("cursor", cursor).queryParam("category", "policies"), "cursor");
    assertBadParameter(
        given().queryParam("cursor", cursor).queryParam("sort", "publishedAt,asc"), "cursor");
    assertBadParameter(given().queryParam("cursor", cursor).queryParam("page", 2), "page");
  }

  @Test
  void categoryFilterIncludesDescendantCategories() {
    given()
        .queryParam("category", "zone-news")
        .get("/api/v1/articles")
        .then()
        .statusCode(200)
        .body("totalItems", is(7))
        .body(
            "items.slug",
            contains(
                "a10-daxing-english",
                "a1-etdz-signing",
                "a2-daxing-park",
                "a4-daxing-tie-later",
                "a3-daxing-tie-earlier",
                "a5-daxing-photo",
                "a6-haidian-ai"));
    given()
        .queryParam("category", fixtures.id("photo-news"))
        .get("/api/v1/articles")
        .then()
        .body("items.slug", contains("a5-daxing-photo"));
  }

  @Test
  void zoneFilterIncludesDescendantZones() {
    given()
        .queryParam("zone", "jiangsu")
        .get("/api/v1/articles")
        .then()
        .body("items.slug", contains("a8-kunshan-policy", "a7-suzhou-policy", "a9-sip-english"));
    given()
        .queryParam("zone", "kunshan")
        .get("/api/v1/articles")
        .then()
        .body("items.slug", contains("a8-kunshan-policy"));
  }

  @Test
  void publisherZoneAndSourceFiltersAreExact() {
    given()
        .queryParam("publisherZone", "beijing-etdz")
        .get("/api/v1/articles")
        .then()
        .body("items.slug", contains("a1-etdz-signing", "a5-daxing-photo"));
    given()
        .queryParam("source", "大兴区投资促进局")
        .get("/api/v1/articles")
        .then()
        .body("items.slug", contains("a4-daxing-tie-later", "a3-daxing-tie-earlier"));
    given()
        .queryParam("source", "大兴区")
        .get("/api/v1/articles")
        .then()
        .statusCode(200)
        .body("items", empty())
        .body("totalItems", is(0))
        .body("totalPages", is(0));
  }

  @Test
  void datesAreWholeDaysInShanghaiAndInclusive() {
    // 2023-12-31T23:30 Shanghai is 15:30 UTC: it belongs to the 31st, not to 2024.
    given()
        .queryParam("from", "2024-01-01")
        .queryParam("to", "2024-01-01")
        .get("/api/v1/articles")
        .then()
        .body("items.slug", contains("a8-kunshan-policy"));
    given()
        .queryParam("to", "2023-12-31")
        .get("/api/v1/articles")
        .then()
        .body("items.slug", contains("a7-suzhou-policy", "a9-sip-english"));
    given()
        .queryParam("from", "2024-06-21")
        .get("/api/v1/articles")
        .then()
        .body("items.slug", contains("a10-daxing-english", "a1-etdz-signing"));
  }

  @Test
  void dateTimesAreInclusiveWithOrWithoutOffset() {
    given()
        .queryParam("from", "2024-06-19T08:00:00")
        .queryParam("to", "2024-06-20T10:00:00")
        .get("/api/v1/articles")
        .then()
        .body(
            "items.slug",
            contains("a2-daxing-park", "a4-daxing-tie-later", "a3-daxing-tie-earlier"));
    given()
        .queryParam("from", "2024-06-21T01:30:00Z")
        .queryParam("to", "2024-06-21T09:30:00+08:00")
        .get("/api/v1/articles")
        .then()
        .body("items.slug", contains("a1-etdz-signing"));
  }

  @Test
  void filtersCombine() {
    given()
        .queryParam("category", "text-news")
        .queryParam("zone", "daxing")
        .queryParam("from", "2024-06-19")
        .queryParam("to", "2024-06-21")
        .queryParam("sort", "publishedAt,asc")
        .get("/api/v1/articles")
        .then()
        .body(
            "items.slug",
            contains(
                "a3-daxing-tie-earlier",
                "a4-daxing-tie-later",
                "a2-daxing-park",
                "a1-etdz-signing"));
  }

  @Test
  void draftsAndScheduledArticlesNeverAppear() {
    Response all = given().queryParam("size", 100).get("/api/v1/articles");
    List<String> slugs = all.path("items.slug");
    assertEquals(false, slugs.contains(Fixtures.DRAFT));
    assertEquals(false, slugs.contains(Fixtures.SCHEDULED));
    given().queryParam("from", "2024-06-23").get("/api/v1/articles").then().body("items", empty());
  }

  @Test
  void invalidPagingIsA400NamingTheParameter() {
    assertBadParameter(given().queryParam("page", 0), "page");
    assertBadParameter(given().queryParam("page", -1), "page");
    assertBadParameter(given().queryParam("page", "abc"), "page");
    assertBadParameter(given().queryParam("page", "99999999999"), "page");
    assertBadParameter(given().queryParam("size", 0), "size");
    assertBadParameter(given().queryParam("size", 101), "size");
    assertBadParameter(given().queryParam("size", "ten"), "size");
    given()
        .queryParam("size", 100)
        .get("/api/v1/articles")
        .then()
        .statusCode(200)
        .body("size", is(100));
    given()
        .queryParam("size", 1)
        .get("/api/v1/articles")
        .then()
        .statusCode(200)
        .body("totalPages", is(10));
  }

  @Test
  void emptyRepeatedAndNonAsciiValuesAreRejectedNotGuessed() {
    assertBadParameter(given().queryParam("page", ""), "page");
    assertBadParameter(given().queryParam("size", ""), "size");
    assertBadParameter(given().queryParam("category", ""), "category");
    assertBadParameter(given().queryParam("page", "1", "2"), "page");
    assertBadParameter(given().queryParam("zone", "daxing", "haidian"), "zone");
    assertBadParameter(given().queryParam("size", "+5"), "size");
    assertBadParameter(given().queryParam("page", "１"), "page");
    assertBadParameter(given().queryParam("category", "text-news "), "category");
    assertBadParameter(given().queryParam("sort", " publishedAt,asc"), "sort");
    // source is matched exactly: a trailing space is another source, not a typo to fix.
    given()
        .queryParam("source", "InvestCHN Newsroom ")
        .get("/api/v1/articles")
        .then()
        .statusCode(200)
        .body("totalItems", is(0));
  }

  @Test
  void invalidFiltersAreA400NamingTheParameter() {
    assertBadParameter(given().queryParam("sort", "title,asc"), "sort");
    assertBadParameter(given().queryParam("sort", "publishedAt"), "sort");
    assertBadParameter(given().queryParam("from", "2024-13-01"), "from");
    assertBadParameter(given().queryParam("to", "yesterday"), "to");
    assertBadParameter(
        given().queryParam("from", "2024-06-22").queryParam("to", "2024-06-21"), "from");
    assertBadParameter(given().queryParam("category", "no-such-category"), "category");
    assertBadParameter(given().queryParam("zone", "999999"), "zone");
    assertBadParameter(given().queryParam("publisherZone", "nowhere"), "publisherZone");
    assertBadParameter(given().queryParam("source", " "), "source");
  }

  @Test
  void chineseFilterValuesRoundTripInLinks() {
    Response response =
        given().queryParam("source", "大兴区融媒体中心").queryParam("size", 1).get("/api/v1/articles");
    response.then().statusCode(200).body("items[0].source", is("大兴区融媒体中心"));
    String next = links(response.header("Link")).get("next");
    assertLink(next, "source=" + encode("大兴区融媒体中心") + "&size=1&page=2");
    assertAlternates(response.header("Link"), "source=" + encode("大兴区融媒体中心"));
    given()
        .urlEncodingEnabled(false)
        .get(next)
        .then()
        .statusCode(200)
        .body("page", is(2))
        .body("items[0].source", is("大兴区融媒体中心"));
  }

  private static void assertBadParameter(
      io.restassured.specification.RequestSpecification request, String parameter) {
    request
        .get("/api/v1/articles")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("type", is("https://api.investchn.com/problems/invalid-parameter"))
        .body("title", is("Invalid parameter"))
        .body("status", is(400))
        .body("parameter", is(parameter))
        .body("detail", containsString("'" + parameter + "'"))
        .body("instance", is("/api/v1/articles"))
        .body(not(containsString("Exception")));
  }

  /** The paging links of a Link header by rel, in order; the feed alternates are left out. */
  static java.util.LinkedHashMap<String, String> links(String header) {
    var links = new java.util.LinkedHashMap<String, String>();
    Matcher matcher = LINK.matcher(header);
    while (matcher.find()) {
      if (!matcher.group(2).equals("alternate")) {
        links.put(matcher.group(2), matcher.group(1));
      }
    }
    return links;
  }

  /**
   * The header is exactly the paging links followed by the three feed alternates, which carry the
   * list's filters (never its paging or sort) as sent.
   */
  private static void assertAlternates(String header, String expectedQuery) {
    var alternates = new java.util.LinkedHashMap<String, String>();
    int values = 0;
    int end = 0;
    Matcher matcher = LINK.matcher(header);
    while (matcher.find()) {
      assertEquals(end, matcher.start(), "nothing between link-values: " + header);
      end = matcher.end();
      values++;
      if (matcher.group(2).equals("alternate")) {
        alternates.put(matcher.group(3), matcher.group(1));
      } else {
        assertEquals(0, alternates.size(), "paging links come first: " + header);
      }
    }
    assertEquals(header.length(), end, header);
    assertEquals(links(header).size() + 3, values, header);
    assertEquals(
        List.of("application/rss+xml", "application/atom+xml", "application/feed+json"),
        List.copyOf(alternates.keySet()),
        header);
    assertFeedLink(alternates.get("application/rss+xml"), "articles.rss", expectedQuery);
    assertFeedLink(alternates.get("application/atom+xml"), "articles.atom", expectedQuery);
    assertFeedLink(alternates.get("application/feed+json"), "articles.json", expectedQuery);
  }

  private static void assertFeedLink(String link, String feed, String expectedQuery) {
    java.net.URI uri = java.net.URI.create(link);
    assertEquals("http", uri.getScheme(), link);
    assertEquals("localhost", uri.getHost(), link);
    assertEquals("/api/v1/feeds/" + feed, uri.getRawPath(), link);
    assertEquals(expectedQuery.isEmpty() ? null : expectedQuery, uri.getRawQuery(), link);
  }

  /** A link to the article list whose raw query is exactly the expected one. */
  private static void assertLink(String link, String expectedQuery) {
    org.hamcrest.MatcherAssert.assertThat(link, notNullValue());
    java.net.URI uri = java.net.URI.create(link);
    assertEquals("http", uri.getScheme(), link);
    assertEquals("localhost", uri.getHost(), link);
    assertEquals("/api/v1/articles", uri.getRawPath(), link);
    assertEquals(expectedQuery, uri.getRawQuery(), link);
  }

  @Test
  void aPlusThatArrivesAsASpaceInFromOrToIsStillTheOffset() {
    // A client that does not percent-encode "+08:00" sends a "+", which a query string decodes as
    // a space; the answer is the same as for the encoded form.
    List<String> encoded =
        given()
            .urlEncodingEnabled(false)
            .get("/api/v1/articles?from=2024-06-20T10:00:00%2B08:00&to=2024-06-21T09:30:00%2B08:00")
            .then()
            .statusCode(200)
            .extract()
            .path("items.slug");
    assertEquals(List.of("a1-etdz-signing", "a2-daxing-park"), encoded);
    List<String> plain =
        given()
            .urlEncodingEnabled(false)
            .get("/api/v1/articles?from=2024-06-20T10:00:00+08:00&to=2024-06-21T09:30:00+08:00")
            .then()
            .statusCode(200)
            .extract()
            .path("items.slug");
    assertEquals(encoded, plain);
  }

  @Test
  void aRequestLineOfSixteenKibibytesIsServedAndALongerOneRefused() throws Exception {
    // Empty parameter names ("&&&") are no parameters, so only the length of the line matters.
    // Sent as is (REST Assured would rebuild the query without them).
    String path = "/api/v1/articles?size=1";
    java.net.http.HttpClient client =
        java.net.http.HttpClient.newBuilder()
            .version(java.net.http.HttpClient.Version.HTTP_1_1)
            .build();
    java.net.http.HttpResponse<String> fits =
        client.send(
            java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create(
                        "http://localhost:"
                            + io.restassured.RestAssured.port
                            + path
                            + "&".repeat(16_000 - path.length())))
                .build(),
            java.net.http.HttpResponse.BodyHandlers.ofString());
    assertEquals(200, fits.statusCode(), fits.body());
    assertEquals(1, io.restassured.path.json.JsonPath.from(fits.body()).getList("items").size());
    java.net.http.HttpResponse<String> tooLong =
        client.send(
            java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create(
                        "http://localhost:"
                            + io.restassured.RestAssured.port
                            + path
                            + "&".repeat(17_000)))
                .build(),
            java.net.http.HttpResponse.BodyHandlers.ofString());
    assertEquals(414, tooLong.statusCode());
  }

  private static String encode(String value) {
    return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
  }
}
