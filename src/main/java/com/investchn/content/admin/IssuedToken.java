package com.investchn.content.admin;

import com.investchn.content.common.time.PortalTime;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A token just issued, with its secret: shown this once, stored only as a hash. */
@Schema(
    name = "IssuedToken",
    description = "A new token; copy the token now, it is not shown again.")
record IssuedToken(
    @Schema(required = true) long id,
    @Schema(required = true) String name,
    @Schema(required = true) String role,
    @Schema(
            required = true,
            description = "The secret to send as 'Authorization: Bearer <token>'.",
            example = "ica_q2x9Z0V6bGJ3c1R5aG5rS3V0N2E4YjlEZkdoSmtM")
        String token,
    @Schema(required = true) OffsetDateTime createdAt,
    @Schema(required = true, nullable = true) String createdBy,
    @Schema(required = true, nullable = true) OffsetDateTime expiresAt) {

  static IssuedToken from(ApiToken token, String secret) {
    return new IssuedToken(
        token.id,
        token.name,
        token.role,
        secret,
        PortalTime.toPortal(token.createdAt),
        token.createdBy,
        PortalTime.toPortal(token.expiresAt));
  }
}
