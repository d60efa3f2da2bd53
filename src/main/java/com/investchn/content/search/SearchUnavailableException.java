package com.investchn.content.search;

import com.investchn.content.common.problem.ProblemException;
import com.investchn.content.common.problem.ProblemType;

/** The index is still being built; search answers 503 with Retry-After until it is done. */
final class SearchUnavailableException extends ProblemException {

  SearchUnavailableException() {
    super(
        ProblemType.SERVICE_UNAVAILABLE,
        "The search index is being built; retry shortly. Everything else answers.",
        null);
  }
}
