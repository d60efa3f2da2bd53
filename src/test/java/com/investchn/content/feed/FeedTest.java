package com.investchn.content.feed;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.investchn.content.support.ApiTest;
import com.investchn.content.support.Fixtures;
import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The three article feeds, parsed back with ROME (RSS, Atom) and Jackson (JSON Feed) and compared
 * field by field with what {@code GET /api/v1/articles} and the article details say.
 */
@QuarkusTest
class FeedTest extends ApiTest {

  static final String RSS = "/api/v1/feeds/articles.rss";
  static final String ATOM = "/api/v1/feeds/articles.atom";
  static final String JSON = "/api/v1/feeds/articles.json";
  static final String RSS_TYPE = "application/rss+xml; charset=UTF-8";
  static final String ATOM_TYPE = "application/atom+xml; charset=UTF-8";
  static final String JSON_TYPE = "application/feed+json; charset=UTF-8";

  static final String PERMALINK = "https://www.investchn.com/articles/";
  static final String ENTRY_ID = "tag:investchn.com,2024:article:";
  static final String LOGO = "https://static.investchn.com/images/logo.png";
  static final String PROBLEMS = "https://api.investchn.com/problems/";

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final DateTimeFormatter RFC_822 =
      DateTimeFormatter.ofPattern("EEE, dd MMM uuuu HH:mm:ss Z", Locale.US);

  @ConfigProperty(name = "quarkus.http.test-port")
  int port;

  /** What the JSON API says of one article: list summary plus detail. */
  record Expected(
      long id,
      String slug,
      String title,
      String summary,
      String body,
      Instant published,
      Instant updated,
      String byline,
      List<String> terms) {

    String permalink() {
      return PERMALINK + slug;
    }

    String entryId() {
      return ENTRY_ID + id;
    }
  }

  @Test
  void rssCarriesTheNewestArticlesAsTheApiShowsThem() throws Exception {
    for (Map<String, String> filters : filterSets()) {
      List<Expected> expected = expected(filters, 20);
      String xml = fetch(RSS, filters, RSS_TYPE);
      SyndFeed feed = new SyndFeedInput().build(new StringReader(xml));
      assertEquals("rss_2.0", feed.getFeedType());
      assertEquals(title(filters), feed.getTitle());
      assertEquals("https://www.investchn.com", feed.getLink());
      assertEquals("zh-CN", feed.getLanguage());
      assertEquals(LOGO, feed.getImage().getUrl());
      assertEquals(expected.size(), feed.getEntries().size(), filters.toString());
      for (int i = 0; i < expected.size(); i++) {
        Expected article = expected.get(i);
        SyndEntry entry = feed.getEntries().get(i);
        assertEquals(article.title(), entry.getTitle());
        assertEquals(article.permalink(), entry.getLink());
        assertEquals(article.entryId(), entry.getUri());
        assertEquals(seconds(article.published()), entry.getPublishedDate().toInstant());
        assertEquals(article.summary(), entry.getDescription().getValue());
        assertEquals(article.body(), entry.getContents().get(0).getValue());
        assertEquals(article.byline(), entry.getAuthor());
        assertEquals(article.terms(), names(entry.getCategories()));
      }
      // What ROME does not surface: the self link, the guid kind and the exact time forms.
      Document document = dom(xml);
      Element self = (Element) document.getElementsByTagNameNS(ATOM_NS, "link").item(0);
      assertEquals("self", self.getAttribute("rel"));
      assertEquals(requestUrl(RSS, filters), self.getAttribute("href"));
      assertEquals("application/rss+xml", self.getAttribute("type"));
      NodeList guids = document.getElementsByTagName("guid");
      NodeList pubDates = document.getElementsByTagName("pubDate");
      assertEquals(expected.size(), guids.getLength());
      for (int i = 0; i < expected.size(); i++) {
        assertEquals("false", ((Element) guids.item(i)).getAttribute("isPermaLink"));
        String pubDate = pubDates.item(i).getTextContent();
        assertTrue(pubDate.endsWith(" +0800"), pubDate);
        assertEquals(
            seconds(expected.get(i).published()),
            OffsetDateTime.parse(pubDate, RFC_822).toInstant());
      }
      String lastBuild = document.getElementsByTagName("lastBuildDate").item(0).getTextContent();
      assertEquals(
          newest(expected), OffsetDateTime.parse(lastBuild, RFC_822).toInstant(), lastBuild);
    }
  }

