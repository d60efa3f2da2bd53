package com.investchn.content.common.edge;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/**
 * The plain port answers HTTP/1.1 to a client that asks to upgrade to h2c (see NoCleartextHttp2).
 */
@QuarkusTest
class CleartextHttp2Test {

  @TestHTTPResource("/api/v1/articles")
  URI articles;

  @Test
  void anUpgradeToH2cIsIgnored() throws Exception {
    // The JDK client's default: HTTP/2, which on a cleartext URI means "Upgrade: h2c".
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).build();

    HttpResponse<String> answer =
        client.send(HttpRequest.newBuilder(articles).build(), HttpResponse.BodyHandlers.ofString());

    assertEquals(200, answer.statusCode());
    assertEquals(HttpClient.Version.HTTP_1_1, answer.version());
  }

  @Test
  void anUploadOnAnUpgradeRequestIsServedAsHttp11() throws Exception {
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).build();
    URI tokens = articles.resolve("/api/v1/admin/tokens");

    HttpResponse<String> answer =
        client.send(
            HttpRequest.newBuilder(tokens)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"x\"}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());

    assertEquals(401, answer.statusCode(), answer.body());
    assertEquals(HttpClient.Version.HTTP_1_1, answer.version());
  }
}
