package com.investchn.content.feed;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A JSON Feed 1.1 document (https://jsonfeed.org/version/1.1). Unlike the API's own records, absent
 * values are left out rather than sent as null: the format defines its optional keys as strings or
 * arrays, and readers are not required to accept null for them.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(
    name = "JsonFeed",
    description = "A JSON Feed 1.1 document; keys without a value are left out.")
record JsonFeed(
    @Schema(required = true) String version,
    @Schema(required = true) String title,
    @JsonProperty("home_page_url") String homePageUrl,
    @JsonProperty("feed_url") String feedUrl,
    String description,
    String icon,
    String favicon,
    String language,
    List<Author> authors,
    @Schema(required = true) List<Item> items) {

  static final String VERSION = "https://jsonfeed.org/version/1.1";

  static JsonFeed from(Feed feed) {
    return new JsonFeed(
        VERSION,
        feed.title(),
        feed.homeUrl(),
        feed.selfUrl(),
        feed.description(),
        feed.logoUrl(),
        feed.logoUrl(),
        FeedXml.LANGUAGE,
        List.of(new Author(feed.siteName(), feed.homeUrl())),
        feed.entries().stream().map(Item::from).toList());
  }

  /** An author: the site for the feed, the byline for an item. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @Schema(name = "JsonFeedAuthor")
  record Author(String name, String url) {}

  /** One article. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @Schema(name = "JsonFeedItem", description = "One article of a JSON Feed.")
  record Item(
      @Schema(required = true) String id,
      String url,
      String title,
      @JsonProperty("content_html") String contentHtml,
      String summary,
      @JsonProperty("date_published") String datePublished,
      @JsonProperty("date_modified") String dateModified,
      List<Author> authors,
      List<String> tags) {

    static Item from(Feed.Entry entry) {
      return new Item(
          entry.id(),
          entry.url(),
          entry.title(),
          entry.contentHtml(),
          entry.summary(),
          FeedTimes.rfc3339(entry.published()),
          FeedTimes.rfc3339(entry.updated()),
          entry.author() == null ? null : List.of(new Author(entry.author(), null)),
          entry.categories());
    }
  }
}
