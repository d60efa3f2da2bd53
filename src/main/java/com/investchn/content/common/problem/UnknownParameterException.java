package com.investchn.content.common.problem;

import com.investchn.content.common.edge.QueryParameters;
import java.util.List;

/**
 * A query parameter the endpoint does not take; the detail names it and lists the accepted ones.
 */
public final class UnknownParameterException extends ProblemException {

  public UnknownParameterException(String parameter, List<String> accepted) {
    super(
        ProblemType.UNKNOWN_PARAMETER,
        "Query parameter '"
            + QueryParameters.shown(parameter)
            + "' is not accepted here; "
            + (accepted.isEmpty()
                ? "this endpoint takes no query parameters."
                : "this endpoint accepts " + String.join(", ", accepted) + "."),
        QueryParameters.shown(parameter));
  }
}
