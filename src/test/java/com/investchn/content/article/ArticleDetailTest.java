package com.investchn.content.article;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import com.investchn.content.support.ApiTest;
import com.investchn.content.support.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ArticleDetailTest extends ApiTest {

  @Test
  void returnsEveryFieldOfThePublishedArticle() {
    long id = fixtures.id("a1-etdz-signing");
    given()
        .get("/api/v1/articles/{id}", id)
        .then()
        .statusCode(200)
        .contentType("application/json")
        .body("id", is((int) id))
        .body("slug", is("a1-etdz-signing"))
        .body("title", is("北京经济技术开发区举办重点项目集中签约活动"))
        .body(
            "body",
            is(
                "<p>北京经济技术开发区举办重点项目集中签约活动。这是第一段正文，介绍项目背景与投资规模。</p>"
                    + "<p>第二段正文：园区将提供“一站式”服务 &amp; 配套政策。</p>"))
        .body(
            "summary",
            is("北京经济技术开发区举办重点项目集中签约活动。这是第一段正文，介绍项目背景与投资规模。" + " 第二段正文：园区将提供“一站式”服务 & 配套政策。"))
        .body("publishedAt", is("2024-06-21T09:30:00.000000+08:00"))
        .body("source", is("大兴区融媒体中心"))
        .body("sourceUrl", nullValue())
        .body("author", is("测试编辑"))
        .body("status", is("published"))
        .body("zone.slug", is("daxing"))
        .body("zone.name", is("大兴区"))
        .body("publisherZone.slug", is("beijing-etdz"))
        .body("publisherZone.name", is("北京经济技术开发区"))
        .body("category.slug", is("text-news"))
        .body("version", is(0))
        .body("createdAt", containsString("+08:00"))
        .body("updatedAt", containsString("+08:00"));
  }

  @Test
  void slugAndIdFindTheSameArticle() {
    given()
        .get("/api/v1/articles/a6-haidian-ai")
        .then()
        .statusCode(200)
        .body("id", is((int) fixtures.id("a6-haidian-ai")))
        .body("title", is("中关村人工智能创新中心揭牌"));
  }

  @Test
  void breadcrumbPutsTheZoneAfterTheZoneScopedChannel() {
    given()
        .get("/api/v1/articles/a1-etdz-signing")
        .then()
        .body("breadcrumb.type", contains("home", "category", "zone", "category"))
        .body("breadcrumb.name", contains("首页", "开发区新闻", "大兴区", "文字新闻"))
        .body("breadcrumb.slug", contains(null, "zone-news", "daxing", "text-news"))
        .body("breadcrumb[0].id", nullValue())
        .body("breadcrumb[2].id", is((int) fixtures.id("daxing")));
  }

  @Test
  void breadcrumbOfAnOrdinaryChannelHasNoZone() {
    given()
        .get("/api/v1/articles/a9-sip-english")
        .then()
        .body("breadcrumb.type", contains("home", "category", "category"))
        .body("breadcrumb.name", contains("首页", "招商资讯", "产业动态"));
    given()
        .get("/api/v1/articles/a7-suzhou-policy")
        .then()
        .body("breadcrumb.name", contains("首页", "政策法规"));
  }

  @Test
  void previousAndNextFollowTheArticlesOwnCategoryAndZoneNewestFirst() {
    // text-news in 大兴区, newest first: a10, a1, a2, a4, a3 (a5 is photo news, a6 in 海淀区).
    given()
        .get("/api/v1/articles/a1-etdz-signing")
        .then()
        .body("previous.slug", is("a10-daxing-english"))
        .body("previous.id", is((int) fixtures.id("a10-daxing-english")))
        .body("previous.title", is("Daxing opens an airport economic zone service centre 🚀"))
        .body("previous.publishedAt", is("2024-06-22T09:00:00.000000+08:00"))
        .body("next.slug", is("a2-daxing-park"))
        .body("next.publishedAt", is("2024-06-20T10:00:00.000000+08:00"));
  }

  @Test
  void neighboursAcrossATieFollowTheIdOrder() {
    given()
        .get("/api/v1/articles/a4-daxing-tie-later")
        .then()
        .body("previous.slug", is("a2-daxing-park"))
        .body("next.slug", is("a3-daxing-tie-earlier"));
    given()
        .get("/api/v1/articles/a3-daxing-tie-earlier")
        .then()
        .body("previous.slug", is("a4-daxing-tie-later"))
        .body("next", nullValue());
  }

  @Test
  void newestArticleHasNoPreviousAndTheDraftAndScheduledOnesAreSkipped() {
    given()
        .get("/api/v1/articles/a10-daxing-english")
        .then()
        .body("previous", nullValue())
        .body("next.slug", is("a1-etdz-signing"));
  }

  @Test
  void draftsAndScheduledArticlesAre404() {
    assertNotFound("/api/v1/articles/" + Fixtures.DRAFT);
    assertNotFound("/api/v1/articles/" + fixtures.id(Fixtures.DRAFT));
    assertNotFound("/api/v1/articles/" + Fixtures.SCHEDULED);
    assertNotFound("/api/v1/articles/" + fixtures.id(Fixtures.SCHEDULED));
  }

  @Test
  void unknownIdsAndSlugsAre404Problems() {
    assertNotFound("/api/v1/articles/no-such-article");
    assertNotFound("/api/v1/articles/987654321");
    assertNotFound("/api/v1/articles/99999999999999999999999");
    assertNotFound("/api/v1/articles/Not%20A%20Slug");
  }

  @Test
  void aSlugOfThousandsOfHyphensIsA404NotAStackOverflow() {
    // Found by ParserPropertiesTest: the slug expression recursed once per hyphen.
    String slug = "a-".repeat(5_000) + "a";
    assertNotFound("/api/v1/articles/" + slug);
    assertNotFound("/api/v1/articles/" + slug + "/adjacent");
  }

  private static void assertNotFound(String path) {
    given()
        .get(path)
        .then()
        .statusCode(404)
        .contentType("application/problem+json")
        .body("type", is("https://api.investchn.com/problems/not-found"))
        .body("status", is(404))
        .body("title", is("Resource not found"))
        .body("detail", containsString("article"));
  }
}
