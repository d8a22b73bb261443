package io.newsdesk.cache;

import io.vertx.core.buffer.Buffer;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * What a delivery read produced, before it becomes bytes: a body (a record serialized as JSON, or
 * bytes of another type), the surrogate keys of every entity it was built from, and for articles
 * when they last changed.
 */
public final class Reply<T> {

  final int status;
  final T body;
  final String contentType;
  final Set<String> keys;
  final Map<String, String> headers = new LinkedHashMap<>();
  Instant lastModified;
  Instant validUntil;
  io.newsdesk.web.Fields fields;
  boolean fieldsOfItems;

  private Reply(int status, T body, String contentType, Collection<String> keys) {
    this.status = status;
    this.body = body;
    this.contentType = contentType;
    this.keys = new LinkedHashSet<>(keys);
  }

  /** A 200 with {@code body} as JSON. */
  public static <T> Reply<T> json(T body, Collection<String> keys) {
    return json(body, "application/json", keys);
  }

  /** A 200 with {@code body} as JSON, labelled as a JSON-based type such as a JSON Feed. */
  public static <T> Reply<T> json(T body, String contentType, Collection<String> keys) {
    return new Reply<>(200, body, contentType, keys);
  }

  /** A 200 with a body already rendered as {@code contentType}. */
  public static Reply<Buffer> bytes(byte[] body, String contentType, Collection<String> keys) {
    return new Reply<>(200, Buffer.buffer(body), contentType, keys);
  }

  /** A 301 to where the resource lives now. */
  public static <T> Reply<T> movedTo(String location, Collection<String> keys) {
    Reply<T> reply = new Reply<>(301, null, null, keys);
    reply.headers.put("Location", location);
    return reply;
  }

  public Reply<T> lastModified(Instant at) {
    this.lastModified = at;
    return this;
  }

  /**
   * Keeps the cached copy no later than {@code at}: the response changes then by time alone (a
   * curated item's end), not by a write that would drop it. Null: no such time.
   */
  public Reply<T> validUntil(Instant at) {
    this.validUntil = at;
    return this;
  }

  /** Keeps only the selected fields of the body (of each of its items, for a page); null: all. */
  public Reply<T> fields(io.newsdesk.web.Fields selection, boolean ofItems) {
    this.fields = selection;
    this.fieldsOfItems = ofItems;
    return this;
  }

  /** An extra header, such as {@code Link}; a null value adds nothing. */
  public Reply<T> header(String name, String value) {
    if (value != null) {
      headers.put(name, value);
    }
    return this;
  }
}
