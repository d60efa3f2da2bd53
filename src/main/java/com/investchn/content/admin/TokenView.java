package com.investchn.content.admin;

import com.investchn.content.common.time.PortalTime;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A token as listed: everything but the secret, which is never shown again. */
@Schema(name = "Token", description = "An API token without its secret.")
public record TokenView(
    @Schema(required = true) long id,
    @Schema(required = true) String name,
    @Schema(required = true) String role,
    @Schema(required = true) OffsetDateTime createdAt,
    @Schema(required = true, nullable = true) String createdBy,
    @Schema(required = true, nullable = true) OffsetDateTime lastUsedAt,
    @Schema(required = true, nullable = true) OffsetDateTime expiresAt,
    @Schema(required = true, nullable = true) OffsetDateTime revokedAt) {

  static TokenView from(ApiToken token) {
    return new TokenView(
        token.id,
        token.name,
        token.role,
        PortalTime.toPortal(token.createdAt),
        token.createdBy,
        PortalTime.toPortal(token.lastUsedAt),
        PortalTime.toPortal(token.expiresAt),
        PortalTime.toPortal(token.revokedAt));
  }
}
