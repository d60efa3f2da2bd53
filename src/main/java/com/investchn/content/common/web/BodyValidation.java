package com.investchn.content.common.web;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/** Turns Bean Validation results into the {field, message} list of a 400 problem. */
public final class BodyValidation {

  private BodyValidation() {}

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
