package io.newsdesk.cache;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.newsdesk.config.NewsdeskConfig;
import io.newsdesk.replica.Replica;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * Turns what a delivery read produced into the HTTP response: serialized once, with a strong ETag
 * from the bytes (so it changes exactly when the content does), cache headers and surrogate keys, a
 * 304 for a matching conditional request, and a copy kept in the {@link ResponseCache} for the next
 * reader of the same URI.
 */
@ApplicationScoped
public class Delivery {

  /** Says whether a response came from memory (HIT) or was read for this request (MISS). */
  static final String X_CACHE = "X-Cache";

  private final ResponseCache cache;
  private final Replica replica;
  private final ObjectMapper json;
  private final Clock clock;
  private final String cacheControl;

  /** Concurrent misses of one URI: one reads and renders, the others share its response. */
  private final Flights<Rendered> flights = new Flights<>(Duration.ofSeconds(5));

  /** Reads running at once (newsdesk.delivery.concurrent-reads), in the order they came. */
  private final Semaphore reads;

  /** A read as rendered, shared by the requests that coalesced on it. */
  private record Rendered(Reply<?> reply, CachedResponse response) {}

  Delivery(
      ResponseCache cache,
      Replica replica,
      ObjectMapper json,
      Clock clock,
      NewsdeskConfig config,
      MeterRegistry metrics) {
    this.cache = cache;
    this.replica = replica;
    this.json = json;
    this.clock = clock;
    int concurrentReads =
        config.delivery().concurrentReads().orElse(2 * Runtime.getRuntime().availableProcessors());
    if (concurrentReads < 1) {
      throw new IllegalStateException(
          "newsdesk.delivery.concurrent-reads=" + concurrentReads + ": it must be at least 1");
    }
    this.reads = new Semaphore(concurrentReads, true);
    FunctionCounter.builder("newsdesk.delivery.coalesced", flights, Flights::shared)
        .description("Delivery requests that shared a concurrent request's read of the same URI")
        .register(metrics);
    Gauge.builder("newsdesk.delivery.queued", reads, Semaphore::getQueueLength)
        .description(
            "Delivery reads waiting now for their turn (newsdesk.delivery.concurrent-reads)")
        .register(metrics);
    Gauge.builder("newsdesk.delivery.waiting", flights, Flights::waiting)
        .description(
            "Delivery requests waiting now for a concurrent request's read of the same URI")
        .register(metrics);
    this.cacheControl =
        "public, max-age="
            + config.delivery().maxAge()
            + ", stale-while-revalidate="
            + config.delivery().staleWhileRevalidate();
  }

  /**
   * Responds with what {@code read} produces, and keeps it for the next request for the same URI.
   * The body goes out as the bytes that were hashed and cached, serialized once; the declared type
   * {@code T} still tells OpenAPI what they hold.
   */
  public <T> RestResponse<T> respond(HttpServerRequest request, Supplier<Reply<T>> read) {
    ResponseCache.Ticket ticket = cache.ticket();
    Rendered rendered =
        flights.run(
            request.uri(),
            ticket.generation(),
            () -> {
              reads.acquireUninterruptibly();
              try {
                Reply<T> fresh =
                    cache.refilling(request.uri(), () -> replica.read(ticket.generation(), read));
                Instant due = ticket.due();
                CachedResponse made =
                    render(
                        fresh,
                        fresh.validUntil != null && fresh.validUntil.isBefore(due)
                            ? fresh.validUntil
                            : due);
                cache.store(request.uri(), ticket, made, clock.instant());
                return new Rendered(fresh, made);
              } finally {
                reads.release();
              }
            });
    @SuppressWarnings("unchecked") // the same URI is the same operation, so the same T
    Reply<T> reply = (Reply<T>) rendered.reply();
    CachedResponse response = rendered.response();
    boolean notModified =
        response.notModified(
            request.getHeader("If-None-Match"), request.getHeader("If-Modified-Since"));
    boolean gzipped = response.gzipFor(request.getHeader("Accept-Encoding"));
    RestResponse.ResponseBuilder<T> builder =
        notModified
            ? RestResponse.ResponseBuilder.create(RestResponse.Status.NOT_MODIFIED)
            : RestResponse.ResponseBuilder.<T>create(response.status())
                .entity(reply.body == null ? null : bytes(reply, response.bytes(gzipped)));
    response.headers(cacheControl, gzipped).forEach(builder::header);
    builder.header(X_CACHE, "MISS");
    if (!notModified && response.contentType() != null) {
      builder.header("Content-Type", response.contentType());
    }
    if (!notModified && gzipped) {
      // set, not added: the HTTP layer marks every response "identity" until it decides to
      // compress, and a second value would be lost with it
      request.response().putHeader("Content-Encoding", "gzip");
    }
    return builder.build();
  }

  /**
   * The response being read right now for {@code uri} from the cache's current generation (nothing
   * was invalidated since that read began), for a request that waits for it on the event loop
   * instead of a worker thread; null when no such read is in flight. Completes exceptionally if the
   * read fails or takes longer than the requests' patience: then the request reads for itself.
   */
  CompletableFuture<CachedResponse> inFlight(String uri) {
    CompletableFuture<Rendered> flight = flights.joining(uri, cache.ticket().generation());
    return flight == null ? null : flight.thenApply(Rendered::response);
  }

  /**
   * What the REST layer writes, {@code bytes} exactly (the body as rendered, or gzipped): a {@link
   * Buffer} as it is, and for JSON, in place of the {@code T} it was rendered from ({@code T} is
   * erased at run time), a value that Jackson copies out byte for byte.
   */
  @SuppressWarnings("unchecked")
  private static <T> T bytes(Reply<T> reply, byte[] bytes) {
    return reply.body instanceof Buffer ? (T) Buffer.buffer(bytes) : (T) new RenderedJson(bytes);
  }

  String cacheControl() {
    return cacheControl;
  }

  private CachedResponse render(Reply<?> reply, Instant validUntil) {
    byte[] body =
        reply.body == null
            ? new byte[0]
            : reply.body instanceof Buffer buffer ? buffer.getBytes() : serialize(reply);
    String etag = reply.status == 200 ? etag(body) : null;
    return new CachedResponse(
        reply.status,
        CachedResponse.Body.of(body, reply.status == 200),
        reply.contentType,
        etag,
        reply.lastModified,
        reply.keys,
        Map.copyOf(reply.headers),
        validUntil);
  }

  private byte[] serialize(Reply<?> reply) {
    try {
      if (reply.fields == null) {
        return json.writeValueAsBytes(reply.body);
      }
      com.fasterxml.jackson.databind.node.ObjectNode tree = json.valueToTree(reply.body);
      if (reply.fieldsOfItems) {
        reply.fields.applyToItems(tree);
      } else {
        reply.fields.apply(tree);
      }
      return json.writeValueAsBytes(tree);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("A delivery view cannot be serialized", e);
    }
  }

  /** A strong ETag of {@code body}: what delivery responses and media renditions send. */
  public static String etag(byte[] body) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
      return '"'
          + Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, 18))
          + '"';
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JVM", e);
    }
  }
}
