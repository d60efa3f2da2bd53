package com.investchn.content.bench;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/** The few HTTP calls the harness makes itself, all to 127.0.0.1 over HTTP/1.1. */
final class Http {

  /** One answer, body kept as bytes so it can be served again byte for byte. */
  record Answer(int status, HttpHeaders headers, byte[] body) {
    String text() {
      return new String(body, StandardCharsets.UTF_8);
    }

    Optional<String> header(String name) {
      return headers.firstValue(name);
    }
  }

  private final HttpClient client =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  static String base(int port) {
    return "http://127.0.0.1:" + port;
  }

  Answer get(int port, String path, Map<String, String> headers)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base(port) + path)).timeout(Duration.ofMinutes(2));
    headers.forEach(request::header);
    HttpResponse<byte[]> response =
        client.send(request.GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    return new Answer(response.statusCode(), response.headers(), response.body());
  }

  Answer get(int port, String path) throws IOException, InterruptedException {
    return get(port, path, Map.of());
  }

  Answer postNdjson(int port, String path, String token, Supplier<InputStream> body)
      throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(base(port) + path))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/x-ndjson")
            .timeout(Duration.ofHours(2))
            .POST(HttpRequest.BodyPublishers.ofInputStream(body))
            .build();
    HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
    return new Answer(response.statusCode(), response.headers(), response.body());
  }
}
