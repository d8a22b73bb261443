package io.newsdesk.auth;

import io.newsdesk.config.NewsdeskConfig;
import io.newsdesk.web.Page;
import io.newsdesk.web.PageInfo;
import io.newsdesk.web.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;

/** Issues, checks and revokes API tokens. Secrets are shown once and only their SHA-256 is kept. */
@ApplicationScoped
public class TokenService {

  static final String BOOTSTRAP_NAME = "bootstrap admin (NEWSDESK_ADMIN_TOKEN)";

  private static final SecureRandom RANDOM = new SecureRandom();

  private final ApiTokenRepository tokens;
  private final Clock clock;
  private final Optional<String> bootstrapHash;

  TokenService(ApiTokenRepository tokens, Clock clock, NewsdeskConfig config) {
    this.tokens = tokens;
    this.clock = clock;
    this.bootstrapHash = config.adminToken().filter(t -> !t.isBlank()).map(TokenService::hash);
  }

  @Transactional
  Optional<Caller> authenticate(String secret) {
    String hash = hash(secret);
    if (bootstrapHash.isPresent()
        && MessageDigest.isEqual(
            bootstrapHash.get().getBytes(StandardCharsets.US_ASCII),
            hash.getBytes(StandardCharsets.US_ASCII))) {
      return Optional.of(new Caller(null, BOOTSTRAP_NAME, Role.admin));
    }
    return tokens
        .findByHash(hash)
        .filter(ApiToken::isActive)
        .map(
            token -> {
              token.touch(clock.instant());
              return new Caller(token.id, token.name, token.role, token.authorSlug);
            });
  }

  /**
   * Whether the token a caller authenticated with still works: not revoked, or for the bootstrap
   * admin ({@code tokenId} null) still configured. What a token made lives only as long as it.
   */
  public boolean active(UUID tokenId) {
    if (tokenId == null) {
      return bootstrapHash.isPresent();
    }
    return tokens.findByIdOptional(tokenId).filter(ApiToken::isActive).isPresent();
  }

  @Transactional
  TokenView create(TokenInput input) {
    String secret = "nd_" + Base64.getUrlEncoder().withoutPadding().encodeToString(randomBytes());
    ApiToken token =
        new ApiToken(input.name().strip(), input.role(), hash(secret), clock.instant());
    if (input.author() != null) {
      if (!tokens.authorExists(input.author())) {
        throw ProblemException.invalid("author", "there is no author '" + input.author() + "'");
      }
      token.authorSlug = input.author();
    }
    tokens.persist(token);
    return TokenView.from(token, secret);
  }

  Page<TokenView> list(int number, int limit) {
    var items = tokens.page(number, limit).stream().map(t -> TokenView.from(t, null)).toList();
    return new Page<>(items, PageInfo.numbered(limit, number, tokens.count()));
  }

  @Transactional
  void revoke(UUID id) {
    ApiToken token =
        tokens.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("No token " + id));
    token.revoke(clock.instant());
  }

  private static byte[] randomBytes() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return bytes;
  }

  static String hash(String secret) {
    try {
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(sha256.digest(secret.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JVM", e);
    }
  }
}
