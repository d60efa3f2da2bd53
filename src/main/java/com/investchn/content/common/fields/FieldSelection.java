package com.investchn.content.common.fields;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.investchn.content.common.edge.QueryParameters;
import com.investchn.content.common.problem.InvalidParameterException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The top-level fields a client chose with {@code fields=id,slug,title}: names of the
 * representation as it is sent (its JSON property names), each at most once in effect. A name the
 * representation does not have is a 400 that names it and lists the valid ones, so a misspelt field
 * is never silently dropped. A reference (zone, category) is one field and comes whole.
 */
public final class FieldSelection {

  /** The query parameter. */
  public static final String PARAMETER = "fields";

  private static final ObjectMapper NAMES = new ObjectMapper();
  private static final ConcurrentHashMap<Class<?>, List<String>> FIELDS = new ConcurrentHashMap<>();

  private final Set<String> names;

  private FieldSelection(Set<String> names) {
    this.names = names;
  }

  /** The names a representation is sent with, in its order. */
  public static List<String> fieldsOf(Class<?> representation) {
    return FIELDS.computeIfAbsent(
        representation,
        type ->
            NAMES
                .getSerializationConfig()
                .introspect(NAMES.constructType(type))
                .findProperties()
                .stream()
                .map(BeanPropertyDefinition::getName)
                .toList());
  }

  /**
   * Parses a comma-separated list against the representation's fields; spaces around a name are
   * ignored, an empty item or an unknown name is a 400.
   */
  public static FieldSelection parse(String raw, Class<?> representation) {
    List<String> valid = fieldsOf(representation);
    Set<String> chosen = new LinkedHashSet<>();
    for (String item : raw.split(",", -1)) {
      String name = item.strip();
      if (name.isEmpty()) {
        throw new InvalidParameterException(
            PARAMETER,
            "must be a comma-separated list of field names without empty items, e.g."
                + " fields=id,slug,title; the fields are "
                + String.join(", ", valid)
                + ".");
      }
      if (!valid.contains(name)) {
        throw new InvalidParameterException(
            PARAMETER,
            "names an unknown field '"
                + QueryParameters.shown(name)
                + "'; the fields are "
                + String.join(", ", valid)
                + ".");
      }
      chosen.add(name);
    }
    return new FieldSelection(Set.copyOf(chosen));
  }

  /** Keeps only the chosen fields of one object (of the representation). */
  public void trim(JsonNode node) {
    if (node instanceof ObjectNode object) {
      object.retain(names);
    }
  }

  /** Keeps only the chosen fields of every object of an array. */
  public void trimEach(JsonNode array) {
    if (array != null && array.isArray()) {
      array.forEach(this::trim);
    }
  }

  public Set<String> names() {
    return names;
  }
}
