package io.newsdesk;

import io.newsdesk.cache.Delivery;
import io.newsdesk.cache.Reply;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * A test-only delivery read (under /api/v1/, so the HTTP layer treats it as one) that holds its
 * turn until {@link #release} opens.
 */
@Path("/api/v1/test-only/slow-read/{n}")
@PermitAll
public class SlowReadResource {

  static volatile CountDownLatch release = new CountDownLatch(0);
  static final AtomicInteger inside = new AtomicInteger();
  static final AtomicInteger calls = new AtomicInteger();
  static final AtomicInteger mostAtOnce = new AtomicInteger();

  private final Delivery delivery;

  SlowReadResource(Delivery delivery) {
    this.delivery = delivery;
  }

  @GET
  @Operation(hidden = true)
  public RestResponse<io.vertx.core.buffer.Buffer> read(
      @PathParam("n") int n, @Context HttpServerRequest request) {
    calls.incrementAndGet();
    return delivery.respond(
        request,
        () -> {
          mostAtOnce.accumulateAndGet(inside.incrementAndGet(), Math::max);
          try {
            if (!release.await(30, TimeUnit.SECONDS)) {
              throw new IllegalStateException("the test never released the read");
            }
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
          } finally {
            inside.decrementAndGet();
          }
          return Reply.bytes(
              ("read " + n).getBytes(StandardCharsets.UTF_8), "text/plain", List.of());
        });
  }
}
