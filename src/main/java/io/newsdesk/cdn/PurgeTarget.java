package io.newsdesk.cdn;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsdesk.config.NewsdeskConfig;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * One place purges go, by name (what the outbox stores), and the HTTP request that purges a batch
 * of surrogate keys there, at most {@code keysPerRequest} keys each.
 */
record PurgeTarget(String name, int keysPerRequest, Function<List<String>, HttpRequest> request) {

  /** The targets the settings name, in a stable order. */
  static List<PurgeTarget> configured(NewsdeskConfig.Cdn cdn, ObjectMapper json) {
    Duration timeout = cdn.timeout();
    List<PurgeTarget> targets = new ArrayList<>();
    for (URI base : cdn.varnishUrls().orElse(List.of())) {
      targets.add(varnish(base, timeout));
    }
    if (cdn.fastly().serviceId().isPresent()) {
      targets.add(fastly(cdn.fastly(), json, timeout));
    }
    if (cdn.cloudflare().zoneId().isPresent()) {
      targets.add(cloudflare(cdn.cloudflare(), json, timeout));
    }
    Map<String, PurgeTarget> byName = new java.util.LinkedHashMap<>();
    targets.forEach(target -> byName.putIfAbsent(target.name(), target));
    return List.copyOf(byName.values());
  }

  /** Varnish with xkey ({@code docker/varnish/default.vcl}): {@code PURGE}, keys in a header. */
  static PurgeTarget varnish(URI base, Duration timeout) {
    URI root = base.getPath().isEmpty() ? base.resolve("/") : base;
    return new PurgeTarget(
        "varnish " + root,
        64, // a header line of a few KB, well under Varnish's limit
        keys ->
            HttpRequest.newBuilder(root)
                .timeout(timeout)
                .method("PURGE", HttpRequest.BodyPublishers.noBody())
                .header("xkey-purge", String.join(" ", keys))
                .build());
  }

  /** Fastly's purge by surrogate keys: up to 256 keys a call, authenticated by an API token. */
  static PurgeTarget fastly(NewsdeskConfig.Cdn.Fastly fastly, ObjectMapper json, Duration timeout) {
    URI uri =
        URI.create(
            withoutSlash(fastly.apiUrl())
                + "/service/"
                + fastly.serviceId().orElseThrow()
                + "/purge");
    String token = required(fastly.apiToken(), "newsdesk.cdn.fastly.api-token");
    return new PurgeTarget(
        "fastly",
        256,
        keys -> jsonPost(uri, timeout, json, Map.of("surrogate_keys", keys), "Fastly-Key", token));
  }

  /** Cloudflare's purge by cache tags: up to 30 tags a call, authenticated by an API token. */
  static PurgeTarget cloudflare(
      NewsdeskConfig.Cdn.Cloudflare cloudflare, ObjectMapper json, Duration timeout) {
    URI uri =
        URI.create(
            withoutSlash(cloudflare.apiUrl())
                + "/zones/"
                + cloudflare.zoneId().orElseThrow()
                + "/purge_cache");
    String token = required(cloudflare.apiToken(), "newsdesk.cdn.cloudflare.api-token");
    return new PurgeTarget(
        "cloudflare",
        30,
        keys ->
            jsonPost(uri, timeout, json, Map.of("tags", keys), "Authorization", "Bearer " + token));
  }

  /** The requests that purge {@code keys}, in batches the target accepts. */
  List<HttpRequest> requests(List<String> keys) {
    List<HttpRequest> requests = new ArrayList<>();
    for (int from = 0; from < keys.size(); from += keysPerRequest) {
      requests.add(request.apply(keys.subList(from, Math.min(keys.size(), from + keysPerRequest))));
    }
    return requests;
  }

  /** A purge API call: {@code body} as JSON, authenticated by one header. */
  private static HttpRequest jsonPost(
      URI uri, Duration timeout, ObjectMapper json, Object body, String auth, String credential) {
    try {
      return HttpRequest.newBuilder(uri)
          .timeout(timeout)
          .header(auth, credential)
          .header("Content-Type", "application/json")
          .header("Accept", "application/json")
          .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body)))
          .build();
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("A list of keys is always JSON", e);
    }
  }

  private static String withoutSlash(URI uri) {
    String text = uri.toString();
    return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
  }

  private static String required(java.util.Optional<String> value, String name) {
    return value.orElseThrow(
        () -> new IllegalStateException(name + " must be set to purge that CDN"));
  }
}
