package com.investchn.content.admin;

import com.investchn.content.common.time.PortalTime;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A token as listed: everything but the secret, which is never shown again. */
@Schema(name = "Token", description = "An API token without its secret.")
public record TokenView(
    long id,
    String name,
    String role,
    OffsetDateTime createdAt,
    @Schema(nullable = true) String createdBy,
    @Schema(nullable = true) OffsetDateTime lastUsedAt,
    @Schema(nullable = true) OffsetDateTime expiresAt,
    @Schema(nullable = true) OffsetDateTime revokedAt) {

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
