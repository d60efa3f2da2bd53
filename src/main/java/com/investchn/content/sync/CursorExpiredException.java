package com.investchn.content.sync;

import com.investchn.content.common.problem.ProblemException;
import com.investchn.content.common.problem.ProblemType;

/** A cursor older than the pruned part of the change log: deletes it needed are gone. */
final class CursorExpiredException extends ProblemException {

  CursorExpiredException(long position, long prunedThrough) {
    super(
        ProblemType.CURSOR_EXPIRED,
        "Query parameter 'cursor' points at change-log position "
            + position
            + ", but deletes up to position "
            + prunedThrough
            + " have been pruned, so this follower may have missed one. Restart from the"
            + " beginning: request /api/v1/sync without a cursor and rebuild the mirror.",
        "cursor");
  }
}
