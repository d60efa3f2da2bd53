package com.investchn.content.feed;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.investchn.content.support.ApiTest;
import com.investchn.content.support.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.io.StringReader;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The sitemap index and the monthly sitemaps, validated against the sitemaps.org schemas and
 * compared with the articles the API lists.
 */
@QuarkusTest
class SitemapTest extends ApiTest {

  static final String INDEX = "/api/v1/sitemap.xml";
  static final String XML_TYPE = "application/xml; charset=UTF-8";
  static final String NS = "http://www.sitemaps.org/schemas/sitemap/0.9";

  @ConfigProperty(name = "quarkus.http.test-port")
  int port;

  @Test
  void theIndexListsOneValidSitemapPerMonthOfPublicationInShanghaiTime() throws Exception {
    String xml = fetch(INDEX);
    validate(xml, "siteindex.xsd");
    Document index = FeedTest.dom(xml);
    assertEquals("sitemapindex", index.getDocumentElement().getLocalName());
    assertEquals(NS, index.getDocumentElement().getNamespaceURI());
    Map<String, String> sitemaps = entries(index, "sitemap");
    // 2024-01-01 00:00 in Shanghai is still 2023 in UTC: the month is the portal's.
    List<String> months = List.of("2022-03", "2023-12", "2024-01", "2024-05", "2024-06");
    List<String> expectedLocs = new ArrayList<>();
    for (String month : months) {
      expectedLocs.add(origin() + "/api/v1/sitemaps/articles-" + month + ".xml");
    }
    assertEquals(expectedLocs, List.copyOf(sitemaps.keySet()));
    Map<String, List<Expected>> byMonth = publicArticlesByMonth();
    assertEquals(months, List.copyOf(byMonth.keySet()));
    int total = 0;
    for (String month : months) {
      String loc = origin() + "/api/v1/sitemaps/articles-" + month + ".xml";
      List<Expected> articles = byMonth.get(month);
      // The sitemap's lastmod is the last change of any of its articles.
      Instant newest =
          articles.stream().map(Expected::lastModified).max(Instant::compareTo).orElseThrow();
      assertW3cDatetime(sitemaps.get(loc));
      assertEquals(newest, OffsetDateTime.parse(sitemaps.get(loc)).toInstant(), loc);

      String sitemap = fetch(loc.substring(origin().length()));
      validate(sitemap, "sitemap.xsd");
      Map<String, String> urls = entries(FeedTest.dom(sitemap), "url");
      List<String> expectedUrls = articles.stream().map(Expected::permalink).toList();
      assertEquals(expectedUrls, List.copyOf(urls.keySet()), month);
      for (Expected article : articles) {
        String lastmod = urls.get(article.permalink());
        assertW3cDatetime(lastmod);
        assertEquals(article.lastModified(), OffsetDateTime.parse(lastmod).toInstant());
      }
      total += urls.size();
    }
    // Every public article once; no draft, no scheduled one.
    assertEquals(Fixtures.PUBLIC_NEWEST_FIRST.length, total);
  }

  @Test
  void sitemapsAreTaggedAndRevalidatedLikeEveryPublicRead() {
    for (String path : List.of(INDEX, "/api/v1/sitemaps/articles-2024-06.xml")) {
      Response first = given().get(path);
      first.then().statusCode(200);
      assertEquals(XML_TYPE, first.header("Content-Type"));
      String etag = first.header("ETag");
      assertNotNull(etag);
      assertTrue(first.header("Cache-Control").startsWith("public, max-age="));
      assertEquals(etag, given().get(path).header("ETag"));
      given()
          .header("If-None-Match", etag)
          .get(path)
          .then()
          .statusCode(304)
          .body(is(emptyOrNullString()));
    }
  }

  @Test
  void unknownOrMalformedSitemapsAreNotFoundProblems() {
    for (String name :
        List.of(
            "articles-2024-02.xml", // no article that month
            "articles-2030-01.xml", // the future
            "articles-2024-06-2.xml", // a part the month does not have
            "articles-2024-06-1.xml", // the first part has only its plain name
            "articles-2024-13.xml",
            "articles-2024-6.xml",
            "articles-2024-06.json",
            "articles.xml",
            "sitemap.xml",
            "%E5%A4%A7%E5%85%B4.xml")) {
      given()
          .urlEncodingEnabled(false)
          .get("/api/v1/sitemaps/" + name)
          .then()
          .statusCode(404)
          .contentType("application/problem+json")
          .body("type", is("https://api.investchn.com/problems/not-found"))
          .body("status", is(404))
          .body("detail", containsString("No sitemap named"));
    }
    given()
        .queryParam("month", "2024-06")
        .get(INDEX)
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("parameter", is("month"));
  }

  // --- helpers -----------------------------------------------------------------------------

  record Expected(String slug, Instant lastModified) {
    String permalink() {
      return FeedTest.PERMALINK + slug;
    }
  }

  /** Public articles by Shanghai month, oldest first, as the API shows them. */
  private static Map<String, List<Expected>> publicArticlesByMonth() {
    List<Map<String, Object>> items =
        given()
            .queryParam("size", 100)
            .queryParam("sort", "publishedAt,asc")
            .get("/api/v1/articles")
            .then()
            .statusCode(200)
            .extract()
            .path("items");
    Map<String, List<Expected>> byMonth = new LinkedHashMap<>();
    for (Map<String, Object> item : items) {
      String publishedAt = (String) item.get("publishedAt");
      Response detail = given().get("/api/v1/articles/" + item.get("id"));
      Instant published = OffsetDateTime.parse(publishedAt).toInstant();
      Instant updated = OffsetDateTime.parse(detail.<String>path("updatedAt")).toInstant();
      Instant lastModified =
          (updated.isAfter(published) ? updated : published).truncatedTo(ChronoUnit.SECONDS);
      byMonth
          .computeIfAbsent(publishedAt.substring(0, 7), month -> new ArrayList<>())
          .add(new Expected((String) item.get("slug"), lastModified));
    }
    return byMonth;
  }

  /** loc → lastmod of each entry, in document order. */
  private static Map<String, String> entries(Document document, String element) {
    Map<String, String> entries = new LinkedHashMap<>();
    NodeList nodes = document.getElementsByTagNameNS(NS, element);
    for (int i = 0; i < nodes.getLength(); i++) {
      Element entry = (Element) nodes.item(i);
      String loc = entry.getElementsByTagNameNS(NS, "loc").item(0).getTextContent();
      String lastmod = entry.getElementsByTagNameNS(NS, "lastmod").item(0).getTextContent();
      assertEquals(null, entries.put(loc, lastmod), "listed twice: " + loc);
    }
    return entries;
  }

  private static void assertW3cDatetime(String value) {
    assertNotNull(value);
    assertTrue(value.matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\+08:00"), value);
  }

  static String fetch(String path) {
    Response response = given().get(path);
    response.then().statusCode(200);
    assertEquals(XML_TYPE, response.header("Content-Type"), path);
    return response.asString();
  }

  /** Validates against one of the sitemaps.org schemas in src/test/resources/sitemaps. */
  static void validate(String xml, String schema) throws Exception {
    SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
    var source = SitemapTest.class.getResource("/sitemaps/" + schema);
    assertNotNull(source, schema);
    factory.newSchema(source).newValidator().validate(new StreamSource(new StringReader(xml)));
  }

  private String origin() {
    return "http://localhost:" + port;
  }
}
