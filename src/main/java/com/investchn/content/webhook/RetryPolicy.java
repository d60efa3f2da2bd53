package com.investchn.content.webhook;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.function.DoubleSupplier;

/**
 * When a failed attempt is tried again: exponential backoff with full jitter (the n-th retry waits
 * a random time up to {@code min(cap, base * 2^(n-1))}), or what the receiver's Retry-After asks,
 * and never beyond the retry period counted from the first attempt.
 */
final class RetryPolicy {

  private final Duration base;
  private final Duration cap;
  private final Duration period;
  private final DoubleSupplier random;

  RetryPolicy(Duration base, Duration cap, Duration period, DoubleSupplier random) {
    this.base = base;
    this.cap = cap;
    this.period = period;
    this.random = random;
  }

  /** The most the retry after the given (1-based) attempt may wait. */
  Duration ceiling(int attempt) {
    long capMillis = Math.max(1, cap.toMillis());
    long millis = Math.max(1, base.toMillis());
    for (int i = 1; i < attempt && millis < capMillis; i++) {
      millis *= 2;
    }
    return Duration.ofMillis(Math.min(millis, capMillis));
  }

  /** Full jitter: uniformly between zero (exclusive) and the ceiling. */
  Duration delay(int attempt) {
    long ceiling = ceiling(attempt).toMillis();
    return Duration.ofMillis(Math.max(1, (long) Math.ceil(random.getAsDouble() * ceiling)));
  }

  /**
   * When to try again after this attempt, or empty when the retry period is over and the delivery
   * fails; a Retry-After is honoured as given.
   */
  Optional<Instant> next(Instant firstAttempt, Instant now, int attempt, Duration retryAfter) {
    Instant next = now.plus(retryAfter != null ? retryAfter : delay(attempt));
    return next.isAfter(firstAttempt.plus(period)) ? Optional.empty() : Optional.of(next);
  }

  /** Retry-After as delay-seconds or an HTTP date (RFC 9110 section 10.2.3); null when neither. */
  static Duration retryAfter(String value, Instant now) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String trimmed = value.strip();
    if (trimmed.matches("[0-9]{1,9}")) {
      return Duration.ofSeconds(Long.parseLong(trimmed));
    }
    try {
      Instant at = ZonedDateTime.parse(trimmed, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
      return at.isAfter(now) ? Duration.between(now, at) : Duration.ZERO;
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
