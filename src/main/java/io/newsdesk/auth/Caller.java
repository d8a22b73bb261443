package io.newsdesk.auth;

import java.util.UUID;

/**
 * Who is calling the management API: the token's id (null for the bootstrap admin token), name and
 * role. Other features take it from {@link CurrentCaller}.
 */
public record Caller(UUID tokenId, String name, Role role) {

  public boolean atLeast(Role minimum) {
    return role.ordinal() >= minimum.ordinal();
  }
}
