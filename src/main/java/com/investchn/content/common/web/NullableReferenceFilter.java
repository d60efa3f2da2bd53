package com.investchn.content.common.web;

import java.util.List;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;

/**
 * Works around a SmallRye OpenAPI 4.2 quirk: when a record refers twice to a type whose schema is
 * not complete yet (AdjacentArticles.previous and next, both ArticleLink), the second nullable
 * reference loses "null" from its type and is published as {@code type: object} beside {@code
 * anyOf: [ArticleLink, null]}, which forbids the null the server sends. A schema that offers a null
 * branch means to allow null, so its type gets "null" back. Registered with mp.openapi.filter.
 */
public class NullableReferenceFilter implements OASFilter {

  @Override
  public Schema filterSchema(Schema schema) {
    List<SchemaType> type = schema.getType();
    List<Schema> anyOf = schema.getAnyOf();
    if (type != null
        && !type.contains(SchemaType.NULL)
        && anyOf != null
        && anyOf.stream().anyMatch(branch -> List.of(SchemaType.NULL).equals(branch.getType()))) {
      schema.addType(SchemaType.NULL);
    }
    return schema;
  }
}
