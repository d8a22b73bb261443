package io.newsdesk.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.io.IOException;

/** Rejects control characters (NUL among them) in every JSON string, before they reach a column. */
@Singleton
class JsonSetup implements ObjectMapperCustomizer {

  @Override
  public void customize(ObjectMapper mapper) {
    mapper.registerModule(
        new SimpleModule("newsdesk-strings").addDeserializer(String.class, new CleanStrings()));
  }

  /**
   * A string deserializer that refuses C0 control characters other than tab, line feed and return.
   */
  static final class CleanStrings extends StringDeserializer {
    @Override
    public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      String value = super.deserialize(p, ctxt);
      if (value != null) {
        for (int i = 0; i < value.length(); i++) {
          char c = value.charAt(i);
          if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0x7f) {
            throw new ControlCharacterException(p);
          }
        }
      }
      return value;
    }
  }

  /** A string with a control character; its message is written for clients. */
  static final class ControlCharacterException extends JsonMappingException {
    ControlCharacterException(JsonParser p) {
      super(p, "must not contain control characters such as NUL");
    }
  }
}
