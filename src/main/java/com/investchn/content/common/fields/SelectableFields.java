package com.investchn.content.common.fields;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a read whose answer a client may trim with {@code fields=}: {@link #value()} is the
 * representation whose top-level fields can be chosen, the body itself or, for a page, each of its
 * items (the paging fields are always sent). The method declares the {@code fields} query
 * parameter; {@link FieldSelectionFilter} checks it and trims the answer.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface SelectableFields {
  Class<?> value();
}
