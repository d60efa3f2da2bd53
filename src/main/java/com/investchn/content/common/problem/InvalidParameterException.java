package com.investchn.content.common.problem;

/** A query parameter that cannot be used as given; the detail names it. */
public final class InvalidParameterException extends ProblemException {

  public InvalidParameterException(String parameter, String reason) {
    super(
        ProblemType.INVALID_PARAMETER, "Query parameter '" + parameter + "' " + reason, parameter);
  }
}