  @Test
  void atomCarriesTheNewestArticlesAsTheApiShowsThem() throws Exception {
    for (Map<String, String> filters : filterSets()) {
      List<Expected> expected = expected(filters, 20);
      String xml = fetch(ATOM, filters, ATOM_TYPE);
      SyndFeed feed = new SyndFeedInput().build(new StringReader(xml));
      assertEquals("atom_1.0", feed.getFeedType());
      assertEquals(title(filters), feed.getTitle());
      // ROME does not read xml:lang back; the document check below does.
      assertEquals(LOGO, feed.getIcon().getUrl());
      assertEquals(expected.size(), feed.getEntries().size(), filters.toString());
      for (int i = 0; i < expected.size(); i++) {
        Expected article = expected.get(i);
        SyndEntry entry = feed.getEntries().get(i);
        assertEquals(article.title(), entry.getTitle());
        assertEquals(article.permalink(), entry.getLink());
        assertEquals(article.entryId(), entry.getUri());
        assertEquals(seconds(article.published()), entry.getPublishedDate().toInstant());
        assertEquals(seconds(article.updated()), entry.getUpdatedDate().toInstant());
        assertEquals(article.summary(), entry.getDescription().getValue());
        assertEquals("html", entry.getContents().get(0).getType());
        assertEquals(article.body(), entry.getContents().get(0).getValue());
        assertEquals(article.byline(), entry.getAuthor());
        assertEquals(article.terms(), names(entry.getCategories()));
      }
      Document document = dom(xml);
      Element root = document.getDocumentElement();
      assertEquals("zh-CN", root.getAttributeNS("http://www.w3.org/XML/1998/namespace", "lang"));
      assertEquals(LOGO, text(root, "logo"));
      assertEquals(LOGO, text(root, "icon"));
      assertEquals(
          "投促中国", text((Element) root.getElementsByTagNameNS(ATOM_NS, "author").item(0), "name"));
      Map<String, String> links = new LinkedHashMap<>();
      NodeList feedLinks = root.getElementsByTagNameNS(ATOM_NS, "link");
      for (int i = 0; i < feedLinks.getLength(); i++) {
        Element link = (Element) feedLinks.item(i);
        if (link.getParentNode() == root) {
          links.put(link.getAttribute("rel"), link.getAttribute("href"));
        }
      }
      assertEquals(requestUrl(ATOM, filters), links.get("self"));
      assertEquals("https://www.investchn.com", links.get("alternate"));
      String updated = directText(root, "updated");
      assertTrue(updated.endsWith("+08:00"), updated);
      assertEquals(newest(expected), OffsetDateTime.parse(updated).toInstant());
      NodeList published = document.getElementsByTagNameNS(ATOM_NS, "published");
      for (int i = 0; i < expected.size(); i++) {
        String value = published.item(i).getTextContent();
        assertTrue(value.matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\+08:00"), value);
      }
    }
  }

  @Test
  void jsonFeedCarriesTheNewestArticlesAsTheApiShowsThem() throws Exception {
    for (Map<String, String> filters : filterSets()) {
      List<Expected> expected = expected(filters, 20);
      JsonNode feed = MAPPER.readTree(fetch(JSON, filters, JSON_TYPE));
      assertEquals("https://jsonfeed.org/version/1.1", feed.path("version").asText());
      assertEquals(title(filters), feed.path("title").asText());
      assertEquals("https://www.investchn.com", feed.path("home_page_url").asText());
      assertEquals(requestUrl(JSON, filters), feed.path("feed_url").asText());
      assertEquals("zh-CN", feed.path("language").asText());
      assertEquals(LOGO, feed.path("icon").asText());
      assertEquals(LOGO, feed.path("favicon").asText());
      assertEquals("投促中国", feed.path("authors").path(0).path("name").asText());
      JsonNode items = feed.path("items");
      assertEquals(expected.size(), items.size(), filters.toString());
      for (int i = 0; i < expected.size(); i++) {
        Expected article = expected.get(i);
        JsonNode item = items.get(i);
        assertEquals(article.entryId(), item.path("id").asText());
        assertEquals(article.permalink(), item.path("url").asText());
        assertEquals(article.title(), item.path("title").asText());
        assertEquals(article.summary(), item.path("summary").asText());
        assertEquals(article.body(), item.path("content_html").asText());
        assertEquals(rfc3339(article.published()), item.path("date_published").asText());
        assertEquals(rfc3339(article.updated()), item.path("date_modified").asText());
        assertEquals(article.byline(), item.path("authors").path(0).path("name").asText());
        List<String> tags = new ArrayList<>();
        item.path("tags").forEach(tag -> tags.add(tag.asText()));
        assertEquals(article.terms(), tags);
      }
    }
  }

  @Test
  void aTitleWithMarkupCharactersAndChinesePunctuationSurvivesEveryFormat() throws Exception {
    String title = "「招商推介会」<b>签约</b> & \"重点项目\"，圆满成功。";
    String body = "<p>签约金额达&lt;100亿元&gt; &amp; 「配套政策」，详见附件。</p>";
    long id =
        FeedSupport.createPublished(
            title, body, fixtures.id("text-news"), fixtures.id("daxing"), "「投促」新闻中心");
    try {
      String rss = fetch(RSS, Map.of("limit", "1"), RSS_TYPE);
      assertTrue(rss.contains("&lt;b&gt;签约&lt;/b&gt; &amp; \"重点项目\""), rss);
      SyndEntry rssEntry = new SyndFeedInput().build(new StringReader(rss)).getEntries().get(0);
      assertEquals(ENTRY_ID + id, rssEntry.getUri());
      assertEquals(title, rssEntry.getTitle());
      assertEquals(body, rssEntry.getContents().get(0).getValue());
      assertEquals("「投促」新闻中心", rssEntry.getAuthor());

      String atom = fetch(ATOM, Map.of("limit", "1"), ATOM_TYPE);
      SyndEntry atomEntry = new SyndFeedInput().build(new StringReader(atom)).getEntries().get(0);
      assertEquals(ENTRY_ID + id, atomEntry.getUri());
      assertEquals(title, atomEntry.getTitle());
      assertEquals(body, atomEntry.getContents().get(0).getValue());

      JsonNode item =
          MAPPER.readTree(fetch(JSON, Map.of("limit", "1"), JSON_TYPE)).path("items").get(0);
      assertEquals(ENTRY_ID + id, item.path("id").asText());
      assertEquals(title, item.path("title").asText());
      assertEquals(body, item.path("content_html").asText());

      // The id stays when the title changes.
      FeedSupport.retitle(id, "改过的标题：「新」");
      SyndEntry renamed =
          new SyndFeedInput()
              .build(new StringReader(fetch(RSS, Map.of("limit", "1"), RSS_TYPE)))
              .getEntries()
              .get(0);
      assertEquals("改过的标题：「新」", renamed.getTitle());
      assertEquals(ENTRY_ID + id, renamed.getUri());
    } finally {
      FeedSupport.delete(id);
    }
  }

  @Test
  void aFilterWithCharactersXmlCannotCarryStillGivesAWellFormedFeed() throws Exception {
    // Found by PublicQueryFuzzTest: the source filter is part of the feed title, and a backspace
    // in it made both XML feeds a 500.
    String source = "\u200F*\u00081,\u202E~\u2066";
    for (String path : List.of(RSS, ATOM)) {
      String xml = fetch(path, Map.of("source", source), path.equals(RSS) ? RSS_TYPE : ATOM_TYPE);
      String title = new SyndFeedInput().build(new StringReader(xml)).getTitle();
      assertTrue(title.endsWith("\u200F*1,\u202E~\u2066"), title);
    }
    JsonNode json = MAPPER.readTree(fetch(JSON, Map.of("source", source), JSON_TYPE));
    assertTrue(json.path("title").asText().endsWith(source), json.path("title").asText());
  }

  @Test
  void limitTakesTheNewestOnesAndFiltersSelectLikeTheList() throws Exception {
    List<Expected> two = expected(Map.of("zone", "beijing"), 2);
    assertEquals(2, two.size());
    JsonNode items =
        MAPPER
            .readTree(fetch(JSON, Map.of("zone", "beijing", "limit", "2"), JSON_TYPE))
            .path("items");
    assertEquals(2, items.size());
    assertEquals(two.get(0).entryId(), items.get(0).path("id").asText());
    assertEquals(two.get(1).entryId(), items.get(1).path("id").asText());
    // Descendants count: jiangsu holds suzhou and kunshan's articles.
    assertEquals(
        List.of("a8-kunshan-policy", "a7-suzhou-policy", "a9-sip-english"),
        slugs(fetch(JSON, Map.of("zone", "jiangsu"), JSON_TYPE)));
    assertEquals(
        List.of("a1-etdz-signing", "a5-daxing-photo"),
        slugs(fetch(JSON, Map.of("publisherZone", "beijing-etdz"), JSON_TYPE)));
    assertEquals(
        List.of("a8-kunshan-policy", "a7-suzhou-policy"),
        slugs(fetch(JSON, Map.of("from", "2023-12-31", "to", "2024-01-01"), JSON_TYPE)));
    assertEquals(
        List.of("a10-daxing-english", "a9-sip-english"),
        slugs(fetch(JSON, Map.of("source", "InvestCHN Newsroom"), JSON_TYPE)));
    assertEquals(
        List.of(Fixtures.PUBLIC_NEWEST_FIRST),
        slugs(fetch(JSON, Map.of("limit", "100"), JSON_TYPE)));
    assertEquals(List.of(), slugs(fetch(JSON, Map.of("to", "2000-01-01"), JSON_TYPE)));
  }

  @Test
  void badParametersAreProblemsThatNameThemInEveryFormat() {
    for (String feed : List.of(RSS, ATOM, JSON)) {
      for (String limit : List.of("0", "101", "abc", "1.5", "-1", "", "99999999999")) {
        assertProblem(given().queryParam("limit", limit), feed, "invalid-parameter", "limit");
      }
      assertProblem(
          given().queryParam("limit", 5).queryParam("limit", 6),
          feed,
          "invalid-parameter",
          "limit");
      assertProblem(
          given().queryParam("category", "no-such-category"),
          feed,
          "invalid-parameter",
          "category");
      assertProblem(given().queryParam("zone", "999999"), feed, "invalid-parameter", "zone");
      assertProblem(given().queryParam("to", "yesterday"), feed, "invalid-parameter", "to");
      assertProblem(
          given().queryParam("from", "2024-06-22").queryParam("to", "2024-06-21"),
          feed,
          "invalid-parameter",
          "from");
      // The orders of GET /articles (issue 14); anything else names sort.
      assertProblem(given().queryParam("sort", "relevance"), feed, "invalid-parameter", "sort");
      assertProblem(given().queryParam("page", "2"), feed, "unknown-parameter", "page");
      assertProblem(
          given().queryParam("categroy", "policies"), feed, "unknown-parameter", "categroy");
      // A client that accepts only feeds still gets the problem as problem+json.
      assertProblem(
          given()
              .accept("application/rss+xml, application/atom+xml, application/feed+json")
              .queryParam("limit", "0"),
          feed,
          "invalid-parameter",
          "limit");
    }
  }

  @Test
  void everyAcceptThatAllowsTheFeedGetsIt() throws Exception {
    HttpClient client = HttpClient.newHttpClient();
    for (String[] feed : new String[][] {{RSS, RSS_TYPE}, {ATOM, ATOM_TYPE}, {JSON, JSON_TYPE}}) {
      String bare = feed[1].substring(0, feed[1].indexOf(';'));
      for (int round = 0; round < 2; round++) {
        // The second round is answered from the response cache.
        for (String accept :
            new String[] {null, "*/*", bare, "application/*", "text/html, " + bare + ";q=0.9"}) {
          HttpRequest.Builder request =
              HttpRequest.newBuilder(URI.create("http://localhost:" + port + feed[0]));
          if (accept != null) {
            request.header("Accept", accept);
          }
          HttpResponse<String> response =
              client.send(request.build(), HttpResponse.BodyHandlers.ofString());
          assertEquals(200, response.statusCode(), feed[0] + " Accept: " + accept);
          assertEquals(
              feed[1],
              response.headers().firstValue("Content-Type").orElse(null),
              feed[0] + " Accept: " + accept);
          assertFalse(response.body().isEmpty());
        }
      }
    }
  }

  @Test
  void feedsAreTaggedCachedRevalidatedAndCompressedLikeEveryPublicRead() throws Exception {
    for (String[] feed : new String[][] {{RSS, RSS_TYPE}, {ATOM, ATOM_TYPE}, {JSON, JSON_TYPE}}) {
      Response first = given().queryParam("zone", "daxing").get(feed[0]);
      first.then().statusCode(200).contentType(feed[1]);
      String etag = first.header("ETag");
      assertNotNull(etag, feed[0]);
      assertTrue(etag.startsWith("\""), etag);
      assertEquals("Accept-Encoding", first.header("Vary"));
      assertTrue(
          first.header("Cache-Control").startsWith("public, max-age="),
          first.header("Cache-Control"));
      Response second = given().queryParam("zone", "daxing").get(feed[0]);
      assertEquals(etag, second.header("ETag"));
      assertEquals(first.asString(), second.asString());
      given()
          .queryParam("zone", "daxing")
          .header("If-None-Match", etag)
          .get(feed[0])
          .then()
          .statusCode(304)
          .header("ETag", etag)
          .body(is(emptyOrNullString()));
      // A different list is a different answer.
      String other = given().queryParam("zone", "jiangsu").get(feed[0]).header("ETag");
      assertFalse(etag.equals(other), feed[0]);
      // Compression, seen on the wire (REST Assured would ask for gzip and inflate it itself).
      HttpClient client = HttpClient.newHttpClient();
      URI uri = URI.create("http://localhost:" + port + feed[0] + "?zone=daxing");
      HttpResponse<byte[]> plain =
          client.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofByteArray());
      assertEquals(200, plain.statusCode());
      assertTrue(plain.headers().firstValue("Content-Encoding").isEmpty(), feed[0]);
      assertEquals(first.asString(), new String(plain.body(), StandardCharsets.UTF_8));
      HttpResponse<byte[]> zipped =
          client.send(
              HttpRequest.newBuilder(uri).header("Accept-Encoding", "gzip").build(),
              HttpResponse.BodyHandlers.ofByteArray());
      assertEquals(200, zipped.statusCode());
      assertEquals("gzip", zipped.headers().firstValue("Content-Encoding").orElse(null), feed[0]);
      assertEquals(feed[1], zipped.headers().firstValue("Content-Type").orElse(null));
      assertEquals(etag, zipped.headers().firstValue("ETag").orElse(null));
      try (GZIPInputStream inflated =
          new GZIPInputStream(new ByteArrayInputStream(zipped.body()))) {
        assertEquals(first.asString(), new String(inflated.readAllBytes(), StandardCharsets.UTF_8));
      }
    }
  }

