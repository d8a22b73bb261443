package io.newsdesk.webhook;

import io.newsdesk.config.NewsdeskConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/**
 * Refuses webhook targets inside the network: a URL whose host resolves to a loopback, private,
 * link-local (cloud metadata), unique-local, carrier-grade NAT, multicast or unspecified address,
 * IPv4-mapped IPv6 forms included. Checked when a webhook is saved and again before each delivery,
 * since DNS can change in between.
 */
@ApplicationScoped
class TargetGuard {

  private final boolean allowPrivate;

  @jakarta.inject.Inject
  TargetGuard(NewsdeskConfig config) {
    this(config.webhooks().allowPrivateTargets());
  }

  TargetGuard(boolean allowPrivate) {
    this.allowPrivate = allowPrivate;
  }

  /** Hosts made of numbers only: decimal, octal or hex parts, dotted or not. */
  private static final Pattern NUMERIC_HOST =
      Pattern.compile("(?i)(0x[0-9a-f]*|[0-9]+)(\\.(0x[0-9a-f]*|[0-9]+))*\\.?");

  /** Plain dotted decimal, the one IPv4 form every resolver reads alike. */
  private static final Pattern DOTTED_QUAD =
      Pattern.compile(
          "((25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])\\.){3}"
              + "(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])");

  /**
   * A numeric host in any other form: {@code 0177.0.0.1} is 127.0.0.1 to some resolvers and
   * 177.0.0.1 to others, so no check can be sure what it reaches.
   */
  private static boolean ambiguousIpv4(String host) {
    return NUMERIC_HOST.matcher(host).matches() && !DOTTED_QUAD.matcher(host).matches();
  }

  /** Null if the target may be called, else why not. */
  String refusal(String url) {
    URI uri;
    try {
      uri = URI.create(url);
    } catch (IllegalArgumentException e) {
      return "is not a valid URL";
    }
    if (uri.getHost() == null
        || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
      return "must be an http or https URL with a host";
    }
    if (uri.getUserInfo() != null) {
      return "must not contain credentials";
    }
    if (ambiguousIpv4(uri.getHost())) {
      return "has an IPv4 address in a non-standard form (octal, hex or shortened)";
    }
    InetAddress[] addresses;
    try {
      addresses = InetAddress.getAllByName(uri.getHost());
    } catch (UnknownHostException e) {
      return "has a host that does not resolve";
    }
    if (allowPrivate) {
      return null;
    }
    for (InetAddress address : addresses) {
      if (internal(address)) {
        return "resolves to an internal address ("
            + address.getHostAddress()
            + "); set newsdesk.webhooks.allow-private-targets=true to allow it";
      }
    }
    return null;
  }

  /**
   * Whether {@code address} lies inside a network rather than on the public internet. IPv6 forms
   * that carry an IPv4 address (IPv4-compatible {@code ::a.b.c.d}, mapped {@code ::ffff:a.b.c.d},
   * NAT64 {@code 64:ff9b::/96}, 6to4 {@code 2002::/16}) are judged by that address; local NAT64,
   * Teredo and discard prefixes are refused outright.
   */
  static boolean internal(InetAddress address) {
    if (address.isLoopbackAddress()
        || address.isSiteLocalAddress()
        || address.isLinkLocalAddress()
        || address.isAnyLocalAddress()
        || address.isMulticastAddress()) {
      return true;
    }
    byte[] b = address.getAddress();
    return address instanceof Inet6Address ? internalV6(b) : internalV4(b, 0);
  }

  private static boolean internalV6(byte[] b) {
    int first16 = (b[0] & 0xff) << 8 | (b[1] & 0xff);
    int second16 = (b[2] & 0xff) << 8 | (b[3] & 0xff);
    if ((b[0] & 0xfe) == 0xfc) {
      return true; // fc00::/7 unique local
    }
    if (zeros(b, 0, 10) && ((b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff || zeros(b, 10, 12))) {
      return internalV4(b, 12); // ::ffff:a.b.c.d mapped, ::a.b.c.d compatible
    }
    if (first16 == 0x0064 && second16 == 0xff9b) {
      // 64:ff9b::/96 well-known NAT64 prefix; 64:ff9b:1::/48 is for local use
      return !zeros(b, 4, 12) || internalV4(b, 12);
    }
    if (first16 == 0x2002) {
      return internalV4(b, 2); // 6to4: the IPv4 address follows the prefix
    }
    return first16 == 0x2001 && second16 == 0x0000 // Teredo: a tunnel to anywhere
        || first16 == 0x0100 && zeros(b, 2, 8) // 100::/64 discard-only
        || first16 == 0x2001 && second16 == 0x0db8; // documentation
  }

  /** The IPv4 address at {@code b[at..at+3]}: private, reserved or special-purpose ranges. */
  private static boolean internalV4(byte[] b, int at) {
    int a = b[at] & 0xff;
    int s = b[at + 1] & 0xff;
    int t = b[at + 2] & 0xff;
    return a == 0 // 0/8 "this network"
        || a == 10
        || a == 127
        || a == 100 && s >= 64 && s < 128 // 100.64/10 carrier-grade NAT
        || a == 169 && s == 254 // link-local, cloud metadata
        || a == 172 && s >= 16 && s < 32
        || a == 192 && s == 168
        || a == 192 && s == 0 && (t == 0 || t == 2) // IETF protocol assignments, TEST-NET-1
        || a == 198 && (s == 18 || s == 19) // 198.18/15 benchmarking
        || a == 198 && s == 51 && t == 100 // TEST-NET-2
        || a == 203 && s == 0 && t == 113 // TEST-NET-3
        || a >= 224; // multicast, reserved, broadcast
  }

  private static boolean zeros(byte[] b, int from, int to) {
    for (int i = from; i < to; i++) {
      if (b[i] != 0) {
        return false;
      }
    }
    return true;
  }
}
