package com.investchn.content.common.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The edge's problem writer on a bare Vert.x server, without Quarkus: what a HEAD announces must be
 * what the GET sends.
 */
class EdgeProblemsTest {

  /** Not ASCII, so its UTF-8 byte count and its char count differ. */
  private static final String DETAIL = "Origin 'https://例え.jp' may not call the admin API.";

  private static Vertx vertx;
  private static HttpServer server;

  /** HTTP/1.1, where a HEAD's Content-Length is the only word on the body's size. */
  private static final HttpClient CLIENT =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  @BeforeAll
  static void start() throws Exception {
    vertx = Vertx.vertx();
    EdgeProblems problems = new EdgeProblems(new ObjectMapper());
    Router router = Router.router(vertx);
    router
        .route("/refused")
        .handler(
            context ->
                problems.send(
                    context, ProblemType.ORIGIN_NOT_ALLOWED, DETAIL, Map.of("Vary", "Origin")));
    server =
        vertx
            .createHttpServer()
            .requestHandler(router)
            .listen(0)
            .toCompletionStage()
            .toCompletableFuture()
            .get(10, TimeUnit.SECONDS);
  }

  @AfterAll
  static void stop() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  @Test
  void headAnnouncesTheUtf8ByteLengthOfTheBodyAGetSends() throws Exception {
    HttpResponse<byte[]> get = send("GET");
    HttpResponse<byte[]> head = send("HEAD");

    assertEquals(403, head.statusCode());
    assertEquals(0, head.body().length);
    String body = new String(get.body(), StandardCharsets.UTF_8);
    assertNotEquals(body.length(), get.body().length, "the detail must not be ASCII");
    assertEquals(
        Integer.toString(get.body().length),
        head.headers().firstValue("Content-Length").orElse(null));
  }

  @Test
  void bothCarryTheProblemHeaders() throws Exception {
    for (String method : new String[] {"GET", "HEAD"}) {
      HttpResponse<byte[]> response = send(method);
      assertEquals(403, response.statusCode(), method);
      assertEquals(
          "application/problem+json", response.headers().firstValue("Content-Type").orElse(null));
      assertEquals("no-store", response.headers().firstValue("Cache-Control").orElse(null));
      assertEquals("Origin", response.headers().firstValue("Vary").orElse(null));
    }
  }

  @Test
  void theBodyIsTheProblemOfTheType() throws Exception {
    var problem = new ObjectMapper().readTree(send("GET").body());
    assertEquals(ProblemType.ORIGIN_NOT_ALLOWED.uri().toString(), problem.get("type").asText());
    assertEquals(ProblemType.ORIGIN_NOT_ALLOWED.title(), problem.get("title").asText());
    assertEquals(403, problem.get("status").asInt());
    assertEquals(DETAIL, problem.get("detail").asText());
    assertEquals("/refused", problem.get("instance").asText());
  }

  private static HttpResponse<byte[]> send(String method) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + server.actualPort() + "/refused"))
            .method(method, HttpRequest.BodyPublishers.noBody())
            .build();
    return CLIENT.send(request, HttpResponse.BodyHandlers.ofByteArray());
  }
}
