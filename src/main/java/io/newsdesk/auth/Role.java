package io.newsdesk.auth;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/** What a token may do; each role includes the ones before it. */
public enum Role {
  contributor,
  editor,
  admin;

  public static final String CONTRIBUTOR = "contributor";
  public static final String EDITOR = "editor";
  public static final String ADMIN = "admin";

  /** The role names a security identity carries: this role and every lower one. */
  Set<String> granted() {
    return Arrays.stream(values())
        .filter(r -> r.ordinal() <= ordinal())
        .map(Role::name)
        .collect(Collectors.toSet());
  }
}
