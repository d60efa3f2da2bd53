package com.investchn.content.common.edge;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;

/**
 * A JSON string that holds U+0000. PostgreSQL cannot store it in a text column ("invalid byte
 * sequence for encoding UTF8: 0x00", a 500 found by AdminBodyFuzzTest), H2 can, and no field of
 * this API has a use for it: it is refused as the body's error, naming the field, on both.
 */
public final class NulCharacterException extends InvalidFormatException {

  NulCharacterException(JsonParser parser, String value) {
    super(parser, "A string holds the character U+0000", value, String.class);
  }
}
