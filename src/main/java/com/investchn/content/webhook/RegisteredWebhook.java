package com.investchn.content.webhook;

import com.investchn.content.common.write.Versioned;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A webhook endpoint just registered, with its signing secret: shown this once. */
@Schema(
    name = "RegisteredWebhook",
    description =
        "A new webhook endpoint (the fields of Webhook) with its secret; copy the secret now, it"
            + " is not shown again.")
record RegisteredWebhook(
    @Schema(required = true, example = "1") long id,
    @Schema(required = true, example = "https://partner.example.com/hooks/investchn") String url,
    @Schema(required = true, nullable = true) String description,
    @Schema(required = true) List<String> events,
    @Schema(required = true, nullable = true) Long categoryId,
    @Schema(required = true, nullable = true) Long zoneId,
    @Schema(
            required = true,
            enumeration = {"active", "paused", "disabled"})
        String status,
    @Schema(required = true, nullable = true) String disabledReason,
    @Schema(required = true, nullable = true) OffsetDateTime disabledAt,
    @Schema(required = true) int consecutiveFailures,
    @Schema(required = true) long pendingDeliveries,
    @Schema(required = true) OffsetDateTime createdAt,
    @Schema(required = true, nullable = true) String createdBy,
    @Schema(required = true) OffsetDateTime updatedAt,
    @Schema(required = true, example = "1") long version,
    @Schema(
            required = true,
            description =
                "The Standard Webhooks signing secret: whsec_ and the base64 of 32 random bytes."
                    + " Verify each delivery's webhook-signature with it.",
            example = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw5kGxMFcgN2Q=")
        String secret)
    implements Versioned {

  static RegisteredWebhook from(WebhookView view, String secret) {
    return new RegisteredWebhook(
        view.id(),
        view.url(),
        view.description(),
        view.events(),
        view.categoryId(),
        view.zoneId(),
        view.status(),
        view.disabledReason(),
        view.disabledAt(),
        view.consecutiveFailures(),
        view.pendingDeliveries(),
        view.createdAt(),
        view.createdBy(),
        view.updatedAt(),
        view.version(),
        secret);
  }
}
