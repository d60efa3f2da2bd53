package com.investchn.content.support;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.response.Response;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;

/**
 * Articles a test writes through the admin API, as an editor would, so that the server thread sees
 * them, and deletes again afterwards with If-Match, so the fixture looks the same to the next test.
 * One per test instance; call {@link #deleteAll()} from an {@code @AfterEach}.
 */
public final class AdminArticles {

  public static final String BOOTSTRAP = "test-bootstrap-admin-token-0123456789abcdef";
  public static final String PATH = "/api/v1/admin/articles";

  private static final String JSON = "application/json; charset=UTF-8";
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final Deque<Long> created = new ArrayDeque<>();

  /** Creates the article from an input body (a 201 or the test fails) and returns its id. */
  public long create(String input) {
    Response response = given().auth().oauth2(BOOTSTRAP).contentType(JSON).body(input).post(PATH);
    assertEquals(201, response.statusCode(), response.asString());
    long id = response.<Integer>path("id").longValue();
    created.push(id);
    return id;
  }

  /** Creates the article from input fields, as {@link #create(String)} does. */
  public long create(Map<String, Object> input) {
    try {
      return create(MAPPER.writeValueAsString(input));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Deletes one article now, for a test that checks what a deletion does; it is not kept. */
  public void delete(long id) {
    deleteNow(id);
    created.remove(id);
  }

  /**
   * Deletes every article this test created and still keeps, newest first. Each must still be
   * there: one that went missing means a write the test did not make.
   */
  public void deleteAll() {
    AssertionError failure = null;
    while (!created.isEmpty()) {
      try {
        deleteNow(created.pop());
      } catch (AssertionError e) {
        // The others still go, or one failed clean-up would fail every later test too.
        failure = failure == null ? e : failure;
      }
    }
    if (failure != null) {
      throw failure;
    }
  }

  /** The article's current ETag, for an If-Match. */
  public static String etag(long id) {
    Response current = given().auth().oauth2(BOOTSTRAP).get(PATH + "/" + id);
    assertEquals(200, current.statusCode(), current.asString());
    return current.header("ETag");
  }

  private static void deleteNow(long id) {
    given()
        .auth()
        .oauth2(BOOTSTRAP)
        .header("If-Match", etag(id))
        .delete(PATH + "/" + id)
        .then()
        .statusCode(204);
  }
}
