package com.investchn.content.webhook;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A test event queued for an endpoint. */
@Schema(name = "WebhookTestDelivery", description = "A queued webhook.test delivery.")
record TestDelivery(
    @Schema(required = true) long deliveryId,
    @Schema(required = true, example = "msg_test_7f3c2a9e") String messageId,
    @Schema(required = true, example = "webhook.test") String event) {}
