package io.newsdesk.webhook;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A webhook subscription as admins see it; the secret is never shown again. */
@Schema(name = "Webhook")
public record WebhookView(UUID id, String url, List<String> events, Instant createdAt) {}
