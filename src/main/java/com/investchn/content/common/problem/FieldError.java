package com.investchn.content.common.problem;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One invalid field of a request body. */
@Schema(name = "FieldError", description = "One invalid field and what is wrong with it.")
public record FieldError(
    @Schema(required = true, example = "title") String field,
    @Schema(required = true, example = "must not be blank") String message) {}
