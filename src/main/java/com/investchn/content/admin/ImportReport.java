package com.investchn.content.admin;

import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What an import did, line by line where it refused one. */
@Schema(name = "ImportReport", description = "Counts per line type, and the rejected lines.")
record ImportReport(
    @Schema(required = true, description = "Non-empty lines read.", example = "100342") long lines,
    @Schema(required = true, description = "Lines that created a resource, per type.")
        Map<String, Long> created,
    @Schema(required = true, description = "Lines that changed an existing resource, per type.")
        Map<String, Long> updated,
    @Schema(required = true, description = "Lines identical to what is stored, per type.")
        Map<String, Long> unchanged,
    @Schema(
            required = true,
            description =
                "Lines for articles that were deleted here and were not brought back (pass"
                    + " restoreDeleted=true to restore them), per type.")
        Map<String, Long> skippedDeleted,
    @Schema(
            required = true,
            description =
                "Lines older than the row stored here, which was kept (pass overwriteNewer=true"
                    + " to overwrite it), per type.")
        Map<String, Long> skippedNewer,
    @Schema(required = true, description = "Number of rejected lines, always exact.", example = "1")
        long rejectedCount,
    @Schema(
            required = true,
            description =
                "The rejected lines with their number and reason, the first ones up to a bound;"
                    + " rejectedCount counts them all.")
        List<RejectedLine> rejected,
    @Schema(required = true, description = "True when more lines were rejected than are listed.")
        boolean rejectedTruncated) {

  /** A line that was not imported. */
  @Schema(name = "RejectedLine")
  public record RejectedLine(
      @Schema(required = true, example = "17") long line,
      @Schema(required = true, example = "title: must not be blank") String reason) {}
}
