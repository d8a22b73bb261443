package io.newsdesk.auth;

import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A token as admins see it; the secret only in the response that created it. */
@Schema(name = "Token")
record TokenView(
    UUID id,
    @Schema(example = "Jane Doe (news desk)") String name,
    Role role,
    @Schema(description = "The author the token acts for", example = "ana-lima") String author,
    Instant createdAt,
    Instant lastUsedAt,
    Instant revokedAt,
    @Schema(description = "The secret, shown once, in the create response only") String token) {

  static TokenView from(ApiToken token, String secret) {
    return new TokenView(
        token.id,
        token.name,
        token.role,
        token.authorSlug,
        token.createdAt,
        token.lastUsedAt,
        token.revokedAt,
        secret);
  }
}
