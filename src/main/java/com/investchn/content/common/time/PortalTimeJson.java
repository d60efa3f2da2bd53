package com.investchn.content.common.time;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.time.OffsetDateTime;

/**
 * Writes every OffsetDateTime of every answer, export line and problem in {@link PortalTime#WIRE},
 * whichever record carries it, instead of Jackson's form whose precision varies with the value.
 */
@Singleton
class PortalTimeJson implements ObjectMapperCustomizer {

  /** After Quarkus's own customizers, which register Jackson's time module with its forms. */
  @Override
  public int priority() {
    return MINIMUM_PRIORITY;
  }

  @Override
  public void customize(ObjectMapper mapper) {
    mapper.registerModule(
        new SimpleModule("portal-time").addSerializer(OffsetDateTime.class, new WireSerializer()));
  }

  private static final class WireSerializer extends StdSerializer<OffsetDateTime> {

    WireSerializer() {
      super(OffsetDateTime.class);
    }

    @Override
    public void serialize(OffsetDateTime value, JsonGenerator json, SerializerProvider provider)
        throws IOException {
      json.writeString(PortalTime.format(value));
    }
  }
}
