package com.investchn.content.article;

import com.investchn.content.common.edge.IdOrSlug;
import com.investchn.content.common.edge.QueryParameters;
import com.investchn.content.common.problem.InvalidParameterException;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The {@code ids} parameter of {@code GET /articles}: a batch lookup by id or slug. */
final class ArticleIds {

  /** The most ids or slugs one request may name. */
  static final int MAX = 100;

  /**
   * Parameters that choose or page a list, which a batch lookup has no use for: the list's own
   * names, so a filter added there is refused beside ids too.
   */
  private static final Set<String> EXCLUSIVE =
      Stream.of(ArticleResource.LIST_PARAMETERS, ArticleResource.PAGING_PARAMETERS)
          .flatMap(Arrays::stream)
          .collect(Collectors.toUnmodifiableSet());

  private ArticleIds() {}

  /** The ids and slugs in the order given; an empty item or more than {@link #MAX} is a 400. */
  static List<IdOrSlug> parse(String raw) {
    String[] items = raw.split(",", -1);
    if (items.length > MAX) {
      throw new InvalidParameterException(
          "ids", "names " + items.length + " articles; at most " + MAX + " are allowed.");
    }
    List<IdOrSlug> wanted = new ArrayList<>(items.length);
    for (String item : items) {
      String value = item.strip();
      if (value.length() > QueryParameters.MAX_VALUE_LENGTH) {
        throw new InvalidParameterException(
            "ids",
            "names an id or slug of "
                + value.length()
                + " characters; each is at most "
                + QueryParameters.MAX_VALUE_LENGTH
                + " characters long.");
      }
      if (value.isEmpty()) {
        throw new InvalidParameterException(
            "ids",
            "must be a comma-separated list of article ids or slugs without empty items, e.g."
                + " ids=318,daxing-signing-ceremony-2024-06-21.");
      }
      wanted.add(IdOrSlug.parse(value));
    }
    return wanted;
  }

  /** A batch lookup is one page of exactly those articles: no filter, order or paging. */
  static void requireAlone(UriInfo uriInfo) {
    for (String name : uriInfo.getQueryParameters().keySet()) {
      if (EXCLUSIVE.contains(name)) {
        throw new InvalidParameterException(
            name,
            "cannot be combined with 'ids': ids answers exactly the articles it names, in its"
                + " order, as one page.");
      }
    }
  }
}
