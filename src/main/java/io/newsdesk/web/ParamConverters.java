package io.newsdesk.web;

import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Function;

/**
 * Parses typed path and query parameters so that a malformed value ({@code limit=abc}, a bad UUID)
 * is a 400 naming the parameter, instead of the 404 that JAX-RS prescribes for conversion failures.
 */
@Provider
class ParamConverters implements ParamConverterProvider {

  private static final java.util.regex.Pattern PLUS_AS_SPACE =
      java.util.regex.Pattern.compile("^(\\S+T\\S+) (\\d{2}(?::?\\d{2})?)$");
  private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
  private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999Z");

  @Override
  @SuppressWarnings("unchecked")
  public <T> ParamConverter<T> getConverter(
      Class<T> rawType, Type genericType, Annotation[] annotations) {
    String name = parameterName(annotations);
    if (rawType == Integer.class) {
      return (ParamConverter<T>) converter(name, "must be a whole number", Integer::valueOf);
    }
    if (rawType == UUID.class) {
      return (ParamConverter<T>) converter(name, "must be a UUID", ParamConverters::uuid);
    }
    if (rawType == Instant.class) {
      return (ParamConverter<T>)
          converter(
              name,
              "must be an ISO-8601 instant between the years 1 and 9999, such as"
                  + " 2026-11-27T08:30:00Z",
              ParamConverters::instant);
    }
    if (rawType == Boolean.class) {
      return (ParamConverter<T>) converter(name, "must be true or false", ParamConverters::bool);
    }
    if (rawType.isEnum()) {
      String values = JsonKinds.enumValues(rawType);
      return (ParamConverter<T>)
          converter(name, "must be one of " + values, v -> enumValue(rawType, v));
    }
    return null;
  }

  private static Boolean bool(String value) {
    return switch (value) {
      case "true" -> true;
      case "false" -> false;
      default -> throw new IllegalArgumentException(value);
    };
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static Object enumValue(Class<?> type, String value) {
    return Enum.valueOf((Class) type, value);
  }

  /** Within what PostgreSQL stores, so a far-off instant is a 400 and never a database error. */
  private static Instant instant(String value) {
    // An unencoded "+01:00" in a query string arrives as " 01:00" ("+" means a space there).
    Instant instant = JsonSetup.parseInstant(PLUS_AS_SPACE.matcher(value).replaceFirst("$1+$2"));
    if (instant.isBefore(EARLIEST) || instant.isAfter(LATEST)) {
      throw new IllegalArgumentException(value);
    }
    return instant;
  }

  private static UUID uuid(String value) {
    if (value.length() != 36) {
      throw new IllegalArgumentException(value);
    }
    return UUID.fromString(value);
  }

  private static <T> ParamConverter<T> converter(
      String name, String message, Function<String, T> parse) {
    return new ParamConverter<>() {
      @Override
      public T fromString(String value) {
        if (value == null) {
          return null;
        }
        try {
          return parse.apply(value.strip());
        } catch (IllegalArgumentException | DateTimeException e) {
          throw ProblemException.invalid(name, message);
        }
      }

      @Override
      public String toString(T value) {
        return value.toString();
      }
    };
  }

  private static String parameterName(Annotation[] annotations) {
    for (Annotation annotation : annotations) {
      if (annotation instanceof QueryParam query) {
        return query.value();
      }
      if (annotation instanceof PathParam path) {
        return path.value();
      }
    }
    return "parameter";
  }
}
