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
 * Reads {@code Authorization: Bearer <token>}; no header means an anonymous caller. A client that
 * sent too many bad tokens is refused without a look at the one it sends now (see FailedLogins).
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
    long blocked = failures.blockedFor(client);
    if (blocked > 0) {
      return Uni.createFrom().failure(new TooManyFailedAttempts(blocked));
    }
    if (!header.regionMatches(true, 0, PREFIX, 0, PREFIX.length())
        || header.substring(PREFIX.length()).isBlank()) {
      failures.failed(client);
      return Uni.createFrom().failure(new AuthenticationFailedException());
    }
    TokenCredential credential =
        new TokenCredential(header.substring(PREFIX.length()).strip(), "bearer");
    return identityProviderManager
        .authenticate(
            HttpSecurityUtils.setRoutingContextAttribute(
                new TokenAuthenticationRequest(credential), context))
        .onFailure(AuthenticationFailedException.class)
        .invoke(() -> failures.failed(client));
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
