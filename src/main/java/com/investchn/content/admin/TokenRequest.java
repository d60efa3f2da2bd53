package com.investchn.content.admin;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What an admin asks for when issuing a token. */
@Schema(name = "TokenRequest", description = "A new API token.")
record TokenRequest(
    @NotBlank
        @Size(max = 100)
        @Schema(
            example = "newsroom-editor-wang",
            description =
                "Recorded as createdBy and updatedBy of what the token writes, so unique (the"
                    + " bootstrap token's name bootstrap-admin included) and printable: no"
                    + " control, format or bidirectional characters, no surrounding whitespace.")
        String name,
    @NotNull
        @Schema(
            example = "editor",
            enumeration = {"editor", "admin"})
        String role,
    @Schema(nullable = true, example = "2027-06-30T23:59:59.000000+08:00")
        OffsetDateTime expiresAt) {}
