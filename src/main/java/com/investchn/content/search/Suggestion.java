package com.investchn.content.search;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A title that completes what the reader is typing. */
@Schema(name = "TitleSuggestion", description = "A public article's title that fits a prefix.")
record Suggestion(
    @Schema(required = true, example = "318") long id,
    @Schema(required = true, example = "京蒙协作产业园签约仪式在大兴区举行") String title) {}
