package com.investchn.content.sync;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One answer of the change feed. */
@Schema(name = "SyncPage", description = "Changes after the cursor, in change-log order.")
record SyncPage(
    @Schema(required = true, description = "Each entity at most once, oldest change first.")
        List<SyncChange> changes,
    @Schema(
            required = true,
            description =
                "Opaque, signed position to send back as cursor (with the same filters); at the"
                    + " head it is the position to poll from.",
            example = "YzF8d2JjN...")
        String nextCursor,
    @Schema(
            required = true,
            description = "Whether changes beyond nextCursor are already waiting.",
            example = "false")
        boolean hasMore) {}
