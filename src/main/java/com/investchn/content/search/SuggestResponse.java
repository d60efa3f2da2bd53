package com.investchn.content.search;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Title completions for a search box. */
@Schema(name = "TitleSuggestions", description = "Up to 10 titles, best and newest first.")
record SuggestResponse(@Schema(required = true) List<Suggestion> items) {}
