package io.newsdesk.auth;

import java.util.UUID;

/**
 * Who is calling the management API: the token's id (null for the bootstrap admin token), name,
 * role, and the slug of the author the token acts for (or null). Other features take it from {@link
 * CurrentCaller}.
 */
public record Caller(UUID tokenId, String name, Role role, String author) {

  /** A caller whose token stands for no author. */
  public Caller(UUID tokenId, String name, Role role) {
    this(tokenId, name, role, null);
  }

  public boolean atLeast(Role minimum) {
    return role.ordinal() >= minimum.ordinal();
  }
}
