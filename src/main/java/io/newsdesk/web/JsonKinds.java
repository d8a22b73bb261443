package io.newsdesk.web;

import java.time.temporal.Temporal;
import java.util.Arrays;
import java.util.Collection;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Describes a Java target type in JSON words for error messages, so no class name reaches a client.
 */
final class JsonKinds {

  private JsonKinds() {}

  static String describe(Class<?> type) {
    if (type == null) {
      return "a valid JSON value";
    }
    if (type == String.class || type == UUID.class) {
      return "a string";
    }
    if (Number.class.isAssignableFrom(type)
        || type == int.class
        || type == long.class
        || type == double.class) {
      return "a number";
    }
    if (type == Boolean.class || type == boolean.class) {
      return "true or false";
    }
    if (type.isEnum()) {
      return "one of " + enumValues(type);
    }
    if (Temporal.class.isAssignableFrom(type)) {
      return "an ISO-8601 instant such as 2026-11-27T08:30:00Z";
    }
    if (type.isArray() || Collection.class.isAssignableFrom(type)) {
      return "an array";
    }
    return "an object";
  }

  /**
   * Our enums are named as they appear in JSON (lowercase constants), so their names are the
   * values.
   */
  static String enumValues(Class<?> type) {
    return Arrays.stream(type.getEnumConstants())
        .map(Object::toString)
        .collect(Collectors.joining(", "));
  }
}
