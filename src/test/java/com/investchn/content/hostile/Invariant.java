package com.investchn.content.hostile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Optional;

/**
 * What every answer to hostile input must be: a 2xx or 3xx, or a 4xx problem+json with type, title
 * and the status; never a 5xx, never a stack trace or a Java class name in the body.
 */
final class Invariant {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** Traces of a stack trace or an exception's class name leaking into a body. */
  private static final List<String> LEAKS =
      List.of("at com.", "at java.", "at io.", "at org.", "java.lang", "Exception", "\tat ");

  /** quarkus.http.limits.max-initial-line-length in application.properties. */
  private static final int MAX_INITIAL_LINE = 16_384;

  private Invariant() {}

  /**
   * Why the answer breaks the invariant, or empty when it keeps it.
   *
   * <p>One answer is not ours to shape: a request target that is not a URI at all (a malformed
   * percent escape such as %G0 or a lone %, or a character RFC 3986 never allows raw, such as a
   * quote, a backslash, a brace or a control character) is refused by the HTTP codec of Vert.x
   * before any handler of the application runs, with an empty 400 (and the connection closed). That
   * answer is accepted only for such a target, and only in exactly that form (no X-Request-Id
   * proves no handler of ours saw it); every target that is a URI gets the full invariant. The same
   * holds for a 414 to a request line longer than quarkus.http.limits.max-initial-line-length
   * (16,384).
   */
  static Optional<String> broken(RawHttp.Answer answer, boolean targetIsUri) {
    int status = answer.status();
    if (!targetIsUri && refusedByTheCodec(answer)) {
      return Optional.empty();
    }
    for (String leak : LEAKS) {
      if (answer.body().contains(leak)) {
        return Optional.of("the body leaks '" + leak.trim() + "'");
      }
    }
    if (status >= 500) {
      return Optional.of("status " + status);
    }
    if (status < 200) {
      return Optional.of("status " + status);
    }
    String type = String.valueOf(answer.header("Content-Type"));
    if (status < 400) {
      if (type.startsWith("application/json") && !answer.body().isEmpty()) {
        return parse(answer.body()).isPresent() ? Optional.empty() : Optional.of("invalid JSON");
      }
      return Optional.empty();
    }
    if (!type.startsWith("application/problem+json")) {
      return Optional.of("a " + status + " with Content-Type " + type);
    }
    Optional<JsonNode> problem = parse(answer.body());
    if (problem.isEmpty() || !problem.get().isObject()) {
      return Optional.of("a problem body that is not a JSON object");
    }
    JsonNode body = problem.get();
    if (!body.path("type").isTextual() || !body.path("title").isTextual()) {
      return Optional.of("a problem without type or title");
    }
    if (body.path("status").asInt(-1) != status) {
      return Optional.of("a problem whose status is " + body.path("status") + ", not " + status);
    }
    return Optional.empty();
  }

  static boolean refusedByTheCodec(RawHttp.Answer answer) {
    return (answer.status() == 400 || answer.status() == 414)
        && answer.body().isEmpty()
        && answer.header("X-Request-Id") == null;
  }

  /**
   * Whether a request target is a URI path and query as RFC 3986 writes them: unreserved and
   * sub-delimiter characters, ':', '@', '/', '?', and '%' only before two hex digits.
   */
  static boolean isUri(byte[] target) {
    if (target.length + "GET  HTTP/1.1".length() > MAX_INITIAL_LINE) {
      return false;
    }
    for (int i = 0; i < target.length; i++) {
      int b = target[i] & 0xff;
      boolean allowed =
          (b >= 'a' && b <= 'z')
              || (b >= 'A' && b <= 'Z')
              || (b >= '0' && b <= '9')
              || "-._~!$&'()*+,;=:@/?".indexOf(b) >= 0;
      if (b == '%') {
        if (i + 2 >= target.length || !isHex(target[i + 1]) || !isHex(target[i + 2])) {
          return false;
        }
        i += 2;
      } else if (!allowed) {
        return false;
      }
    }
    return true;
  }

  private static boolean isHex(byte b) {
    return (b >= '0' && b <= '9') || (b >= 'a' && b <= 'f') || (b >= 'A' && b <= 'F');
  }

  private static Optional<JsonNode> parse(String body) {
    try {
      return Optional.ofNullable(MAPPER.readTree(body));
    } catch (java.io.IOException e) {
      return Optional.empty();
    }
  }
}
