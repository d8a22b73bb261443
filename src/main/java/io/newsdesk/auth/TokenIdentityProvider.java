package io.newsdesk.auth;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Turns a bearer token into an identity with its role and every lower one; a revoked token fails.
 */
@ApplicationScoped
class TokenIdentityProvider implements IdentityProvider<TokenAuthenticationRequest> {

  private final TokenService tokens;

  TokenIdentityProvider(TokenService tokens) {
    this.tokens = tokens;
  }

  @Override
  public Class<TokenAuthenticationRequest> getRequestType() {
    return TokenAuthenticationRequest.class;
  }

  @Override
  public Uni<SecurityIdentity> authenticate(
      TokenAuthenticationRequest request, AuthenticationRequestContext context) {
    String secret = request.getToken().getToken();
    return context.runBlocking(
        () ->
            tokens
                .authenticate(secret)
                .map(TokenIdentityProvider::identity)
                .orElseThrow(AuthenticationFailedException::new));
  }

  private static SecurityIdentity identity(Caller caller) {
    return QuarkusSecurityIdentity.builder()
        .setPrincipal(new QuarkusPrincipal(caller.name()))
        .addRoles(caller.role().granted())
        .addAttribute(CurrentCaller.ATTRIBUTE, caller)
        .build();
  }
}
