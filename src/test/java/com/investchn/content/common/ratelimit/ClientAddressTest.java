package com.investchn.content.common.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Which address a request is limited as, behind trusted proxies or not. */
class ClientAddressTest {

  private static final ClientAddress BEHIND_PROXIES =
      new ClientAddress(true, true, true, List.of("10.0.0.0/8", "192.168.1.5", "fd00::/8"));

  @Test
  void withoutForwardingThePeerIsTheClientWhateverItSends() {
    ClientAddress direct = new ClientAddress(false, true, true, List.of());
    assertEquals("10.1.2.3", direct.resolve("10.1.2.3", List.of(), List.of("198.51.100.1")));
  }

  @Test
  void behindTrustedProxiesTheFirstUntrustedAddressFromTheRightIsTheClient() {
    assertEquals(
        "198.51.100.1",
        BEHIND_PROXIES.resolve("10.0.0.1", List.of(), List.of("203.0.113.9, 198.51.100.1")));
    assertEquals(
        "198.51.100.1",
        BEHIND_PROXIES.resolve(
            "10.0.0.1", List.of(), List.of("203.0.113.9, 198.51.100.1:4711, 192.168.1.5")));
    // Every hop trusted: the leftmost is as far back as anyone can tell.
    assertEquals(
        "10.9.9.9", BEHIND_PROXIES.resolve("10.0.0.1", List.of(), List.of("10.9.9.9, 10.0.0.2")));
    // No header at all: the proxy itself.
    assertEquals("10.0.0.1", BEHIND_PROXIES.resolve("10.0.0.1", List.of(), List.of()));
  }

  @Test
  void anUntrustedPeerIsTheClientWhateverItForwards() {
    assertEquals(
        "198.51.100.7", BEHIND_PROXIES.resolve("198.51.100.7", List.of(), List.of("203.0.113.9")));
  }

  @Test
  void forwardedIsReadLikeXForwardedForAndAddressesAreNormalised() {
    assertEquals(
        "2001:db8:0:0:0:0:0:1",
        BEHIND_PROXIES.resolve(
            "10.0.0.1",
            List.of("for=192.0.2.60;proto=http, for=\"[2001:db8::1]:4711\""),
            List.of("203.0.113.1")));
    assertEquals("_hidden", BEHIND_PROXIES.resolve("10.0.0.1", List.of("for=_hidden"), List.of()));
    assertEquals(
        "198.51.100.3",
        BEHIND_PROXIES.resolve("fd00::1", List.of(), List.of("198.51.100.3, fd00::2")));
  }

  @Test
  void aTrustedProxyMayBeNamedByHostAndAMalformedEntryTrustsNobody() {
    ClientAddress named = new ClientAddress(true, false, true, List.of("localhost"));
    assertEquals("198.51.100.1", named.resolve("127.0.0.1", List.of(), List.of("198.51.100.1")));
    ClientAddress malformed = new ClientAddress(true, false, true, List.of("10.0.0.0/abc"));
    assertEquals("10.0.0.1", malformed.resolve("10.0.0.1", List.of(), List.of("198.51.100.1")));
  }
}
