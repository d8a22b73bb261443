package io.newsdesk.article.imports;

import io.newsdesk.web.FieldError;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What happened to one line of an import. */
@Schema(name = "ImportResult")
public record ImportReport(
    @Schema(description = "Line number, from 1") int line,
    @Schema(
            description = "created, updated, unchanged, or failed (nothing of that line was kept)",
            enumeration = {"created", "updated", "unchanged", "failed"})
        String result,
    @Schema(description = "HTTP status a single request would have had", example = "201")
        int status,
    UUID id,
    String slug,
    String externalId,
    @Schema(description = "Why the line failed") String detail,
    List<FieldError> errors) {}
