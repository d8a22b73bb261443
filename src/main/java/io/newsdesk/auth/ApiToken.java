package io.newsdesk.auth;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** An API token: a name, a role and the hash of its secret. */
@Entity
@Table(name = "api_token")
class ApiToken {

  /** lastUsedAt is written at most this often, so reads do not each cost a write. */
  private static final Duration TOUCH_INTERVAL = Duration.ofMinutes(1);

  @Id UUID id;

  @Column(nullable = false)
  String name;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  Role role;

  @Column(name = "token_hash", nullable = false)
  String tokenHash;

  @Column(name = "created_at", nullable = false)
  Instant createdAt;

  @Column(name = "last_used_at")
  Instant lastUsedAt;

  @Column(name = "revoked_at")
  Instant revokedAt;

  /** The author this token acts for, or null. */
  @Column(name = "author_slug")
  String authorSlug;

  protected ApiToken() {}

  ApiToken(String name, Role role, String tokenHash, Instant now) {
    this.id = UUID.randomUUID();
    this.name = name;
    this.role = role;
    this.tokenHash = tokenHash;
    this.createdAt = now;
  }

  boolean isActive() {
    return revokedAt == null;
  }

  void revoke(Instant now) {
    if (revokedAt == null) {
      revokedAt = now;
    }
  }

  void touch(Instant now) {
    if (lastUsedAt == null || lastUsedAt.plus(TOUCH_INTERVAL).isBefore(now)) {
      lastUsedAt = now;
    }
  }
}
