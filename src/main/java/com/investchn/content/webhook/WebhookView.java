package com.investchn.content.webhook;

import com.investchn.content.common.time.PortalTime;
import com.investchn.content.common.write.Versioned;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A webhook endpoint as listed: everything but its secret, which is shown once only. */
@Schema(name = "Webhook", description = "A webhook endpoint, without its secret.")
record WebhookView(
    @Schema(required = true, example = "1") long id,
    @Schema(required = true, example = "https://partner.example.com/hooks/investchn") String url,
    @Schema(required = true, nullable = true) String description,
    @Schema(required = true, description = "The events it receives.") List<String> events,
    @Schema(
            required = true,
            nullable = true,
            description = "Article events only of this category and those below it.")
        Long categoryId,
    @Schema(
            required = true,
            nullable = true,
            description = "Article events only of this zone and those below it.")
        Long zoneId,
    @Schema(
            required = true,
            enumeration = {"active", "paused", "disabled"},
            description =
                "active: delivering; paused: collecting deliveries without sending them;"
                    + " disabled: its deliveries kept failing, it collects nothing until resumed.")
        String status,
    @Schema(required = true, nullable = true, description = "Why it was disabled.")
        String disabledReason,
    @Schema(required = true, nullable = true) OffsetDateTime disabledAt,
    @Schema(required = true, description = "Deliveries that ended failed in a row.")
        int consecutiveFailures,
    @Schema(required = true, description = "Deliveries waiting to arrive.") long pendingDeliveries,
    @Schema(required = true) OffsetDateTime createdAt,
    @Schema(required = true, nullable = true) String createdBy,
    @Schema(required = true) OffsetDateTime updatedAt,
    @Schema(required = true, example = "1") long version)
    implements Versioned {

  static WebhookView from(WebhookStore.Endpoint endpoint, long pending) {
    return new WebhookView(
        endpoint.id(),
        endpoint.url(),
        endpoint.description(),
        List.copyOf(endpoint.events()),
        endpoint.categoryId(),
        endpoint.zoneId(),
        endpoint.status(),
        endpoint.disabledReason(),
        PortalTime.toPortal(endpoint.disabledAt()),
        endpoint.consecutiveFailures(),
        pending,
        PortalTime.toPortal(endpoint.createdAt()),
        endpoint.createdBy(),
        PortalTime.toPortal(endpoint.updatedAt()),
        endpoint.version());
  }
}
