package io.newsdesk.web;

import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jboss.logging.MDC;

/**
 * Gives every request an id: the caller's {@code X-Request-Id} when it is a plain token, a new one
 * otherwise. It is echoed in the response and put in the logging context, so every log line of the
 * request carries it (also on worker threads: Quarkus keeps the context with the request).
 */
@ApplicationScoped
class RequestIds {

  static final String HEADER = "X-Request-Id";
  static final int ORDER = Integer.MIN_VALUE;
  private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._:-]{1,100}");

  void install(@Observes Router router) {
    router
        .route()
        .order(ORDER)
        .handler(
            context -> {
              String sent = context.request().getHeader(HEADER);
              String id =
                  sent != null && SAFE.matcher(sent).matches()
                      ? sent
                      : UUID.randomUUID().toString();
              MDC.put("requestId", id);
              context.response().putHeader(HEADER, id);
              context.addEndHandler(done -> MDC.remove("requestId"));
              context.next();
            });
  }
}
