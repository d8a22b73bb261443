package io.newsdesk.webhook;

import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One event sent (or being sent) to one webhook. */
@Schema(name = "WebhookDelivery")
public record DeliveryView(
    UUID id,
    @Schema(description = "The event's id, the same for every webhook; use it to deduplicate")
        UUID eventId,
    @Schema(example = "article.published") String event,
    Instant createdAt,
    @Schema(enumeration = {"pending", "delivered", "failed"}) String status,
    @Schema(description = "Attempts so far") int attempts,
    @Schema(description = "When the next attempt is due (pending only)") Instant nextAttemptAt,
    Instant lastAttemptAt,
    @Schema(description = "HTTP status of the last attempt, if the receiver answered")
        Integer lastStatus,
    String lastError) {}
