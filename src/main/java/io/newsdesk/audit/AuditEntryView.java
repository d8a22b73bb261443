package io.newsdesk.audit;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One management write: who did what to which entity, when, and from where. */
@Schema(name = "AuditEntry")
public record AuditEntryView(
    long id,
    Instant at,
    @Schema(description = "The token's name", example = "Night desk") String actor,
    @Schema(example = "editor") String role,
    @Schema(example = "PUT") String method,
    @Schema(example = "/api/v1/manage/articles/2b7e4c1a-0f3d-4e59-9a49-7c3f5d2e8b10") String path,
    @Schema(
            example = "article",
            enumeration = {"article", "category", "token", "webhook", "import", "asset"})
        String entityType,
    @Schema(description = "Id or slug of the entity") String entityId,
    @Schema(description = "HTTP status of the answer", example = "200") int status,
    @Schema(description = "Client address", example = "203.0.113.7") String address) {}
