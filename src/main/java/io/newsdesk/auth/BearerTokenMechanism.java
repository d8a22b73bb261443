package io.newsdesk.auth;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.credential.TokenCredential;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpCredentialTransport;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;

/**
 * Reads {@code Authorization: Bearer <token>}; no header means an anonymous caller. A valid token
 * is always accepted; a bad one counts against its client's address (see FailedLogins), and once
 * that client is past the limit its bad tokens get 429 with Retry-After instead of 401. Blocking
 * valid tokens too would let ten requests a minute lock out a whole office behind one address.
 */
@ApplicationScoped
class BearerTokenMechanism implements HttpAuthenticationMechanism {

  private static final String PREFIX = "Bearer ";

  private final FailedLogins failures;

  BearerTokenMechanism(FailedLogins failures) {
    this.failures = failures;
  }

  @Override
  public Uni<SecurityIdentity> authenticate(
      RoutingContext context, IdentityProviderManager identityProviderManager) {
    String header = context.request().getHeader(HttpHeaders.AUTHORIZATION);
    if (header == null) {
      return Uni.createFrom().nullItem();
    }
    String client = context.request().remoteAddress().hostAddress();
    if (!header.regionMatches(true, 0, PREFIX, 0, PREFIX.length())
        || header.substring(PREFIX.length()).isBlank()) {
      return rejected(client);
    }
    TokenCredential credential =
        new TokenCredential(header.substring(PREFIX.length()).strip(), "bearer");
    return identityProviderManager
        .authenticate(
            HttpSecurityUtils.setRoutingContextAttribute(
                new TokenAuthenticationRequest(credential), context))
        .onFailure(AuthenticationFailedException.class)
        .recoverWithUni(e -> rejected(client));
  }

  /** Counts a bad token (in the database, off the event loop): a 401, or a 429 past the limit. */
  private Uni<SecurityIdentity> rejected(String client) {
    return Uni.createFrom()
        .<SecurityIdentity>emitter(
            emitter -> {
              long blocked = failures.failed(client);
              emitter.fail(
                  blocked > 0
                      ? new TooManyFailedAttempts(blocked)
                      : new AuthenticationFailedException());
            })
        .runSubscriptionOn(io.smallrye.mutiny.infrastructure.Infrastructure.getDefaultWorkerPool());
  }

  @Override
  public Uni<ChallengeData> getChallenge(RoutingContext context) {
    return Uni.createFrom()
        .item(new ChallengeData(401, "WWW-Authenticate", "Bearer realm=\"newsdesk\""));
  }

  @Override
  public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
    return Set.of(TokenAuthenticationRequest.class);
  }

  @Override
  public Uni<HttpCredentialTransport> getCredentialTransport(RoutingContext context) {
    return Uni.createFrom()
        .item(new HttpCredentialTransport(HttpCredentialTransport.Type.AUTHORIZATION, "bearer"));
  }
}