  @Test
  void listsAndDetailsAdvertiseTheirFeeds() {
    String origin = "http://localhost:" + port;
    Response list =
        given()
            .queryParam("category", "zone-news")
            .queryParam("zone", "daxing")
            .queryParam("size", 2)
            .queryParam("sort", "publishedAt,asc")
            .get("/api/v1/articles");
    list.then().statusCode(200);
    assertEquals(
        FeedSupport.alternates(origin, "category=zone-news&zone=daxing"),
        FeedSupport.alternateLinks(list.header("Link")));
    Response all = given().get("/api/v1/articles");
    assertEquals(
        FeedSupport.alternates(origin, ""), FeedSupport.alternateLinks(all.header("Link")));
    Response chinese = given().queryParam("source", "大兴区融媒体中心").get("/api/v1/articles");
    assertEquals(
        FeedSupport.alternates(
            origin,
            "source=%E5%A4%A7%E5%85%B4%E5%8C%BA%E8%9E%8D%E5%AA%92%E4%BD%93%E4%B8%AD%E5%BF%83"),
        FeedSupport.alternateLinks(chinese.header("Link")));
    Response article = given().get("/api/v1/articles/a5-daxing-photo");
    article.then().statusCode(200);
    assertEquals(
        FeedSupport.alternates(origin, "category=photo-news"),
        FeedSupport.alternateLinks(article.header("Link")));
    Response zone = given().get("/api/v1/zones/daxing");
    assertEquals(
        FeedSupport.alternates(origin, "zone=daxing"),
        FeedSupport.alternateLinks(zone.header("Link")));
    Response category = given().get("/api/v1/categories/" + fixtures.id("policies"));
    assertEquals(
        FeedSupport.alternates(origin, "category=policies"),
        FeedSupport.alternateLinks(category.header("Link")));
    // Each advertised feed answers, with the list's articles.
    for (String url : FeedSupport.alternateLinks(list.header("Link")).values()) {
      given().urlEncodingEnabled(false).get(url).then().statusCode(200);
    }
    // A problem advertises nothing.
    given()
        .get("/api/v1/articles/no-such-article")
        .then()
        .statusCode(404)
        .header("Link", is((String) null));
  }

