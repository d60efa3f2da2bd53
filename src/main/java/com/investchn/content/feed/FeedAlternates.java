package com.investchn.content.feed;

import com.investchn.content.article.ArticleDetail;
import com.investchn.content.category.CategoryDetail;
import com.investchn.content.common.http.RouteTemplates;
import com.investchn.content.zone.ZoneDetail;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Advertises the feeds that match an article list or detail in its Link header (RFC 8288 {@code
 * rel="alternate"}, one per format): a list's feeds carry its filters, an article's are those of
 * its category, a zone's and a category's are filtered by it. It runs before {@code
 * PublicResponses}, so the links are part of the cached answer; the article, zone and category
 * packages know nothing of feeds.
 */
public class FeedAlternates {

  /**
   * The filters of a list that a feed shares, in the order the request gives them. Not its order:
   * the advertised feed is the newest first however the page is sorted (a feed takes sort= when
   * asked directly).
   */
  private static final Set<String> FILTERS =
      Set.of("category", "zone", "publisherZone", "source", "from", "to");

  private static final String[][] FORMATS = {
    {"articles.rss", FeedResource.RSS},
    {"articles.atom", FeedResource.ATOM},
    {"articles.json", FeedResource.JSON_FEED}
  };

  /** Response filters run by descending priority: this one before PublicResponses (USER). */
  @ServerResponseFilter(priority = Priorities.USER + 100)
  public void advertise(
      ContainerRequestContext request, ContainerResponseContext response, RoutingContext routing) {
    if (response.getStatus() != 200
        || routing == null
        || !(HttpMethod.GET.equals(request.getMethod())
            || HttpMethod.HEAD.equals(request.getMethod()))) {
      return;
    }
    Object route = routing.get(RouteTemplates.ROUTE);
    Object entity = response.getEntity();
    URI uri = request.getUriInfo().getRequestUri();
    String query;
    if ("/api/v1/articles".equals(route)) {
      if (request.getUriInfo().getQueryParameters().containsKey("ids")) {
        // A batch lookup is no list that a feed could follow.
        return;
      }
      query = listFilters(uri.getRawQuery());
    } else if (entity instanceof ArticleDetail article && article.category() != null) {
      query = "category=" + encode(article.category().slug());
    } else if (entity instanceof ZoneDetail zone) {
      query = "zone=" + encode(zone.slug());
    } else if (entity instanceof CategoryDetail category) {
      query = "category=" + encode(category.slug());
    } else {
      return;
    }
    String alternates = header(FeedService.origin(uri), query);
    Object existing = response.getHeaders().getFirst("Link");
    response
        .getHeaders()
        .putSingle("Link", existing == null ? alternates : existing + ", " + alternates);
  }

  /** The three alternate links for the feeds with this (raw) query. */
  static String header(String origin, String query) {
    List<String> links = new ArrayList<>(FORMATS.length);
    for (String[] format : FORMATS) {
      links.add(
          "<"
              + origin
              + "/api/v1/feeds/"
              + format[0]
              + (query.isEmpty() ? "" : "?" + query)
              + ">; rel=\"alternate\"; type=\""
              + format[1]
              + "\"");
    }
    return String.join(", ", links);
  }

  /** The filter pairs of a list's raw query as sent (still encoded); paging and sort left out. */
  private static String listFilters(String rawQuery) {
    if (rawQuery == null || rawQuery.isEmpty()) {
      return "";
    }
    List<String> kept = new ArrayList<>();
    for (String part : rawQuery.split("&")) {
      int eq = part.indexOf('=');
      String name =
          URLDecoder.decode(eq < 0 ? part : part.substring(0, eq), StandardCharsets.UTF_8);
      if (FILTERS.contains(name)) {
        kept.add(part);
      }
    }
    return String.join("&", kept);
  }

  private static String decode(String name) {
    try {
      return URLDecoder.decode(name, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return name;
    }
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
