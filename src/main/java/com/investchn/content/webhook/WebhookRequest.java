package com.investchn.content.webhook;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What an admin sends to register a webhook endpoint; a field not listed here is a 400. */
@Schema(name = "WebhookRequest", description = "A new webhook endpoint.")
record WebhookRequest(
    @Schema(
            required = true,
            maxLength = 2000,
            example = "https://partner.example.com/hooks/investchn",
            description =
                "An absolute http or https URL. Hosts that resolve to loopback, private,"
                    + " link-local, CGNAT, multicast or cloud metadata addresses are refused"
                    + " (unless the service is configured to allow them).")
        String url,
    @Schema(
            nullable = true,
            description =
                "The events to receive, of article.published, article.updated,"
                    + " article.unpublished, article.deleted, zone.changed, category.changed and"
                    + " site.changed; missing or empty means all seven. An unknown name is a 400"
                    + " naming it.")
        List<String> events,
    @Schema(
            nullable = true,
            example = "zone-news",
            description =
                "Only article events of this category or one below it (id or slug); other"
                    + " events are not filtered.")
        String category,
    @Schema(
            nullable = true,
            example = "daxing",
            description = "Only article events of this zone or one below it (id or slug).")
        String zone,
    @Schema(nullable = true, maxLength = 500, example = "Mirror of partner portal A")
        String description) {}