  // --- helpers -----------------------------------------------------------------------------

  static final String ATOM_NS = "http://www.w3.org/2005/Atom";

  private static List<Map<String, String>> filterSets() {
    return List.of(
        Map.of(),
        orderedMap("category", "zone-news", "zone", "daxing"),
        Map.of("category", "policies"));
  }

  private static Map<String, String> orderedMap(String... pairs) {
    Map<String, String> map = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      map.put(pairs[i], pairs[i + 1]);
    }
    return map;
  }

  private String title(Map<String, String> filters) {
    if (filters.isEmpty()) {
      return "投促中国";
    }
    if (filters.containsKey("zone")) {
      return "投促中国 · 开发区新闻 · 大兴区";
    }
    return "投促中国 · 政策法规";
  }

  /** The articles GET /articles lists for the filters, with what their details add. */
  private List<Expected> expected(Map<String, String> filters, int limit) {
    RequestSpecification request = given().queryParam("size", limit);
    filters.forEach(request::queryParam);
    Response list = request.get("/api/v1/articles");
    list.then().statusCode(200);
    List<Map<String, Object>> items = list.path("items");
    List<Expected> expected = new ArrayList<>();
    for (Map<String, Object> item : items) {
      Response detail = given().get("/api/v1/articles/" + item.get("id"));
      detail.then().statusCode(200);
      String author = detail.path("author");
      String byline = author != null ? author : detail.path("source");
      expected.add(
          new Expected(
              ((Number) item.get("id")).longValue(),
              (String) item.get("slug"),
              (String) item.get("title"),
              (String) item.get("summary"),
              detail.path("body"),
              OffsetDateTime.parse((String) item.get("publishedAt")).toInstant(),
              later(
                  OffsetDateTime.parse((String) item.get("publishedAt")).toInstant(),
                  OffsetDateTime.parse(detail.<String>path("updatedAt")).toInstant()),
              byline,
              List.of(detail.<String>path("category.name"), detail.<String>path("zone.name"))));
    }
    return expected;
  }

  private static Instant later(Instant a, Instant b) {
    return b.isAfter(a) ? b : a;
  }

  private static Instant newest(List<Expected> expected) {
    return expected.stream().map(e -> seconds(e.updated())).max(Instant::compareTo).orElseThrow();
  }

  private static Instant seconds(Instant instant) {
    return instant.truncatedTo(ChronoUnit.SECONDS);
  }

  private static String rfc3339(Instant instant) {
    return seconds(instant)
        .atOffset(ZoneOffset.ofHours(8))
        .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
  }

  private String requestUrl(String path, Map<String, String> filters) {
    StringBuilder url = new StringBuilder("http://localhost:" + port + path);
    char separator = '?';
    for (Map.Entry<String, String> filter : filters.entrySet()) {
      url.append(separator).append(filter.getKey()).append('=').append(filter.getValue());
      separator = '&';
    }
    return url.toString();
  }

  /** The feed's body, after checking its status and exact content type. */
  private static String fetch(String path, Map<String, String> parameters, String type) {
    RequestSpecification request = given();
    parameters.forEach(request::queryParam);
    Response response = request.get(path);
    response.then().statusCode(200);
    assertEquals(type, response.header("Content-Type"), path);
    return response.asString();
  }

  private static List<String> slugs(String jsonFeed) throws Exception {
    List<String> slugs = new ArrayList<>();
    for (JsonNode item : MAPPER.readTree(jsonFeed).path("items")) {
      String url = item.path("url").asText();
      assertTrue(url.startsWith(PERMALINK), url);
      slugs.add(url.substring(PERMALINK.length()));
    }
    return slugs;
  }

  private static List<String> names(List<SyndCategory> categories) {
    return categories.stream().map(SyndCategory::getName).toList();
  }

  private static void assertProblem(
      RequestSpecification request, String path, String type, String parameter) {
    request
        .get(path)
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("type", is(PROBLEMS + type))
        .body("status", is(400))
        .body("parameter", is(parameter))
        .body("detail", containsString("'" + parameter + "'"))
        .body("instance", is(path))
        .body(not(containsString("Exception")));
  }

  static Document dom(String xml) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    return factory
        .newDocumentBuilder()
        .parse(new ByteArrayInputStream(xml.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
  }

  private static String text(Element parent, String name) {
    return parent.getElementsByTagNameNS(ATOM_NS, name).item(0).getTextContent();
  }

  private static String directText(Element parent, String name) {
    NodeList children = parent.getChildNodes();
    for (int i = 0; i < children.getLength(); i++) {
      if (children.item(i) instanceof Element child && name.equals(child.getLocalName())) {
        return child.getTextContent();
      }
    }
    throw new AssertionError("no " + name);
  }
}
