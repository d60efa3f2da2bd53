package com.investchn.content.common.problem;

import java.util.List;

/** A request body with invalid fields; the problem lists every one of them. */
public final class ValidationFailedException extends ProblemException {

  private final List<FieldError> errors;

  public ValidationFailedException(List<FieldError> errors) {
    super(
        ProblemType.VALIDATION_FAILED,
        "The request body has "
            + errors.size()
            + (errors.size() == 1 ? " invalid field." : " invalid fields."),
        null);
    this.errors = List.copyOf(errors);
  }

  public static ValidationFailedException of(String field, String message) {
    return new ValidationFailedException(List.of(new FieldError(field, message)));
  }

  public List<FieldError> errors() {
    return errors;
  }
}
