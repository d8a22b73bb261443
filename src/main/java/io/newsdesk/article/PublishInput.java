package io.newsdesk.article;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** When to publish: absent is now, a future instant schedules, a past one back-dates. */
@Schema(name = "Publish")
public record PublishInput(
    @Schema(
            description =
                "Absent: now. Future: scheduled until then. Past: published now, dated then.",
            example = "2026-11-28T06:00:00Z")
        Instant publishAt) {}
