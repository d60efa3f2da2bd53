package com.investchn.content.webhook;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;

/**
 * The JSON body of a delivery: the event's name, when it happened, and the change record of the
 * change feed ({@code GET /api/v1/sync}) for the entity it is about.
 */
record WebhookMessage(String type, OffsetDateTime timestamp, Object data) {

  /** One change, as the change feed lists it; data is absent when the entity is not public. */
  record ChangeRecord(
      String entity,
      String op,
      long id,
      String slug,
      OffsetDateTime changedAt,
      @JsonInclude(JsonInclude.Include.NON_NULL) Object data) {}

  /** The data of a test event. */
  record TestData(long webhookId, String message) {}
}
