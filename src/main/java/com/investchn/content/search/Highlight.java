package com.investchn.content.search;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Where the query matched in one text of an article. */
@Schema(name = "SearchHighlight", description = "Marked fragments of one text of an article.")
record Highlight(
    @Schema(
            required = true,
            enumeration = {"title", "summary", "body"},
            example = "title")
        String field,
    @Schema(
            required = true,
            description =
                "At most 3 fragments of at most about 120 characters; HTML-escaped text with each"
                    + " match wrapped in <mark>.",
            example = "[\"<mark>京蒙协作</mark>产业园签约\"]")
        List<String> fragments) {}
