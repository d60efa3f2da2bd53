package com.investchn.content.common.write;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.investchn.content.common.edge.NulCharacterException;
import com.investchn.content.common.problem.FieldError;
import com.investchn.content.common.problem.ValidationFailedException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Turns Bean Validation results into the {field, message} list of a 400 problem. */
public final class BodyValidation {

  /** An absolute http or https URL without spaces; the scheme in any case. */
  public static final String HTTP_URL = "^(?i)https?://[^\\s/$.?#][^\\s]*$";

  private BodyValidation() {}

  /** The dotted path of the JSON member a mapping failure is about, e.g. {@code tags.2}. */
  public static String field(JsonMappingException failure) {
    return failure.getPath().stream()
        .map(
            reference ->
                reference.getFieldName() != null
                    ? reference.getFieldName()
                    : Integer.toString(reference.getIndex()))
        .collect(Collectors.joining("."));
  }

  /**
   * The 400 for a body member Jackson could not map: a member the body does not have (a typo, never
   * dropped silently), or a value of the wrong type or format.
   */
  public static ValidationFailedException unmapped(JsonMappingException failure) {
    if (failure instanceof UnrecognizedPropertyException unknown) {
      String known =
          unknown.getKnownPropertyIds() == null
              ? ""
              : unknown.getKnownPropertyIds().stream()
                  .map(String::valueOf)
                  .sorted()
                  .collect(Collectors.joining(", "));
      return ValidationFailedException.of(
          field(unknown),
          "is not a field of this body" + (known.isEmpty() ? "" : "; the fields are: " + known));
    }
    if (failure instanceof NulCharacterException) {
      return ValidationFailedException.of(
          field(failure), "must not contain the character U+0000 (NUL)");
    }
    return ValidationFailedException.of(field(failure), "has a value of the wrong type or format");
  }

  public static List<FieldError> errors(Set<? extends ConstraintViolation<?>> violations) {
    return violations.stream()
        .map(
            violation -> new FieldError(field(violation.getPropertyPath()), violation.getMessage()))
        .sorted(Comparator.comparing(FieldError::field).thenComparing(FieldError::message))
        .toList();
  }

  /** The property path without the method and parameter names that a resource call adds. */
  private static String field(Path path) {
    StringBuilder field = new StringBuilder();
    String last = "";
    for (Path.Node node : path) {
      last = String.valueOf(node.getName());
      if (node.getKind() == ElementKind.PROPERTY) {
        field.append(field.length() == 0 ? "" : ".").append(node.getName());
      }
    }
    return field.length() > 0 ? field.toString() : last;
  }
}
