package io.newsdesk.auth;

import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;

/** The caller of the current request, read from its security identity. */
@RequestScoped
public class CurrentCaller {

  static final String ATTRIBUTE = "newsdesk.caller";

  private final SecurityIdentity identity;

  CurrentCaller(SecurityIdentity identity) {
    this.identity = identity;
  }

  public Caller get() {
    Caller caller = identity.getAttribute(ATTRIBUTE);
    if (caller == null) {
      throw new UnauthorizedException();
    }
    return caller;
  }
}
