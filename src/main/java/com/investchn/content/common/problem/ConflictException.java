package com.investchn.content.common.problem;

/** The write cannot be done in the resource's current state (duplicate slug, references, cycle). */
public final class ConflictException extends ProblemException {

  public ConflictException(String detail) {
    super(ProblemType.CONFLICT, detail, null);
  }
}
