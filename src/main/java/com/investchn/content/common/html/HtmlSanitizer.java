package com.investchn.content.common.html;

import com.investchn.content.common.config.ContentApiConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;

/**
 * Cleans article HTML on write with jsoup's allowlist sanitizer, so frontends and partner sites can
 * render bodies as they are: news markup stays, anything that can run code goes.
 */
@ApplicationScoped
public class HtmlSanitizer {

  private final Safelist safelist;
  private final Set<String> iframeHosts;

  public HtmlSanitizer(ContentApiConfig config) {
    this.iframeHosts =
        config.html().iframeHosts().orElse(List.of()).stream()
            .map(host -> host.trim().toLowerCase(Locale.ROOT))
            .filter(host -> !host.isEmpty())
            .collect(Collectors.toUnmodifiableSet());
    // relaxed(): paragraphs, headings, lists, links, images, tables, emphasis, quotes, code;
    // no style, no class, no event handlers, no script, no form elements.
    Safelist news =
        Safelist.relaxed()
            .addTags("figure", "figcaption", "hr")
            .removeProtocols("a", "href", "ftp")
            .addEnforcedAttribute("a", "rel", "noopener noreferrer");
    if (!iframeHosts.isEmpty()) {
      news.addTags("iframe")
          .addAttributes("iframe", "src", "width", "height", "title", "allowfullscreen")
          .addProtocols("iframe", "src", "https");
    }
    this.safelist = news;
  }

  /** The allowed part of an HTML fragment. */
  public String sanitize(String html) {
    if (html == null || html.isEmpty()) {
      return "";
    }
    Document dirty = Jsoup.parseBodyFragment(html, "");
    Document clean = new Cleaner(safelist).clean(dirty);
    for (Element iframe : clean.select("iframe")) {
      if (!iframeHosts.contains(host(iframe.attr("src")))) {
        iframe.remove();
      } else {
        // An iframe's children are fallback markup that HTML5 parsers ignore but other consumers
        // (feed readers, old renderers) may not: an allowed iframe keeps none.
        iframe.empty();
      }
    }
    clean.outputSettings().prettyPrint(false);
    return clean.body().html();
  }

  private static String host(String src) {
    try {
      String host = URI.create(src).getHost();
      return host == null ? "" : host.toLowerCase(Locale.ROOT);
    } catch (IllegalArgumentException e) {
      return "";
    }
  }
}
