package com.investchn.content.common.edge;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

/**
 * How the API reads JSON: a member it does not know is an error (a misspelt {@code titel} must
 * never be dropped silently), and a document nested deeper than any real body is refused by the
 * parser before it can cost a deep stack; a member given twice is an error too. The importer opts
 * out of the first rule for the members of the export format it does not apply.
 */
@Singleton
public class JsonLimits implements ObjectMapperCustomizer {

  /** Deeper than any body of this API (an article input is three levels). */
  public static final int MAX_NESTING_DEPTH = 64;

  @Override
  public void customize(ObjectMapper mapper) {
    mapper.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    // A member given twice is ambiguous, and for a record Jackson fails on it with an error of
    // its own definitions (a 500), not of the input.
    mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    mapper
        .getFactory()
        .setStreamReadConstraints(
            StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING_DEPTH).build());
  }
}
