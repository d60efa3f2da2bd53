package com.investchn.content.webhook;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Keeps webhook deliveries off addresses a partner must not make this service call: loopback,
 * private, link-local, CGNAT, unspecified, multicast and the cloud metadata addresses, unless the
 * configuration allows them. Checked at registration and again after DNS resolution before every
 * attempt, so a name that later resolves to an internal address is still refused.
 */
final class AddressGuard {

  /** Always refused unless an allowed range names them: they hand out cloud credentials. */
  private static final List<Cidr> METADATA =
      List.of(Cidr.parse("169.254.169.254/32"), Cidr.parse("fd00:ec2::254/128"));

  private static final List<Named> NON_PUBLIC =
      List.of(
          new Named("0.0.0.0/8", "an unspecified (this-network) address"),
          new Named("127.0.0.0/8", "a loopback address"),
          new Named("10.0.0.0/8", "a private address"),
          new Named("172.16.0.0/12", "a private address"),
          new Named("192.168.0.0/16", "a private address"),
          new Named("100.64.0.0/10", "a carrier-grade NAT address"),
          new Named("169.254.0.0/16", "a link-local address"),
          new Named("192.0.0.0/24", "an IETF protocol address"),
          new Named("198.18.0.0/15", "a benchmarking address"),
          new Named("224.0.0.0/4", "a multicast address"),
          new Named("240.0.0.0/4", "a reserved address"),
          new Named("::/128", "an unspecified address"),
          new Named("::1/128", "a loopback address"),
          new Named("fc00::/7", "a private (unique local) address"),
          new Named("fe80::/10", "a link-local address"),
          new Named("ff00::/8", "a multicast address"));

  private final boolean allowPrivate;
  private final List<Cidr> allowed;

  AddressGuard(boolean allowPrivate, List<String> allowedCidrs) {
    this.allowPrivate = allowPrivate;
    this.allowed = allowedCidrs.stream().map(String::strip).map(Cidr::parse).toList();
  }

  /** Why this address is refused, or empty when a delivery may go there. */
  Optional<String> refusal(InetAddress address) {
    InetAddress plain = unmapped(address);
    for (Cidr range : allowed) {
      if (range.contains(plain)) {
        return Optional.empty();
      }
    }
    for (Cidr metadata : METADATA) {
      if (metadata.contains(plain)) {
        return Optional.of(
            plain.getHostAddress() + " is a cloud metadata address, which is never called");
      }
    }
    if (allowPrivate) {
      return Optional.empty();
    }
    for (Named range : NON_PUBLIC) {
      if (range.cidr().contains(plain)) {
        return Optional.of(
            plain.getHostAddress()
                + " is "
                + range.what()
                + " ("
                + range.text()
                + "), which is not allowed for webhooks");
      }
    }
    return Optional.empty();
  }

  /**
   * Resolves the host and checks every address it has; a name with one refused address is refused.
   *
   * @throws UnknownHostException when the name does not resolve
   */
  List<InetAddress> check(String host) throws UnknownHostException, RefusedAddressException {
    InetAddress[] addresses = InetAddress.getAllByName(host);
    List<InetAddress> checked = new ArrayList<>(addresses.length);
    for (InetAddress address : addresses) {
      Optional<String> refusal = refusal(address);
      if (refusal.isPresent()) {
        throw new RefusedAddressException(
            (host.equals(address.getHostAddress()) ? "" : host + " resolves to ") + refusal.get());
      }
      checked.add(address);
    }
    return checked;
  }

  /** An IPv4 address written as IPv6 (::ffff:10.0.0.1) is judged as the IPv4 address. */
  private static InetAddress unmapped(InetAddress address) {
    if (address instanceof Inet6Address) {
      byte[] bytes = address.getAddress();
      boolean mapped = true;
      for (int i = 0; i < 10; i++) {
        mapped &= bytes[i] == 0;
      }
      mapped &= (bytes[10] & 0xff) == 0xff && (bytes[11] & 0xff) == 0xff;
      if (mapped) {
        try {
          return InetAddress.getByAddress(new byte[] {bytes[12], bytes[13], bytes[14], bytes[15]});
        } catch (UnknownHostException e) {
          return address;
        }
      }
    }
    return address;
  }

  /** A host whose address is refused. */
  static final class RefusedAddressException extends Exception {
    RefusedAddressException(String message) {
      super(message, null, false, false);
    }
  }

  private record Named(Cidr cidr, String what, String text) {
    Named(String text, String what) {
      this(Cidr.parse(text), what, text);
    }
  }

  /** An address range in CIDR notation. */
  record Cidr(byte[] network, int prefix) {

    static Cidr parse(String text) {
      int slash = text.indexOf('/');
      String address = slash < 0 ? text : text.substring(0, slash);
      if (!address.matches("[0-9a-fA-F:.]+")) {
        throw new IllegalArgumentException("Not an IP range: " + text);
      }
      byte[] bytes;
      try {
        bytes = InetAddress.getByName(address).getAddress();
      } catch (UnknownHostException e) {
        throw new IllegalArgumentException("Not an IP range: " + text, e);
      }
      int prefix = slash < 0 ? bytes.length * 8 : Integer.parseInt(text.substring(slash + 1));
      if (prefix < 0 || prefix > bytes.length * 8) {
        throw new IllegalArgumentException("Bad prefix length in " + text);
      }
      return new Cidr(bytes, prefix);
    }

    boolean contains(InetAddress address) {
      byte[] bytes = address.getAddress();
      if (bytes.length != network.length
          || (address instanceof Inet4Address) != (network.length == 4)) {
        return false;
      }
      int full = prefix / 8;
      for (int i = 0; i < full; i++) {
        if (bytes[i] != network[i]) {
          return false;
        }
      }
      int rest = prefix % 8;
      if (rest == 0) {
        return true;
      }
      int mask = (0xff << (8 - rest)) & 0xff;
      return (bytes[full] & mask) == (network[full] & mask);
    }
  }
}
