package com.investchn.content.webhook;

import com.investchn.content.common.time.PortalTime;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One attempt to deliver one event to one endpoint, as the delivery log lists it. */
@Schema(name = "WebhookDeliveryAttempt", description = "One attempt of one delivery.")
record DeliveryAttempt(
    @Schema(required = true, description = "When the attempt was made.") OffsetDateTime time,
    @Schema(required = true, example = "article.published") String event,
    @Schema(
            required = true,
            nullable = true,
            description = "The change-log sequence number; null for a test event.")
        Long changeSeq,
    @Schema(required = true) long deliveryId,
    @Schema(
            required = true,
            description = "The webhook-id header, the same for every attempt of a delivery.",
            example = "msg_1042_3")
        String messageId,
    @Schema(required = true, description = "1 for the first attempt.") int attempt,
    @Schema(
            required = true,
            nullable = true,
            description = "The receiver's HTTP status; null when none was received.")
        Integer statusCode,
    @Schema(required = true) long durationMs,
    @Schema(required = true, nullable = true) String error,
    @Schema(
            required = true,
            enumeration = {"delivered", "retrying", "failed"})
        String outcome,
    @Schema(required = true, nullable = true, description = "When the next attempt is due.")
        OffsetDateTime nextAttempt) {

  static DeliveryAttempt from(WebhookStore.Attempt attempt) {
    return new DeliveryAttempt(
        PortalTime.toPortal(attempt.attemptedAt()),
        attempt.event(),
        attempt.changeSeq(),
        attempt.deliveryId(),
        attempt.messageId(),
        attempt.attempt(),
        attempt.statusCode(),
        attempt.durationMs(),
        attempt.error(),
        attempt.outcome(),
        PortalTime.toPortal(attempt.nextAttemptAt()));
  }
}
