package io.newsdesk.webhook;

import io.newsdesk.config.NewsdeskConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;

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

  static boolean internal(InetAddress address) {
    if (address.isLoopbackAddress()
        || address.isSiteLocalAddress()
        || address.isLinkLocalAddress()
        || address.isAnyLocalAddress()
        || address.isMulticastAddress()) {
      return true;
    }
    byte[] b = address.getAddress();
    if (address instanceof Inet6Address) {
      if ((b[0] & 0xfe) == 0xfc) {
        return true; // fc00::/7 unique local
      }
      boolean mapped = true;
      for (int i = 0; i < 10; i++) {
        mapped &= b[i] == 0;
      }
      if (mapped && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) {
        try {
          byte[] v4 = {b[12], b[13], b[14], b[15]};
          return internal(InetAddress.getByAddress(v4)); // ::ffff:a.b.c.d
        } catch (UnknownHostException e) {
          return true;
        }
      }
      return false;
    }
    int first = b[0] & 0xff;
    int second = b[1] & 0xff;
    return first == 0 || (first == 100 && second >= 64 && second < 128); // 0/8, 100.64/10
  }
}
