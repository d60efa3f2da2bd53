package com.investchn.content.feed;

import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes sitemaps and sitemap indexes (https://www.sitemaps.org/protocol.html) as they go, with the
 * JDK's StAX writer, which escapes every location: a file of 50,000 URLs is never held as a tree.
 */
final class SitemapXml {

  static final String NAMESPACE = "http://www.sitemaps.org/schemas/sitemap/0.9";

  /** A location with the time it last changed. */
  record Location(String loc, Instant lastModified) {}

  private SitemapXml() {}

  static byte[] index(List<Location> sitemaps) {
    return write("sitemapindex", "sitemap", sitemaps);
  }

  static byte[] urlset(List<Location> urls) {
    return write("urlset", "url", urls);
  }

  private static byte[] write(String root, String child, List<Location> locations) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(256 + locations.size() * 128);
    try {
      XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
      xml.writeStartDocument("UTF-8", "1.0");
      xml.setDefaultNamespace(NAMESPACE);
      xml.writeStartElement(NAMESPACE, root);
      xml.writeDefaultNamespace(NAMESPACE);
      for (Location location : locations) {
        xml.writeStartElement(NAMESPACE, child);
        xml.writeStartElement(NAMESPACE, "loc");
        xml.writeCharacters(location.loc());
        xml.writeEndElement();
        xml.writeStartElement(NAMESPACE, "lastmod");
        xml.writeCharacters(FeedTimes.rfc3339(location.lastModified()));
        xml.writeEndElement();
        xml.writeEndElement();
      }
      xml.writeEndElement();
      xml.writeEndDocument();
      xml.close();
    } catch (XMLStreamException e) {
      throw new IllegalStateException("The sitemap could not be written", e);
    }
    return out.toByteArray();
  }
}
