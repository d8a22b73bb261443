package io.newsdesk.web;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Every byte a client sends as text must be valid UTF-8: JSON bodies and paths here, query strings
 * in QueryText. Jackson decodes overlong forms without complaint ({@code C0 BC} became {@code <},
 * slipping past any check on the raw bytes), and the HTTP layer turns invalid percent-escapes into
 * U+FFFD silently. The JDK's strict decoder decides, and anything it refuses is a 400.
 */
@Provider
public class StrictUtf8 implements ReaderInterceptor {

  /** Whether {@code bytes} are well-formed UTF-8 (no overlong forms, surrogates or stray bytes). */
  public static boolean valid(byte[] bytes, int length) {
    try {
      decoder().decode(ByteBuffer.wrap(bytes, 0, length));
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
  }

  /** The 400 for a body that is not UTF-8. */
  public static ProblemException invalidBody() {
    return new ProblemException(
        400,
        "/problems/invalid-encoding",
        "Invalid encoding",
        "The body is not valid UTF-8",
        null,
        Map.of());
  }

  private static CharsetDecoder decoder() {
    return StandardCharsets.UTF_8
        .newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
  }

  /**
   * JSON bodies (application/json, merge patches) are checked as they are read; NDJSON imports
   * check each line themselves, and images are not text.
   */
  @Override
  public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
    MediaType type = context.getMediaType();
    if (type != null && (type.getSubtype().equals("json") || type.getSubtype().endsWith("+json"))) {
      context.setInputStream(new Checked(context.getInputStream()));
    }
    return context.proceed();
  }

  /**
   * Paths, once the route is known, so the 400 names the parameter ({@code slug}): the HTTP layer
   * decoded the invalid bytes to U+FFFD, which marks the parameter they were in.
   */
  @ServerRequestFilter
  void refuseInvalidPathEscapes(ContainerRequestContext request) {
    String path = request.getUriInfo().getRequestUri().getRawPath();
    if (path == null || percentDecodesToUtf8(path)) {
      return;
    }
    String field = "path";
    for (var parameter : request.getUriInfo().getPathParameters().entrySet()) {
      if (parameter.getValue().stream().anyMatch(v -> v.indexOf('\uFFFD') >= 0)) {
        field = parameter.getKey();
      }
    }
    throw ProblemException.invalid(field, "must be valid UTF-8 once percent-decoded");
  }

  /** Whether percent-escapes and all, {@code raw} decodes to valid UTF-8. */
  static boolean percentDecodesToUtf8(String raw) {
    if (raw.indexOf('%') < 0) {
      return true; // the HTTP layer refuses raw bytes outside ASCII in a request line
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      int high = i + 2 < raw.length() ? Character.digit(raw.charAt(i + 1), 16) : -1;
      int low = i + 2 < raw.length() ? Character.digit(raw.charAt(i + 2), 16) : -1;
      if (c == '%' && high >= 0 && low >= 0) {
        bytes.write(high * 16 + low);
        i += 2;
      } else {
        byte[] encoded = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
        bytes.write(encoded, 0, encoded.length);
      }
    }
    return valid(bytes.toByteArray(), bytes.size());
  }

  /**
   * Passes bytes through unchanged while a strict decoder reads along; a sequence split between two
   * reads is carried over, and one cut off by the end of the body is an error too.
   */
  static final class Checked extends FilterInputStream {

    private final CharsetDecoder decoder = decoder();
    private final CharBuffer sink = CharBuffer.allocate(4096);
    private ByteBuffer carried = ByteBuffer.allocate(0);

    Checked(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      int n = read(one, 0, 1);
      return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = super.read(buffer, offset, length);
      check(buffer, offset, Math.max(n, 0), n < 0);
      return n;
    }

    private void check(byte[] buffer, int offset, int count, boolean end) {
      ByteBuffer in = ByteBuffer.allocate(carried.remaining() + count);
      in.put(carried).put(buffer, offset, count).flip();
      CoderResult result;
      do {
        sink.clear();
        result = decoder.decode(in, sink, end);
        if (result.isError()) {
          throw invalidBody();
        }
      } while (result.isOverflow());
      if (end && in.hasRemaining()) {
        throw invalidBody();
      }
      carried = in.slice();
    }
  }
}
