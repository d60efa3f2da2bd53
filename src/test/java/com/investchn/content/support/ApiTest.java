package com.investchn.content.support;

import io.restassured.RestAssured;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;

/** Base of the API tests: REST Assured set up and the fixture committed before each test. */
public abstract class ApiTest {

  @Inject protected Fixtures fixtures;

  @BeforeEach
  void loadFixtures() {
    RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    fixtures.ensureLoaded();
  }

  /** Slugs of the public fixture articles newest first, from {@code from} up to {@code to}. */
  protected static java.util.List<String> newestFirst(int from, int to) {
    return java.util.List.of(Fixtures.PUBLIC_NEWEST_FIRST).subList(from, to);
  }
}
