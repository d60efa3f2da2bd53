package com.investchn.content.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.restassured.RestAssured;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.function.Function;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.RandomGenerator;
import net.jqwik.api.sessions.JqwikSession;

/**
 * Runs one group of hostile requests against the service under test and checks the invariant on
 * every answer. Reproducible: the seed (system property hostile.seed) and the try number are in
 * every failure, and the same seed draws the same requests; hostile.tries changes how many.
 */
final class Fuzzing {

  static final long SEED = Long.getLong("hostile.seed", 20_261_203L);
  static final int TRIES = Integer.getInteger("hostile.tries", 200);

  /** Failures reported per group; the rest are counted. */
  private static final int SHOWN_FAILURES = 8;

  /** The port is only known once Quarkus has started, after this object was made. */
  RawHttp http() {
    return new RawHttp(RestAssured.port);
  }

  /**
   * Draws {@code tries} values from the arbitrary with a random seeded by the seed and the group
   * name, sends each and collects every broken answer; then checks the service still answers.
   */
  <T> void run(String group, Arbitrary<T> values, Function<T, Exchange> send) {
    long seed = SEED ^ group.hashCode();
    List<String> failures = new ArrayList<>();
    int broken = 0;
    JqwikSession.start();
    try {
      RandomGenerator<T> generator = values.generator(1000, true);
      Random random = new Random(seed);
      for (int attempt = 0; attempt < TRIES; attempt++) {
        T value = generator.next(random).value();
        Exchange exchange = send.apply(value);
        Optional<String> why = Invariant.broken(exchange.answer(), exchange.targetIsUri());
        if (why.isPresent()) {
          broken++;
          if (failures.size() < SHOWN_FAILURES) {
            failures.add(describe(attempt, why.get(), exchange));
          }
        }
      }
    } finally {
      JqwikSession.finish();
    }
    RawHttp.Answer site = http().get("/api/v1/site");
    assertEquals(
        200, site.status(), () -> group + ": the service is unwell afterwards: " + site.body());
    if (broken > 0) {
      throw new AssertionError(
          group
              + ": "
              + broken
              + " of "
              + TRIES
              + " answers broke the invariant (hostile.seed="
              + SEED
              + "):\n"
              + String.join("\n", failures));
    }
  }

  private static String describe(int attempt, String why, Exchange exchange) {
    RawHttp.Answer answer = exchange.answer();
    String body = answer.body();
    return "  try "
        + attempt
        + ": "
        + why
        + "\n    request: "
        + exchange.request()
        + "\n    answer: "
        + answer.status()
        + " "
        + answer.headers()
        + " "
        + Shown.text(body.length() > 1500 ? body.substring(0, 1500) : body);
  }

  /** A request as shown in a failure, whether its target is a URI, and its answer. */
  record Exchange(String request, boolean targetIsUri, RawHttp.Answer answer) {}
}
