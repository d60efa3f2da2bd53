package com.investchn.content.common.problem;

/** A failure that the client can act on; {@link ProblemMapper} turns it into an RFC 9457 body. */
public abstract class ProblemException extends RuntimeException {

  private final ProblemType type;
  private final String parameter;

  protected ProblemException(ProblemType type, String detail, String parameter) {
    super(detail, null, false, false);
    this.type = type;
    this.parameter = parameter;
  }

  public ProblemType type() {
    return type;
  }

  /** The query parameter or field at fault, or null when the problem is not about one. */
  public String parameter() {
    return parameter;
  }
}
