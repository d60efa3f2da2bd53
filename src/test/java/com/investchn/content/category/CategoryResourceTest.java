package com.investchn.content.category;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import com.investchn.content.support.ApiTest;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CategoryResourceTest extends ApiTest {

  @Test
  void treeIsNestedAndOrderedByPosition() {
    given()
        .get("/api/v1/categories")
        .then()
        .statusCode(200)
        .body("slug", contains("zone-news", "investment-news", "policies"))
        .body("position", contains(1, 2, 3))
        .body("[0].name", is("开发区新闻"))
        .body("[0].nameEn", is("Zone News"))
        .body("[0].zoneScoped", is(true))
        .body("[1].zoneScoped", is(false))
        .body("[0].children.slug", contains("text-news", "photo-news"))
        .body("[0].children.name", contains("文字新闻", "图片新闻"))
        .body("[0].children[0].children", empty())
        .body("[0].parent", nullValue())
        .body("[0].children[1].parent.slug", is("zone-news"))
        .body("[2].children", empty());
  }

  @Test
  void detailHasAncestorsAndChildren() {
    given()
        .get("/api/v1/categories/text-news")
        .then()
        .statusCode(200)
        .body("id", is((int) fixtures.id("text-news")))
        .body("name", is("文字新闻"))
        .body("parent.slug", is("zone-news"))
        .body("position", is(1))
        .body("zoneScoped", is(false))
        .body("ancestors.slug", contains("zone-news"))
        .body("children", empty());
    given()
        .get("/api/v1/categories/{id}", fixtures.id("zone-news"))
        .then()
        .body("parent", nullValue())
        .body("ancestors", empty())
        .body("zoneScoped", is(true))
        .body("children.slug", contains("text-news", "photo-news"))
        .body("children.position", contains(1, 2));
  }

  @Test
  void unknownCategoryIs404() {
    given()
        .get("/api/v1/categories/nope")
        .then()
        .statusCode(404)
        .contentType("application/problem+json")
        .body("status", is(404));
  }
}
