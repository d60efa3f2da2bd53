package com.investchn.content.feed;

import com.rometools.rome.feed.WireFeed;
import com.rometools.rome.feed.atom.Content;
import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Link;
import com.rometools.rome.feed.atom.Person;
import com.rometools.rome.feed.rss.Channel;
import com.rometools.rome.feed.rss.Description;
import com.rometools.rome.feed.rss.Guid;
import com.rometools.rome.feed.rss.Image;
import com.rometools.rome.feed.rss.Item;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.WireFeedOutput;
import java.util.ArrayList;
import java.util.List;
import org.jdom2.Document;
import org.jdom2.Element;
import org.jdom2.Namespace;
import org.jdom2.Verifier;
import org.jdom2.output.Format;
import org.jdom2.output.XMLOutputter;

/**
 * Writes a {@link Feed} as RSS 2.0 or Atom 1.0 with ROME, which owns the structure, namespaces and
 * escaping. The times are then set on ROME's document by hand, because ROME writes them in GMT and
 * the portal speaks +08:00; RSS also gets its {@code atom:link rel="self"} and {@code dc:creator}
 * there.
 */
final class FeedXml {

  static final String LANGUAGE = "zh-CN";

  private static final Namespace ATOM = Namespace.getNamespace("http://www.w3.org/2005/Atom");
  private static final Namespace ATOM_IN_RSS =
      Namespace.getNamespace("atom", "http://www.w3.org/2005/Atom");
  private static final Namespace DC =
      Namespace.getNamespace("dc", "http://purl.org/dc/elements/1.1/");

  private FeedXml() {}

  static String rss(Feed given) {
    Feed feed = xmlCharactersOnly(given);
    Channel channel = new Channel("rss_2.0");
    channel.setTitle(feed.title());
    channel.setLink(feed.homeUrl());
    channel.setDescription(feed.description());
    channel.setLanguage(LANGUAGE);
    channel.setCopyright(feed.copyright());
    if (feed.logoUrl() != null) {
      Image image = new Image();
      image.setUrl(feed.logoUrl());
      image.setTitle(feed.title());
      image.setLink(feed.homeUrl());
      channel.setImage(image);
    }
    List<Item> items = new ArrayList<>();
    for (Feed.Entry entry : feed.entries()) {
      Item item = new Item();
      item.setTitle(entry.title());
      item.setLink(entry.url());
      Guid guid = new Guid();
      guid.setValue(entry.id());
      guid.setPermaLink(entry.id().equals(entry.url()));
      item.setGuid(guid);
      Description summary = new Description();
      summary.setValue(entry.summary());
      item.setDescription(summary);
      com.rometools.rome.feed.rss.Content body = new com.rometools.rome.feed.rss.Content();
      body.setType(com.rometools.rome.feed.rss.Content.HTML);
      body.setValue(entry.contentHtml());
      item.setContent(body);
      List<com.rometools.rome.feed.rss.Category> categories = new ArrayList<>();
      for (String term : entry.categories()) {
        com.rometools.rome.feed.rss.Category category = new com.rometools.rome.feed.rss.Category();
        category.setValue(term);
        categories.add(category);
      }
      item.setCategories(categories);
      items.add(item);
    }
    channel.setItems(items);

    Document document = document(channel);
    Element root = document.getRootElement();
    root.addNamespaceDeclaration(ATOM_IN_RSS);
    root.addNamespaceDeclaration(DC);
    Element element = root.getChild("channel");
    // Beside the channel's own link, before the items, where readers and validators look.
    int afterLink = element.indexOf(element.getChild("link")) + 1;
    element.addContent(
        afterLink,
        List.of(
            new Element("link", ATOM_IN_RSS)
                .setAttribute("href", feed.selfUrl())
                .setAttribute("rel", "self")
                .setAttribute("type", FeedResource.RSS),
            new Element("lastBuildDate").setText(FeedTimes.rfc822(feed.updated()))));
    Element image = element.getChild("image");
    if (image != null) {
      // ROME writes an unknown size as -1, which RSS does not allow; the size is optional.
      image.removeChild("width");
      image.removeChild("height");
    }
    List<Element> itemElements = element.getChildren("item");
    for (int i = 0; i < itemElements.size(); i++) {
      Feed.Entry entry = feed.entries().get(i);
      Element item = itemElements.get(i);
      item.addContent(new Element("pubDate").setText(FeedTimes.rfc822(entry.published())));
      if (entry.author() != null) {
        item.addContent(new Element("creator", DC).setText(entry.author()));
      }
    }
    return write(document);
  }

