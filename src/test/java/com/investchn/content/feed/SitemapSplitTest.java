package com.investchn.content.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.investchn.content.support.ApiTest;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/**
 * With a cap of four URLs per file, June 2024 (six fixture articles) is split into two parts that
 * together list the month once, in publication order. Also sets a permalink template.
 */
@QuarkusTest
@TestProfile(SitemapSplitTest.SmallSitemaps.class)
class SitemapSplitTest extends ApiTest {

  /** Four URLs per sitemap, and permalinks by id on another host. */
  public static class SmallSitemaps implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of(
          "content-api.site.sitemap-max-urls", "4",
          "content-api.site.article-url",
              "https://m.investchn.com/news/{id}.html?via=feed&slug={slug}");
    }
  }

  @Test
  void aMonthAboveTheCapIsSplitIntoPartsThatListItOnceInOrder() throws Exception {
    String index = SitemapTest.fetch(SitemapTest.INDEX);
    SitemapTest.validate(index, "siteindex.xsd");
    List<String> locs = texts(FeedTest.dom(index), "loc");
    List<String> names = locs.stream().map(loc -> loc.substring(loc.lastIndexOf('/') + 1)).toList();
    assertEquals(
        List.of(
            "articles-2022-03.xml",
            "articles-2023-12.xml",
            "articles-2024-01.xml",
            "articles-2024-05.xml",
            "articles-2024-06.xml",
            "articles-2024-06-2.xml"),
        names);
    List<String> lastmods = texts(FeedTest.dom(index), "lastmod");
    assertEquals(lastmods.get(4), lastmods.get(5), "both parts carry the month's last change");

    String first = SitemapTest.fetch("/api/v1/sitemaps/articles-2024-06.xml");
    String second = SitemapTest.fetch("/api/v1/sitemaps/articles-2024-06-2.xml");
    SitemapTest.validate(first, "sitemap.xsd");
    SitemapTest.validate(second, "sitemap.xsd");
    List<String> firstUrls = texts(FeedTest.dom(first), "loc");
    List<String> secondUrls = texts(FeedTest.dom(second), "loc");
    assertEquals(4, firstUrls.size());
    assertEquals(2, secondUrls.size());
    List<String> june = new ArrayList<>(firstUrls);
    june.addAll(secondUrls);
    // June 2024 oldest first: the reverse of the newest-first fixture order.
    List<String> expected = new ArrayList<>();
    for (String slug :
        List.of(
            "a5-daxing-photo",
            "a3-daxing-tie-earlier",
            "a4-daxing-tie-later",
            "a2-daxing-park",
            "a1-etdz-signing",
            "a10-daxing-english")) {
      expected.add(
          "https://m.investchn.com/news/" + fixtures.id(slug) + ".html?via=feed&slug=" + slug);
    }
    assertEquals(expected, june);
    io.restassured.RestAssured.given()
        .get("/api/v1/sitemaps/articles-2024-06-3.xml")
        .then()
        .statusCode(404);
    // The permalink template reaches the feeds too, escaped as XML wants.
    String rss =
        io.restassured.RestAssured.given()
            .get(FeedTest.RSS)
            .then()
            .statusCode(200)
            .extract()
            .asString();
    String link =
        "<link>https://m.investchn.com/news/"
            + fixtures.id("a10-daxing-english")
            + ".html?via=feed&amp;slug=a10-daxing-english</link>";
    assertTrue(rss.contains(link), rss);
  }

  private static List<String> texts(Document document, String element) {
    List<String> values = new ArrayList<>();
    NodeList nodes = document.getElementsByTagNameNS(SitemapTest.NS, element);
    for (int i = 0; i < nodes.getLength(); i++) {
      values.add(nodes.item(i).getTextContent());
    }
    return values;
  }
}
