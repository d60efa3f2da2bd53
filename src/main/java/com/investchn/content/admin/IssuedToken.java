package com.investchn.content.admin;

import com.investchn.content.common.time.PortalTime;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A token just issued, with its secret: shown this once, stored only as a hash. */
@Schema(
    name = "IssuedToken",
    description = "A new token; copy the token now, it is not shown again.")
public record IssuedToken(
    long id,
    String name,
    String role,
    @Schema(
            description = "The secret to send as 'Authorization: Bearer <token>'.",
            example = "ica_q2x9Z0V6bGJ3c1R5aG5rS3V0N2E4YjlEZkdoSmtM")
        String token,
    OffsetDateTime createdAt,
    @Schema(nullable = true) String createdBy,
    @Schema(nullable = true) OffsetDateTime expiresAt) {

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
