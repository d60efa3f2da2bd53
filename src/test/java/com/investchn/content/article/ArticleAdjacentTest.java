package com.investchn.content.article;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.investchn.content.support.ApiTest;
import com.investchn.content.support.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ArticleAdjacentTest extends ApiTest {

  @Test
  void withoutParametersUsesTheArticlesOwnCategoryAndZone() {
    given()
        .get("/api/v1/articles/a2-daxing-park/adjacent")
        .then()
        .statusCode(200)
        .body("previous.slug", is("a1-etdz-signing"))
        .body("next.slug", is("a4-daxing-tie-later"))
        .body("context.category", is("text-news"))
        .body("context.zone", is("daxing"))
        .body("context.sort", is("publishedAt,desc"))
        .body("context.publisherZone", nullValue())
        .body(
            "context.list",
            is("/api/v1/articles?category=text-news&zone=daxing&sort=publishedAt,desc"));
  }

  @Test
  void agreesWithTheDetailNavigation() {
    for (String slug : Fixtures.PUBLIC_NEWEST_FIRST) {
      Response detail = given().get("/api/v1/articles/" + slug);
      Response adjacent = given().get("/api/v1/articles/" + slug + "/adjacent");
      assertEquals((Object) detail.path("previous"), adjacent.path("previous"), slug);
      assertEquals((Object) detail.path("next"), adjacent.path("next"), slug);
    }
  }

  @Test
  void withParametersMatchesExactlyTheNeighboursInTheListEndpoint() {
    List<Map<String, Object>> params =
        List.of(
            Map.of("sort", "publishedAt,asc"),
            Map.of("sort", "publishedAt,desc"),
            Map.of("category", "zone-news"),
            Map.of("zone", "beijing", "sort", "publishedAt,asc"),
            Map.of("from", "2024-01-01", "to", "2024-06-20"),
            Map.of("source", "大兴区投资促进局"));
    for (Map<String, Object> query : params) {
      List<String> list =
          given()
              .queryParams(query)
              .queryParam("size", 100)
              .get("/api/v1/articles")
              .path("items.slug");
      for (int i = 0; i < list.size(); i++) {
        Response adjacent =
            given().queryParams(query).get("/api/v1/articles/" + list.get(i) + "/adjacent");
        adjacent.then().statusCode(200);
        assertEquals(
            i == 0 ? null : list.get(i - 1), adjacent.path("previous.slug"), query + " at " + i);
        assertEquals(
            i == list.size() - 1 ? null : list.get(i + 1),
            adjacent.path("next.slug"),
            query + " at " + i);
      }
    }
  }

  @Test
  void anyParameterSelectsTheWholeListNotTheDefaultOne() {
    // Oldest first over everything: a3 sits between a5 (older) and a4 (same time, higher id).
    given()
        .queryParam("sort", "publishedAt,asc")
        .get("/api/v1/articles/a3-daxing-tie-earlier/adjacent")
        .then()
        .body("previous.slug", is("a5-daxing-photo"))
        .body("next.slug", is("a4-daxing-tie-later"))
        .body("context.category", nullValue())
        .body("context.zone", nullValue())
        .body("context.sort", is("publishedAt,asc"));
  }

  @Test
  void firstAndLastItemsHaveNullNeighbours() {
    given()
        .queryParam("sort", "publishedAt,desc")
        .get("/api/v1/articles/a10-daxing-english/adjacent")
        .then()
        .body("previous", nullValue())
        .body("next.slug", is("a1-etdz-signing"));
    given()
        .queryParam("sort", "publishedAt,desc")
        .get("/api/v1/articles/a9-sip-english/adjacent")
        .then()
        .body("previous.slug", is("a7-suzhou-policy"))
        .body("next", nullValue());
  }

  @Test
  void articleOutsideTheListIs404SayingSo() {
    given()
        .queryParam("category", "policies")
        .get("/api/v1/articles/a1-etdz-signing/adjacent")
        .then()
        .statusCode(404)
        .contentType("application/problem+json")
        .body("type", is("https://api.investchn.com/problems/not-in-list"))
        .body("detail", containsString("not in the list"))
        .body("detail", containsString("category=policies"));
  }

  @Test
  void unknownDraftAndBadParametersAreProblems() {
    given()
        .get("/api/v1/articles/no-such-article/adjacent")
        .then()
        .statusCode(404)
        .body("type", is("https://api.investchn.com/problems/not-found"));
    given().get("/api/v1/articles/" + Fixtures.DRAFT + "/adjacent").then().statusCode(404);
    given().get("/api/v1/articles/" + Fixtures.SCHEDULED + "/adjacent").then().statusCode(404);
    given()
        .queryParam("sort", "random")
        .get("/api/v1/articles/a1-etdz-signing/adjacent")
        .then()
        .statusCode(400)
        .body("parameter", is("sort"));
    given()
        .queryParam("zone", "atlantis")
        .get("/api/v1/articles/a1-etdz-signing/adjacent")
        .then()
        .statusCode(400)
        .body("parameter", is("zone"));
  }
}
