package com.investchn.content.common.change;

import java.time.Instant;

/** A committed row of the change log. */
public record ChangeEntry(
    long seq,
    Change.Entity entity,
    long entityId,
    String slug,
    Change.Op op,
    String event,
    Instant changedAt,
    String actor) {}
