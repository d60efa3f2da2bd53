package com.investchn.content.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The address guard and the retry schedule on their own, without the service. */
class WebhookRulesTest {

  private static final AddressGuard STRICT = new AddressGuard(false, List.of());

  @ParameterizedTest
  @ValueSource(
      strings = {
        "127.0.0.1",
        "127.10.0.3",
        "10.0.0.1",
        "172.16.5.4",
        "172.31.255.255",
        "192.168.1.1",
        "169.254.1.1",
        "169.254.169.254",
        "100.64.0.1",
        "100.127.255.254",
        "0.0.0.0",
        "224.0.0.1",
        "::1",
        "::",
        "fe80::1",
        "fc00::1",
        "fd12:3456::1",
        "fd00:ec2::254",
        "ff02::1",
        "::ffff:10.0.0.1",
        "::ffff:127.0.0.1"
      })
  void refusesNonPublicAddressesByDefault(String address) throws Exception {
    assertTrue(STRICT.refusal(InetAddress.getByName(address)).isPresent(), address);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"8.8.8.8", "1.1.1.1", "172.32.0.1", "100.128.0.1", "2001:4860:4860::8888"})
  void allowsPublicAddresses(String address) throws Exception {
    assertFalse(STRICT.refusal(InetAddress.getByName(address)).isPresent(), address);
  }

  @Test
  void namesWhyAnAddressIsRefused() throws Exception {
    assertEquals(
        "10.1.2.3 is a private address (10.0.0.0/8), which is not allowed for webhooks",
        STRICT.refusal(InetAddress.getByName("10.1.2.3")).orElseThrow());
    assertTrue(
        STRICT
            .refusal(InetAddress.getByName("169.254.169.254"))
            .orElseThrow()
            .contains("metadata"));
  }

  @Test
  void allowingPrivateAddressesStillRefusesTheMetadataAddresses() throws Exception {
    AddressGuard open = new AddressGuard(true, List.of());
    assertFalse(open.refusal(InetAddress.getByName("10.0.0.1")).isPresent());
    assertFalse(open.refusal(InetAddress.getByName("127.0.0.1")).isPresent());
    assertTrue(open.refusal(InetAddress.getByName("169.254.169.254")).isPresent());
    assertTrue(open.refusal(InetAddress.getByName("fd00:ec2::254")).isPresent());
  }

  @Test
  void anAllowedRangeOpensExactlyThatRange() throws Exception {
    AddressGuard ranges = new AddressGuard(false, List.of("10.20.0.0/16", "169.254.169.254/32"));
    assertFalse(ranges.refusal(InetAddress.getByName("10.20.3.4")).isPresent());
    assertTrue(ranges.refusal(InetAddress.getByName("10.21.0.1")).isPresent());
    assertFalse(ranges.refusal(InetAddress.getByName("169.254.169.254")).isPresent());
    assertTrue(ranges.refusal(InetAddress.getByName("127.0.0.1")).isPresent());
  }

  /** The check after DNS resolution, at delivery: a refused address is never called. */
  @Test
  void aDeliveryToARefusedAddressFailsWithoutCallingIt() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/",
        exchange -> {
          calls.incrementAndGet();
          exchange.sendResponseHeaders(200, -1);
          exchange.close();
        });
    server.start();
    try {
      String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
      WebhookStore.Claim claim =
          new WebhookStore.Claim(
              1, 1, url, "whsec_" + "A".repeat(44), "msg_1_1", "site.changed", "{}", 0, null);
      WebhookSender strict =
          new WebhookSender(STRICT, Duration.ofSeconds(1), Duration.ofSeconds(1));
      WebhookSender.Result refused = strict.send(claim);
      assertEquals(WebhookSender.Verdict.FAIL, refused.verdict());
      assertNull(refused.statusCode());
      assertTrue(
          refused.error().startsWith("address refused: 127.0.0.1 is a loopback address"),
          refused.error());
      assertEquals(0, calls.get());
      // The same claim with loopback allowed arrives, so the refusal was the guard's doing.
      WebhookSender allowed =
          new WebhookSender(
              new AddressGuard(false, List.of("127.0.0.0/8", "::1/128")),
              Duration.ofSeconds(1),
              Duration.ofSeconds(1));
      assertEquals(WebhookSender.Verdict.DELIVERED, allowed.send(claim).verdict());
      assertEquals(1, calls.get());
    } finally {
      server.stop(0);
    }
  }

  @Test
  void retryCeilingsDoubleUpToTheCap() {
    RetryPolicy policy =
        new RetryPolicy(
            Duration.ofMillis(200), Duration.ofSeconds(2), Duration.ofSeconds(30), () -> 1.0);
    List<Long> ceilings =
        List.of(1, 2, 3, 4, 5, 6, 20).stream().map(n -> policy.ceiling(n).toMillis()).toList();
    assertEquals(List.of(200L, 400L, 800L, 1600L, 2000L, 2000L, 2000L), ceilings);
  }

  @Test
  void fullJitterDrawsBetweenZeroAndTheCeiling() {
    RetryPolicy top =
        new RetryPolicy(Duration.ofSeconds(10), Duration.ofHours(1), Duration.ofDays(1), () -> 1.0);
    RetryPolicy bottom =
        new RetryPolicy(Duration.ofSeconds(10), Duration.ofHours(1), Duration.ofDays(1), () -> 0.0);
    RetryPolicy middle =
        new RetryPolicy(Duration.ofSeconds(10), Duration.ofHours(1), Duration.ofDays(1), () -> 0.5);
    assertEquals(Duration.ofSeconds(40), top.delay(3));
    assertEquals(Duration.ofMillis(1), bottom.delay(3));
    assertEquals(Duration.ofSeconds(20), middle.delay(3));
    assertEquals(Duration.ofHours(1), top.delay(30));
  }

  @Test
  void aDeliveryFailsOnceTheRetryPeriodIsOver() {
    RetryPolicy policy =
        new RetryPolicy(Duration.ofSeconds(10), Duration.ofHours(1), Duration.ofHours(24), () -> 1);
    Instant first = Instant.parse("2026-06-01T00:00:00Z");
    assertEquals(
        first.plusSeconds(3600 + 10), policy.next(first, first.plusSeconds(3600), 1, null).get());
    assertTrue(
        policy.next(first, first.plus(Duration.ofHours(23).plusMinutes(59)), 20, null).isEmpty());
    // A Retry-After is honoured as given, within the period.
    assertEquals(
        first.plusSeconds(120), policy.next(first, first, 1, Duration.ofSeconds(120)).get());
    assertTrue(policy.next(first, first, 1, Duration.ofHours(25)).isEmpty());
  }

  @Test
  void readsRetryAfterAsSecondsOrAnHttpDate() {
    Instant now = Instant.parse("2026-06-01T08:00:00Z");
    assertEquals(Duration.ofSeconds(7), RetryPolicy.retryAfter("7", now));
    String date =
        DateTimeFormatter.RFC_1123_DATE_TIME.format(now.plusSeconds(90).atOffset(ZoneOffset.UTC));
    assertEquals(Duration.ofSeconds(90), RetryPolicy.retryAfter(date, now));
    assertEquals(Duration.ZERO, RetryPolicy.retryAfter("Mon, 01 Jun 2026 07:00:00 GMT", now));
    assertNull(RetryPolicy.retryAfter("soon", now));
    assertNull(RetryPolicy.retryAfter(null, now));
  }
}
