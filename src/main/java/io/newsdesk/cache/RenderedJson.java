package io.newsdesk.cache;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.JsonSerializable;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.jsontype.TypeSerializer;
import java.io.IOException;

/**
 * A JSON body that is already serialized: Jackson, which the REST layer picks for every JSON
 * response type, copies its bytes out as they are, so a delivery response is serialized once (for
 * its ETag and the cache) and not a second time for sending.
 */
final class RenderedJson implements JsonSerializable {

  private final byte[] utf8;

  RenderedJson(byte[] utf8) {
    this.utf8 = utf8;
  }

  @Override
  public void serialize(JsonGenerator gen, SerializerProvider serializers) throws IOException {
    gen.writeRawValue(new Utf8(utf8));
  }

  @Override
  public void serializeWithType(
      JsonGenerator gen, SerializerProvider serializers, TypeSerializer typeSer)
      throws IOException {
    serialize(gen, serializers);
  }

  /** Raw UTF-8 that Jackson appends to its output without encoding it again. */
  private static final class Utf8 extends SerializedString {
    Utf8(byte[] utf8) {
      super("");
      _unquotedUTF8Ref = utf8;
    }
  }
}
