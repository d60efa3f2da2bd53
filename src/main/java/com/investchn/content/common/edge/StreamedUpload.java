package com.investchn.content.common.edge;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a resource method that streams a request body of any size itself (the NDJSON import), so
 * that {@link BodySizeLimit} leaves it alone. Every other body is one JSON document.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface StreamedUpload {}
