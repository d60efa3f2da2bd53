package com.investchn.content.common.ratelimit;

import io.netty.util.NetUtil;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jboss.logging.Logger;

/**
 * The address a rate limit is kept for. Without forwarding (the default) it is the connection's
 * peer. With {@code quarkus.http.proxy.proxy-address-forwarding} on and the peer a trusted proxy,
 * it is the first address of Forwarded ({@code for=}) or X-Forwarded-For, read from the right, that
 * is not a trusted proxy itself: each proxy appends the address it received the request from, so
 * only the entries that trusted proxies appended are facts, and anything a client wrote to the left
 * of them is ignored. Quarkus's own resolved remote address is the leftmost entry, which the client
 * chooses, so it is not used here.
 *
 * <p>Trusted proxies are the addresses and CIDR ranges of {@code
 * quarkus.http.proxy.trusted-proxies} (host names are not resolved here; list addresses); as in
 * Quarkus, none listed trusts every peer.
 */
final class ClientAddress {

  private static final Logger LOG = Logger.getLogger(ClientAddress.class);
  private static final int MAX_SHOWN = 64;

  private final boolean forwarding;
  private final boolean allowForwarded;
  private final boolean allowXForwarded;
  private final boolean trustEveryPeer;
  private final List<Range> trusted;

  ClientAddress(
      boolean forwarding, boolean allowForwarded, boolean allowXForwarded, List<String> trusted) {
    this.forwarding = forwarding;
    this.allowForwarded = allowForwarded;
    this.allowXForwarded = allowXForwarded;
    this.trustEveryPeer = trusted.isEmpty();
    List<Range> ranges = new ArrayList<>();
    for (String entry : trusted) {
      ranges.addAll(Range.parseOrResolve(entry.trim()));
    }
    this.trusted = List.copyOf(ranges);
  }

  /** The client of a request as a key: a normalised address, or the proxies' word for it. */
  String of(HttpServerRequest request) {
    // The connection's peer, not request.remoteAddress(), which Quarkus may have replaced.
    SocketAddress peer = request.connection().remoteAddress();
    String peerAddress = peer == null ? "unknown" : peer.hostAddress();
    return resolve(
        peerAddress,
        request.headers().getAll("Forwarded"),
        request.headers().getAll("X-Forwarded-For"));
  }

  String resolve(String peer, List<String> forwarded, List<String> xForwardedFor) {
    String normalisedPeer = normalise(peer);
    if (!forwarding || !isTrusted(normalisedPeer)) {
      return normalisedPeer;
    }
    List<String> chain = new ArrayList<>();
    if (allowForwarded && !forwarded.isEmpty()) {
      for (String header : forwarded) {
        for (String element : header.split(",")) {
          String forValue = forParameter(element);
          if (forValue != null) {
            chain.add(forValue);
          }
        }
      }
    } else if (allowXForwarded && !xForwardedFor.isEmpty()) {
      for (String header : xForwardedFor) {
        for (String element : header.split(",")) {
          if (!element.isBlank()) {
            chain.add(element.trim());
          }
        }
      }
    }
    String client = normalisedPeer;
    for (int i = chain.size() - 1; i >= 0; i--) {
      client = normalise(chain.get(i));
      if (!isTrusted(client)) {
        return client;
      }
    }
    // Every hop was a trusted proxy: the leftmost one is as far as anybody can tell.
    return client;
  }

  private boolean isTrusted(String address) {
    if (trustEveryPeer) {
      return true;
    }
    byte[] bytes = NetUtil.createByteArrayFromIpAddressString(address);
    if (bytes == null) {
      return false;
    }
    for (Range range : trusted) {
      if (range.contains(bytes)) {
        return true;
      }
    }
    return false;
  }

  /** The value of the {@code for} parameter of one Forwarded element, or null. */
  private static String forParameter(String element) {
    for (String pair : element.split(";")) {
      int equals = pair.indexOf('=');
      if (equals > 0 && pair.substring(0, equals).trim().equalsIgnoreCase("for")) {
        String value = pair.substring(equals + 1).trim();
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
          value = value.substring(1, value.length() - 1);
        }
        return value;
      }
    }
    return null;
  }

  /**
   * An address without port or brackets, in one canonical spelling; anything that is no address (an
   * obfuscated {@code _hidden}, {@code unknown}) is kept as a short lower-case token.
   */
  static String normalise(String value) {
    String text = value.trim();
    if (text.startsWith("[")) {
      int close = text.indexOf(']');
      text = close > 0 ? text.substring(1, close) : text.substring(1);
    } else if (text.indexOf(':') > 0 && text.indexOf(':') == text.lastIndexOf(':')) {
      // IPv4 with a port; an IPv6 address has more than one colon.
      text = text.substring(0, text.indexOf(':'));
    }
    byte[] bytes = NetUtil.createByteArrayFromIpAddressString(text);
    if (bytes != null) {
      try {
        return InetAddress.getByAddress(bytes).getHostAddress();
      } catch (UnknownHostException e) {
        // Not reached: the bytes have the length of an address.
      }
    }
    String token = text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._:-]", "_");
    return token.length() > MAX_SHOWN ? token.substring(0, MAX_SHOWN) : token;
  }

  /** An address or CIDR range of trusted proxies. */
  private record Range(byte[] network, int prefix) {

    /** An address or CIDR range; a host name is looked up once, here, as Quarkus does. */
    static List<Range> parseOrResolve(String entry) {
      Range range = parse(entry);
      if (range != null) {
        return List.of(range);
      }
      if (!entry.contains("/")) {
        try {
          List<Range> resolved = new ArrayList<>();
          for (InetAddress address : InetAddress.getAllByName(entry)) {
            resolved.add(parse(address.getHostAddress()));
          }
          return resolved;
        } catch (UnknownHostException e) {
          // Warned below.
        }
      }
      LOG.warnf(
          "Trusted proxy '%s' is no address, CIDR range or known host; the rate limits do not"
              + " trust it",
          entry);
      return List.of();
    }

    static Range parse(String entry) {
      String address = entry;
      int prefix = -1;
      int slash = entry.indexOf('/');
      if (slash > 0) {
        address = entry.substring(0, slash);
        try {
          prefix = Integer.parseInt(entry.substring(slash + 1));
        } catch (NumberFormatException e) {
          return null;
        }
      }
      byte[] bytes = NetUtil.createByteArrayFromIpAddressString(address);
      if (bytes == null) {
        return null;
      }
      int bits = bytes.length * 8;
      return new Range(bytes, prefix < 0 || prefix > bits ? bits : prefix);
    }

    boolean contains(byte[] address) {
      if (address.length != network.length) {
        return false;
      }
      int bits = network.length * 8;
      if (prefix == 0) {
        return true;
      }
      BigInteger mask =
          BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE.shiftLeft(bits - prefix));
      return new BigInteger(1, address).and(mask).equals(new BigInteger(1, network).and(mask));
    }
  }
}
