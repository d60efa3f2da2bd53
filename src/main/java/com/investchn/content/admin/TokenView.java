package com.investchn.content.admin;

import com.investchn.content.common.security.Roles;
import com.investchn.content.common.time.PortalTime;
import java.time.Instant;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A token as listed: everything but the secret, which is never shown again. */
@Schema(name = "Token", description = "An API token without its secret.")
record TokenView(
    @Schema(required = true) long id,
    @Schema(required = true) String name,
    @Schema(required = true) String role,
    @Schema(required = true) OffsetDateTime createdAt,
    @Schema(required = true, nullable = true) String createdBy,
    @Schema(required = true, nullable = true) OffsetDateTime lastUsedAt,
    @Schema(required = true, nullable = true) OffsetDateTime expiresAt,
    @Schema(required = true, nullable = true) OffsetDateTime revokedAt,
    @Schema(
            required = true,
            description =
                "True for the bootstrap token of the configuration (id 0, listed while the service"
                    + " runs with CONTENT_API_ADMIN_BOOTSTRAP_TOKEN; createdAt is when this"
                    + " process started with it, lastUsedAt its last use since then); it cannot"
                    + " be revoked, only removed from the configuration.")
        boolean bootstrap) {

  static TokenView from(ApiToken token) {
    return new TokenView(
        token.id,
        token.name,
        token.role,
        PortalTime.toPortal(token.createdAt),
        token.createdBy,
        PortalTime.toPortal(token.lastUsedAt),
        PortalTime.toPortal(token.expiresAt),
        PortalTime.toPortal(token.revokedAt),
        false);
  }

  static TokenView bootstrap(long id, String name, Instant since, Instant lastUsedAt) {
    return new TokenView(
        id,
        name,
        Roles.ADMIN,
        PortalTime.toPortal(since),
        null,
        PortalTime.toPortal(lastUsedAt),
        null,
        null,
        true);
  }
}
