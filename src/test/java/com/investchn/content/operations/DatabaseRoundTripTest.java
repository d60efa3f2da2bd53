package com.investchn.content.operations;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.investchn.content.article.Article;
import com.investchn.content.article.ArticleRepository;
import com.investchn.content.article.ArticleStatus;
import com.investchn.content.support.ApiTest;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Text and time survive the database unchanged, whichever database the suite runs on. */
@QuarkusTest
class DatabaseRoundTripTest extends ApiTest {

  private static final String SLUG = "round-trip-article";

  @Inject ArticleRepository articles;
  @Inject AgroalDataSource dataSource;

  @AfterEach
  void removeArticle() {
    QuarkusTransaction.requiringNew().run(() -> articles.delete("slug", SLUG));
  }

  @Test
  void runsOnTheDatabaseTheBuildWasAskedFor() throws Exception {
    String expected = System.getProperty("test.pg.url") != null ? "PostgreSQL" : "H2";
    try (Connection connection = dataSource.getConnection()) {
      assertEquals(expected, connection.getMetaData().getDatabaseProductName());
    }
  }

  @Test
  void chineseEmojiAndLongBodiesComeBackIdentically() {
    String title = "𠀀𪚥 北京经济技术开发区 “一站式”服务 🚀🇨🇳 <&> ’";
    StringBuilder body = new StringBuilder();
    while (body.length() < 900_000) {
      body.append("<p>集成电路、生物医药与新能源汽车产业集聚发展 🚄 𠀀 – naïve café ")
          .append(body.length())
          .append("</p>");
    }
    Instant publishedAt = Instant.parse("2024-02-29T16:05:07.123456Z");
    long id =
        QuarkusTransaction.requiringNew()
            .call(
                () -> {
                  Article article = new Article();
                  article.slug = SLUG;
                  article.title = title;
                  article.summary = "摘要 ✓";
                  article.body = body.toString();
                  article.source = "测试来源 🧪";
                  article.publishedAt = publishedAt;
                  article.status = ArticleStatus.PUBLISHED;
                  article.categoryId = fixtures.id("policies");
                  article.zoneId = fixtures.id("suzhou");
                  articles.persist(article);
                  return article.id;
                });

    String returnedBody =
        given()
            .get("/api/v1/articles/" + SLUG)
            .then()
            .statusCode(200)
            .body("id", is((int) id))
            .body("title", is(title))
            .body("source", is("测试来源 🧪"))
            .body("summary", is("摘要 ✓"))
            // 2024-03-01 00:05:07.123456 in Shanghai: the instant, shown with +08:00.
            .body("publishedAt", is("2024-03-01T00:05:07.123456+08:00"))
            .extract()
            .path("body");
    assertEquals(body.toString(), returnedBody);

    Instant stored =
        QuarkusTransaction.requiringNew()
            .call(() -> articles.findById(id).publishedAt.truncatedTo(ChronoUnit.MICROS));
    assertEquals(publishedAt, stored);
  }
}
