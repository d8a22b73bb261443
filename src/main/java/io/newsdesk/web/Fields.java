package io.newsdesk.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code ?fields=}: a client asks for less, e.g. {@code fields=slug,title,image,body.html}. Names
 * are the top-level fields of the resource (of each item, for lists), and {@code body.html} or
 * {@code body.text} or {@code body.blocks} for part of a body. Unknown names are a 400 that names
 * them. The set is kept sorted, so two spellings of one selection give the same bytes and ETag.
 */
public final class Fields {

  private final Set<String> names;

  private Fields(Set<String> names) {
    this.names = names;
  }

  /**
   * The selection {@code raw} asks of a {@code view}; null when it is absent (everything). A 400 on
   * {@code fields} for names the view does not have.
   */
  public static Fields parse(String raw, Class<? extends Record> view) {
    if (raw == null) {
      return null;
    }
    Set<String> known = new TreeSet<>();
    for (RecordComponent component : view.getRecordComponents()) {
      known.add(component.getName());
      if (component.getName().equals("body")) {
        known.add("body.html");
        known.add("body.text");
        known.add("body.blocks");
      }
    }
    Set<String> names = new TreeSet<>();
    List<String> unknown = new ArrayList<>();
    for (String name : raw.split(",")) {
      String field = name.strip();
      if (field.isEmpty()) {
        continue;
      }
      if (known.contains(field)) {
        names.add(field);
      } else {
        unknown.add(field);
      }
    }
    if (!unknown.isEmpty()) {
      throw ProblemException.invalid(
          "fields", "unknown: " + String.join(", ", unknown) + " (known: " + known + ")");
    }
    if (names.isEmpty()) {
      throw ProblemException.invalid("fields", "names no field; leave it out for all of them");
    }
    return new Fields(names);
  }

  /** Keeps the selected fields of one object, in place. */
  public void apply(ObjectNode object) {
    List<String> drop = new ArrayList<>();
    object.fieldNames().forEachRemaining(drop::add);
    for (String field : drop) {
      if (names.contains(field)) {
        continue;
      }
      JsonNode value = object.get(field);
      List<String> parts =
          names.stream()
              .filter(n -> n.startsWith(field + "."))
              .map(n -> n.substring(field.length() + 1))
              .toList();
      if (!parts.isEmpty() && value instanceof ObjectNode nested) {
        nested.retain(parts);
      } else {
        object.remove(field);
      }
    }
  }

  /** Keeps the selected fields of each item of a page; the page's own fields stay. */
  public void applyToItems(ObjectNode page) {
    JsonNode items = page.get("items");
    if (items != null) {
      items.forEach(item -> apply((ObjectNode) item));
    }
  }

  @Override
  public String toString() {
    return String.join(",", names);
  }
}
