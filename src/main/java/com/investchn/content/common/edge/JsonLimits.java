package com.investchn.content.common.edge;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.io.IOException;

/**
 * How the API reads JSON: a member it does not know is an error (a misspelt {@code titel} must
 * never be dropped silently), and a document nested deeper than any real body is refused by the
 * parser before it can cost a deep stack; a member given twice is an error too, and so is a string
 * holding U+0000, which PostgreSQL cannot store. The importer opts out of the first rule for the
 * members of the export format it does not apply.
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
    mapper.registerModule(new SimpleModule("no-nul-strings").addDeserializer(String.class, NO_NUL));
  }

  /** Every string of a body, also inside lists and merge patches, refuses U+0000. */
  private static final StdScalarDeserializer<String> NO_NUL =
      new StdScalarDeserializer<>(String.class) {
        @Override
        public String deserialize(JsonParser parser, DeserializationContext context)
            throws IOException {
          String value = StringDeserializer.instance.deserialize(parser, context);
          if (value != null && value.indexOf('\u0000') >= 0) {
            throw new NulCharacterException(parser, value);
          }
          return value;
        }
      };
}
