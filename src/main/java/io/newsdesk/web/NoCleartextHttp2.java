package io.newsdesk.web;

import io.quarkus.vertx.http.HttpServerOptionsCustomizer;
import io.vertx.core.http.HttpServerOptions;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Plain-HTTP clients get HTTP/1.1; HTTP/2 stays on for TLS. Over cleartext (h2c, asked for by an
 * {@code Upgrade} header, as Java's HttpClient and {@code curl --http2} do), responses written at
 * once on the event loop from memory (cached renditions) broke the upgraded connection about one
 * time in twenty ("exceeds MAX_FRAME_SIZE" in the client), while the same requests over HTTP/1.1
 * never fail. Browsers and CDNs never use h2c, so nothing is lost; the client simply stays on 1.1.
 */
@ApplicationScoped
class NoCleartextHttp2 implements HttpServerOptionsCustomizer {

  @Override
  public void customizeHttpServer(HttpServerOptions options) {
    options.setHttp2ClearTextEnabled(false);
  }
}
