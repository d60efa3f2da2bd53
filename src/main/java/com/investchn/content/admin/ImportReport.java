package com.investchn.content.admin;

import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What an import did, line by line where it refused one. */
@Schema(name = "ImportReport", description = "Counts per line type, and every rejected line.")
public record ImportReport(
    @Schema(description = "Non-empty lines read.", example = "100342") long lines,
    @Schema(description = "Lines that created a resource, per type.") Map<String, Long> created,
    @Schema(description = "Lines that changed an existing resource, per type.")
        Map<String, Long> updated,
    @Schema(description = "Lines identical to what is stored, per type.")
        Map<String, Long> unchanged,
    @Schema(description = "Number of rejected lines.", example = "1") long rejectedCount,
    @Schema(description = "Every rejected line with its number and reason.")
        List<RejectedLine> rejected) {

  /** A line that was not imported. */
  @Schema(name = "RejectedLine")
  public record RejectedLine(
      @Schema(example = "17") long line,
      @Schema(example = "title: must not be blank") String reason) {}
}
