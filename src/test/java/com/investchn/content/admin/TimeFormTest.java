package com.investchn.content.admin;

import static com.investchn.content.admin.AdminSupport.ARTICLES;
import static com.investchn.content.admin.AdminSupport.BOOTSTRAP;
import static com.investchn.content.admin.AdminSupport.SITE;
import static com.investchn.content.admin.AdminSupport.TOKENS;
import static com.investchn.content.admin.AdminSupport.as;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.investchn.content.support.ApiTest;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Every instant on the wire has one form, whatever record carries it and however precise the value
 * is: six fractional digits and +08:00.
 */
@QuarkusTest
class TimeFormTest extends ApiTest {

  private static final Pattern LOOKS_LIKE_A_TIME = Pattern.compile("^\\d{4}-\\d{2}-\\d{2}T.*");
  private static final Pattern WIRE =
      Pattern.compile("^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{6}\\+08:00$");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final AdminSupport.Created created = new AdminSupport.Created();

  @AfterEach
  void deleteWhatTheTestCreated() {
    created.deleteAll();
  }

  @Test
  void everyInstantInEveryAnswerHasSixFractionalDigitsAndTheShanghaiOffset() throws Exception {
    Map<String, Object> input =
        AdminSupport.article("时间格式测试", fixtures.id("text-news"), fixtures.id("daxing"));
    input.put("slug", AdminSupport.slug("time-form"));
    input.put("status", "published");
    // Nanoseconds in, microseconds stored and shown.
    input.put("publishedAt", "2020-05-01T00:00:00.123456789Z");
    Response write = created.post(BOOTSTRAP, ARTICLES, input);
    long id = write.<Integer>path("id");
    assertEquals("2020-05-01T08:00:00.123456+08:00", write.path("publishedAt"));

    String slug = (String) input.get("slug");
    List<String> times = new ArrayList<>();
    collect(write.asString(), times);
    collect(as(BOOTSTRAP).get(ARTICLES + "/" + id).asString(), times);
    collect(as(BOOTSTRAP).get(ARTICLES + "?size=5").asString(), times);
    collect(as(BOOTSTRAP).get(SITE).asString(), times);
    collect(as(BOOTSTRAP).get(TOKENS).asString(), times);
    collect(given().get("/api/v1/articles/" + slug).asString(), times);
    collect(given().get("/api/v1/articles/" + slug + "/adjacent").asString(), times);
    collect(given().get("/api/v1/articles?size=100").asString(), times);
    collect(given().get("/api/v1/site").asString(), times);
    String export = as(BOOTSTRAP).get("/api/v1/admin/export").asString();
    for (String line : export.split("\n")) {
      collect(line, times);
    }
    assertTrue(times.size() > 50, "times found: " + times.size());
    for (String time : times) {
      assertTrue(WIRE.matcher(time).matches(), time);
    }

    // What an answer shows is what is stored: sent back as to= it includes its own article.
    String publishedAt = given().get("/api/v1/articles/" + slug).path("publishedAt");
    given()
        .queryParam("from", publishedAt)
        .queryParam("to", publishedAt)
        .get("/api/v1/articles")
        .then()
        .statusCode(200)
        .body("items.slug", org.hamcrest.Matchers.contains(slug));
  }

  private static void collect(String body, List<String> times) throws Exception {
    if (body.isBlank()) {
      return;
    }
    collect(JSON.readTree(body), times);
  }

  private static void collect(JsonNode node, List<String> times) {
    if (node.isTextual() && LOOKS_LIKE_A_TIME.matcher(node.asText()).matches()) {
      times.add(node.asText());
    }
    node.forEach(child -> collect(child, times));
  }
}