  static String atom(Feed given) {
    Feed feed = xmlCharactersOnly(given);
    com.rometools.rome.feed.atom.Feed atom = new com.rometools.rome.feed.atom.Feed("atom_1.0");
    atom.setId(feed.selfUrl());
    atom.setTitleEx(text(feed.title()));
    atom.setSubtitle(text(feed.description()));
    atom.setLanguage(LANGUAGE);
    atom.setAlternateLinks(List.of(link("alternate", "text/html", feed.homeUrl())));
    atom.setOtherLinks(List.of(link("self", FeedResource.ATOM, feed.selfUrl())));
    atom.setAuthors(List.of(person(feed.siteName(), feed.homeUrl())));
    if (feed.logoUrl() != null) {
      atom.setLogo(feed.logoUrl());
      atom.setIcon(feed.logoUrl());
    }
    if (feed.copyright() != null) {
      atom.setRights(feed.copyright());
    }
    List<Entry> entries = new ArrayList<>();
    for (Feed.Entry item : feed.entries()) {
      Entry entry = new Entry();
      entry.setId(item.id());
      entry.setTitleEx(text(item.title()));
      entry.setAlternateLinks(List.of(link("alternate", "text/html", item.url())));
      if (item.author() != null) {
        entry.setAuthors(List.of(person(item.author(), null)));
      }
      List<com.rometools.rome.feed.atom.Category> categories = new ArrayList<>();
      for (String term : item.categories()) {
        com.rometools.rome.feed.atom.Category category =
            new com.rometools.rome.feed.atom.Category();
        category.setTerm(term);
        categories.add(category);
      }
      entry.setCategories(categories);
      entry.setSummary(text(item.summary()));
      Content body = new Content();
      body.setType(Content.HTML);
      body.setValue(item.contentHtml());
      entry.setContents(List.of(body));
      entries.add(entry);
    }
    atom.setEntries(entries);

    Document document = document(atom);
    Element root = document.getRootElement();
    // ROME leaves the language out of Atom; xml:lang on the feed is where Atom carries it.
    root.setAttribute("lang", LANGUAGE, Namespace.XML_NAMESPACE);
    root.addContent(new Element("updated", ATOM).setText(FeedTimes.rfc3339(feed.updated())));
    List<Element> entryElements = root.getChildren("entry", ATOM);
    for (int i = 0; i < entryElements.size(); i++) {
      Feed.Entry item = feed.entries().get(i);
      Element entry = entryElements.get(i);
      entry.addContent(new Element("published", ATOM).setText(FeedTimes.rfc3339(item.published())));
      entry.addContent(new Element("updated", ATOM).setText(FeedTimes.rfc3339(item.updated())));
    }
    return write(document);
  }

  private static Content text(String value) {
    Content content = new Content();
    content.setType(Content.TEXT);
    content.setValue(value);
    return content;
  }

  private static Link link(String rel, String type, String href) {
    Link link = new Link();
    link.setRel(rel);
    link.setType(type);
    link.setHref(href);
    return link;
  }

  private static Person person(String name, String uri) {
    Person person = new Person();
    person.setName(name);
    person.setUri(uri);
    return person;
  }

  /**
   * The feed without the characters XML 1.0 cannot carry at all, not even as a reference (most C0
   * controls, lone surrogates, U+FFFE and U+FFFF): a source filter or an article text holding one
   * would otherwise make the whole feed a 500. JSON Feed keeps them.
   */
  static Feed xmlCharactersOnly(Feed feed) {
    return new Feed(
        xmlCharactersOnly(feed.title()),
        xmlCharactersOnly(feed.description()),
        feed.homeUrl(),
        feed.selfUrl(),
        xmlCharactersOnly(feed.siteName()),
        feed.logoUrl(),
        xmlCharactersOnly(feed.copyright()),
        feed.updated(),
        feed.entries().stream()
            .map(
                entry ->
                    new Feed.Entry(
                        entry.id(),
                        entry.url(),
                        xmlCharactersOnly(entry.title()),
                        xmlCharactersOnly(entry.summary()),
                        xmlCharactersOnly(entry.contentHtml()),
                        entry.published(),
                        entry.updated(),
                        xmlCharactersOnly(entry.author()),
                        entry.categories().stream().map(FeedXml::xmlCharactersOnly).toList()))
            .toList());
  }

  static String xmlCharactersOnly(String text) {
    if (text == null || text.codePoints().allMatch(Verifier::isXMLCharacter)) {
      return text;
    }
    StringBuilder kept = new StringBuilder(text.length());
    text.codePoints().filter(Verifier::isXMLCharacter).forEach(kept::appendCodePoint);
    return kept.toString();
  }

  private static Document document(WireFeed feed) {
    try {
      return new WireFeedOutput().outputJDom(feed);
    } catch (FeedException e) {
      throw new IllegalStateException("The feed could not be written", e);
    }
  }

  /** UTF-8 and no reformatting: an article body's whitespace is kept as stored. */
  private static String write(Document document) {
    return new XMLOutputter(Format.getRawFormat().setEncoding("UTF-8")).outputString(document);
  }
}
