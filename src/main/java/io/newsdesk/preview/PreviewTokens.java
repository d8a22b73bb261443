package io.newsdesk.preview;

import io.newsdesk.auth.Caller;
import io.newsdesk.auth.TokenService;
import io.newsdesk.config.NewsdeskConfig;
import io.newsdesk.web.ProblemException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signed, expiring, read-only preview tokens for one article: its id, the API token that made the
 * link, its expiry, and an HMAC-SHA256 of all three under a secret the server makes once and keeps
 * in the database, so every instance accepts the tokens of every other. A token grants reading that
 * one article's current content while the API token that made it is not revoked.
 */
@ApplicationScoped
class PreviewTokens {

  /** A token and when it stops working. */
  record Issued(String token, Instant expiresAt) {}

  /**
   * Version, article id, issuer (the API token's id; zero for the bootstrap admin token), expiry in
   * unsigned 32-bit seconds: with the MAC a multiple of 3 bytes, so no base64 bit is spare.
   */
  private static final byte VERSION = 2;

  private static final UUID BOOTSTRAP = new UUID(0, 0);
  private static final int PAYLOAD = 1 + 16 + 16 + 4;
  private static final int MAC = 32;

  private final EntityManager entityManager;
  private final TokenService apiTokens;
  private final Clock clock;
  private final NewsdeskConfig.Preview config;
  private volatile byte[] secret;

  PreviewTokens(
      EntityManager entityManager, TokenService apiTokens, Clock clock, NewsdeskConfig config) {
    this.entityManager = entityManager;
    this.apiTokens = apiTokens;
    this.clock = clock;
    this.config = config.preview();
  }

  Issued issue(UUID article, Caller issuer) {
    return issue(article, issuer, config.lifetime());
  }

  Issued issue(UUID article, Caller issuer, java.time.Duration lifetime) {
    Instant expires = clock.instant().plus(lifetime).truncatedTo(ChronoUnit.SECONDS);
    UUID by = issuer.tokenId() == null ? BOOTSTRAP : issuer.tokenId();
    byte[] payload =
        ByteBuffer.allocate(PAYLOAD)
            .put(VERSION)
            .putLong(article.getMostSignificantBits())
            .putLong(article.getLeastSignificantBits())
            .putLong(by.getMostSignificantBits())
            .putLong(by.getLeastSignificantBits())
            .putInt((int) Math.min(expires.getEpochSecond(), 0xFFFF_FFFFL))
            .array();
    byte[] token = Arrays.copyOf(payload, PAYLOAD + MAC);
    System.arraycopy(mac(payload), 0, token, PAYLOAD, MAC);
    return new Issued(Base64.getUrlEncoder().withoutPadding().encodeToString(token), expires);
  }

  /**
   * The article a valid, unexpired token names whose issuing API token still works; a 401 for
   * anything else.
   */
  UUID verify(String token) {
    byte[] bytes;
    try {
      bytes = Base64.getUrlDecoder().decode(token);
    } catch (IllegalArgumentException e) {
      throw invalid();
    }
    if (bytes.length != PAYLOAD + MAC) {
      throw invalid();
    }
    byte[] payload = Arrays.copyOf(bytes, PAYLOAD);
    if (!MessageDigest.isEqual(mac(payload), Arrays.copyOfRange(bytes, PAYLOAD, bytes.length))) {
      throw invalid();
    }
    ByteBuffer buffer = ByteBuffer.wrap(payload);
    if (buffer.get() != VERSION) {
      throw invalid();
    }
    UUID article = new UUID(buffer.getLong(), buffer.getLong());
    UUID issuer = new UUID(buffer.getLong(), buffer.getLong());
    Instant expires = Instant.ofEpochSecond(Integer.toUnsignedLong(buffer.getInt()));
    if (!clock.instant().isBefore(expires)
        || !apiTokens.active(issuer.equals(BOOTSTRAP) ? null : issuer)) {
      throw invalid();
    }
    return article;
  }

  private byte[] mac(byte[] payload) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret(), "HmacSHA256"));
      return mac.doFinal(payload);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JVM", e);
    }
  }

  private byte[] secret() {
    if (secret == null) {
      secret = QuarkusTransaction.requiringNew().call(this::loadSecret);
    }
    return secret;
  }

  /** Made by whichever instance asks first; every other instance reads the same one. */
  private byte[] loadSecret() {
    byte[] fresh = new byte[32];
    new SecureRandom().nextBytes(fresh);
    entityManager
        .createNativeQuery(
            "insert into server_secret (name, value) values ('preview', :value)"
                + " on conflict (name) do nothing")
        .setParameter("value", fresh)
        .executeUpdate();
    return (byte[])
        entityManager
            .createNativeQuery("select value from server_secret where name = 'preview'")
            .getSingleResult();
  }

  private static ProblemException invalid() {
    return new ProblemException(
        401,
        "/problems/invalid-preview-token",
        "Invalid preview token",
        "This preview link is not valid, has expired, or its maker's token was revoked; ask for a new one",
        null,
        Map.of());
  }
}
