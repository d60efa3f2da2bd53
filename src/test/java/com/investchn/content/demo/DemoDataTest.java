package com.investchn.content.demo;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.investchn.content.article.Article;
import com.investchn.content.article.ArticleRepository;
import com.investchn.content.article.ArticleStatus;
import com.investchn.content.common.html.HtmlSanitizer;
import com.investchn.content.demo.DemoArticleGenerator.DemoArticle;
import io.quarkus.panache.common.Sort;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The demo data set loads into an empty database of its own and serves a realistic portal. The
 * profile sets a seed and a count other than the defaults, so that it shows both settings reach the
 * generator; the defaults themselves are checked without Quarkus in {@link
 * DemoArticleGeneratorTest}.
 */
@QuarkusTest
@TestProfile(DemoDataTest.DemoProfile.class)
class DemoDataTest {

  static final long SEED = 7;
  static final int ARTICLE_COUNT = 321;

  /** The demo loader switched on; the test schema is cleaned at every start, so it is empty. */
  public static class DemoProfile implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of(
          "content-api.demo.enabled",
          "true",
          "content-api.demo.seed",
          String.valueOf(SEED),
          "content-api.demo.article-count",
          String.valueOf(ARTICLE_COUNT));
    }
  }

  @Inject ArticleRepository articles;
  @Inject DemoDataLoader loader;
  @Inject HtmlSanitizer sanitizer;

  @Test
  @Transactional
  void storesWhatTheGeneratorWritesForTheConfiguredSeedAndCount() {
    given().get("/api/v1/articles").then().body("totalItems", is(ARTICLE_COUNT));
    List<DemoArticle> written =
        new DemoArticleGenerator(
                new ArticleComposer(), DemoResources.zones(), DemoResources.referenceArticles())
            .generate(SEED, ARTICLE_COUNT, Clock.systemUTC());
    List<Article> stored = articles.listAll(Sort.by("id"));
    assertEquals(written.size(), stored.size());
    for (int i = 0; i < written.size(); i++) {
      DemoArticle expected = written.get(i);
      Article actual = stored.get(i);
      if (expected.scheduled()) {
        assertTrue(actual.publishedAt.isAfter(Instant.now()), actual.slug);
        continue;
      }
      assertEquals(expected.slug(), actual.slug);
      assertEquals(expected.title(), actual.title, actual.slug);
      assertEquals(sanitizer.sanitize(expected.bodyHtml()), actual.body, actual.slug);
      assertEquals(expected.publishedAt(), actual.publishedAt, actual.slug);
      assertEquals(expected.status(), actual.status, actual.slug);
      assertEquals(expected.source(), actual.source, actual.slug);
      assertEquals(expected.author(), actual.author, actual.slug);
      assertEquals(expected.coverImageUrl(), actual.coverImageUrl, actual.slug);
    }
    // The default seed would have written other articles.
    List<String> usualTitles =
        new DemoArticleGenerator(
                new ArticleComposer(), DemoResources.zones(), DemoResources.referenceArticles())
            .generate(20240621, ARTICLE_COUNT, Clock.systemUTC()).stream()
                .map(DemoArticle::title)
                .toList();
    long common = stored.stream().filter(article -> usualTitles.contains(article.title)).count();
    assertTrue(common < ARTICLE_COUNT / 10, "titles shared with the default seed: " + common);
  }

  @Test
  void servesTheReferencePageOfTheDemoPortal() {
    given()
        .get("/api/v1/site")
        .then()
        .statusCode(200)
        .body("name", is("投促中国"))
        .body("email", is("info@investchn.com"));
    given()
        .get("/api/v1/articles/beijing-etdz-first-half-2024-project-signing")
        .then()
        .statusCode(200)
        .body("publishedAt", is("2024-06-21T09:30:00.000000+08:00"))
        .body("source", is("大兴区融媒体中心"))
        .body("publisherZone.name", is("北京经济技术开发区"))
        .body("breadcrumb.name", contains("首页", "开发区新闻", "大兴区", "文字新闻"))
        .body("previous.slug", is("daxing-biomedicine-base-talent-service-station"))
        .body("next.slug", is("daxing-airport-zone-cross-border-logistics-hub"));
  }

  @Test
  void hasAtLeastThreeHundredPublishedArticlesOverSeveralYears() {
    Response all =
        given().queryParam("sort", "publishedAt,asc").queryParam("size", 1).get("/api/v1/articles");
    all.then().body("totalItems", greaterThanOrEqualTo(300));
    String oldest = all.path("items[0].publishedAt");
    assertTrue(oldest.startsWith("2021"), oldest);
    given()
        .queryParam("from", "2023-01-01")
        .queryParam("to", "2023-12-31")
        .get("/api/v1/articles")
        .then()
        .body("totalItems", greaterThanOrEqualTo(50));
  }

  @Test
  void listsTheProvincesInPinyinOrder() {
    List<String> expected = List.of("北京市", "广东省", "江苏省", "山东省", "上海市", "四川省", "天津市", "浙江省");
    given()
        .queryParam("parent", "root")
        .get("/api/v1/zones")
        .then()
        .statusCode(200)
        .body("items.name", contains(expected.toArray()));
    given().get("/api/v1/zones/tree").then().body("name", contains(expected.toArray()));
  }

  @Test
  void coversZonesChannelsAndLanguages() {
    given()
        .queryParam("kind", "development_zone")
        .queryParam("level", "national")
        .queryParam("size", 100)
        .get("/api/v1/zones")
        .then()
        .body("totalItems", greaterThanOrEqualTo(15));
    given()
        .queryParam("parent", "root")
        .queryParam("kind", "province")
        .get("/api/v1/zones")
        .then()
        .body("totalItems", greaterThanOrEqualTo(5));
    given()
        .get("/api/v1/categories")
        .then()
        .body(
            "slug",
            hasItems("zone-news", "investment-news", "policies", "investment-projects", "events"))
        .body("find { it.slug == 'zone-news' }.children.slug", contains("text-news", "photo-news"));
    for (String category :
        List.of("text-news", "photo-news", "policies", "investment-projects", "events")) {
      given()
          .queryParam("category", category)
          .get("/api/v1/articles")
          .then()
          .body("totalItems", greaterThanOrEqualTo(10));
    }
    List<String> titles =
        given().queryParam("size", 100).get("/api/v1/articles").path("items.title");
    long english = titles.stream().filter(title -> title.chars().allMatch(c -> c < 0x3000)).count();
    assertTrue(english >= 3 && english < 50, "English titles on the first page: " + english);
  }

  @Test
  @Transactional
  void keepsDraftsAndScheduledArticlesOutOfThePublicApi() {
    long drafts = articles.count("status", ArticleStatus.DRAFT);
    long scheduled =
        articles.count("status = ?1 and publishedAt > ?2", ArticleStatus.PUBLISHED, Instant.now());
    assertTrue(drafts >= 3, "drafts: " + drafts);
    assertTrue(scheduled >= 3, "scheduled: " + scheduled);
    long total = articles.count();
    given()
        .get("/api/v1/articles")
        .then()
        .body("totalItems", is((int) (total - drafts - scheduled)));
  }

  @Test
  @Transactional
  void loadsOnlyIntoAnEmptyDatabase() {
    long before = articles.count();
    assertEquals(false, loader.loadIfEmpty());
    assertEquals(before, articles.count());
  }
}
