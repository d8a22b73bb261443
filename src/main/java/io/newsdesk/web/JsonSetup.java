package io.newsdesk.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;

/**
 * Makes JSON input strict: no control characters (NUL among them) in strings, no duplicate keys,
 * nothing after the document ({@code {...} x} is not read as {@code {...}}), and no silent
 * coercions ({@code 1.5} or {@code "3"} for a whole number, {@code 5} for a string), so a client's
 * mistake is a 400 naming the field rather than data quietly changed.
 */
@Singleton
public class JsonSetup implements ObjectMapperCustomizer {

  /**
   * Runs after Quarkus's own customizers, so these deserializers win over the standard modules'.
   */
  @Override
  public int priority() {
    return MINIMUM_PRIORITY;
  }

  @Override
  public void customize(ObjectMapper mapper) {
    mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
    for (LogicalType type :
        new LogicalType[] {LogicalType.Integer, LogicalType.Float, LogicalType.Boolean}) {
      mapper.coercionConfigFor(type).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
    }
    for (CoercionInputShape shape :
        new CoercionInputShape[] {
          CoercionInputShape.Integer, CoercionInputShape.Float, CoercionInputShape.Boolean
        }) {
      mapper.coercionConfigFor(LogicalType.Textual).setCoercion(shape, CoercionAction.Fail);
    }
    mapper.registerModule(
        new SimpleModule("newsdesk-strict")
            .addDeserializer(String.class, new CleanStrings())
            .addDeserializer(Instant.class, new IsoInstants()));
  }

  /**
   * Refuses what {@link CleanText} refuses: control characters, U+FFFE and U+FFFF, unpaired
   * surrogates.
   */
  static final class CleanStrings extends StringDeserializer {
    @Override
    public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      String value = super.deserialize(p, ctxt);
      String problem = value == null ? null : CleanText.problem(value);
      if (problem != null) {
        throw new InvalidTextException(p, problem);
      }
      return value;
    }
  }

  /**
   * ISO-8601 instants with an offset ("2026-11-27T08:30:00Z", "...+01:00"); no epoch numbers. The
   * one rule for instants in bodies, query parameters and import lines alike.
   */
  public static Instant parseInstant(String text) {
    return DateTimeFormatter.ISO_OFFSET_DATE_TIME.parse(text.strip(), Instant::from);
  }

  /** Reads instants only from ISO-8601 strings, so {@code 12345} is not silently taken as 1970. */
  static final class IsoInstants extends StdDeserializer<Instant> {
    IsoInstants() {
      super(Instant.class);
    }

    @Override
    public Instant deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      if (!p.hasToken(JsonToken.VALUE_STRING)) {
        return (Instant) ctxt.handleUnexpectedToken(Instant.class, p);
      }
      try {
        return parseInstant(p.getText());
      } catch (DateTimeException e) {
        return (Instant)
            ctxt.handleWeirdStringValue(Instant.class, p.getText(), "not an ISO-8601 instant");
      }
    }
  }

  /** A string that cannot be stored as text as sent; its message is written for clients. */
  static final class InvalidTextException extends JsonMappingException {
    InvalidTextException(JsonParser p, String message) {
      super(p, message);
    }
  }
}
