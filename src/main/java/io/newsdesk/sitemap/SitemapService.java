package io.newsdesk.sitemap;

import io.newsdesk.config.NewsdeskConfig;
import io.newsdesk.media.Pictures;
import io.newsdesk.web.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.io.ByteArrayOutputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Sitemaps for search engines (sitemaps.org 0.9, with Google's image and news extensions): an index
 * of monthly article sitemaps (by publication month, at most {@value #PER_SITEMAP} URLs each, as
 * the protocol allows), and a news sitemap of the last 48 hours. Published articles only; URLs are
 * the articles' public pages.
 */
@ApplicationScoped
class SitemapService {

  static final int PER_SITEMAP = 50_000;
  static final int NEWS_MAX = 1_000;
  static final Duration NEWS_WINDOW = Duration.ofHours(48);

  private static final String SITEMAP = "http://www.sitemaps.org/schemas/sitemap/0.9";
  private static final String IMAGE = "http://www.google.com/schemas/sitemap-image/1.1";
  private static final String NEWS = "http://www.google.com/schemas/sitemap-news/0.9";
  private static final XMLOutputFactory XML = XMLOutputFactory.newFactory();

  /** A sitemap and the time it changes by itself (an article leaving the news window), or null. */
  record Xml(byte[] bytes, Instant validUntil) {}

  private final EntityManager entityManager;
  private final Pictures pictures;
  private final NewsdeskConfig.Site site;
  private final Clock clock;

  SitemapService(
      EntityManager entityManager, Pictures pictures, NewsdeskConfig config, Clock clock) {
    this.entityManager = entityManager;
    this.pictures = pictures;
    this.site = config.site();
    this.clock = clock;
  }

  /** The sitemap index: every month with published articles (newest first), then the news one. */
  byte[] index() {
    @SuppressWarnings("unchecked")
    List<Object[]> months =
        entityManager
            .createNativeQuery(
                "select to_char(t.published_at at time zone 'UTC', 'YYYY-MM'), count(*),"
                    + " max(greatest(a.updated_at, t.published_at))"
                    + " from teaser t join article a on a.id = t.article_id"
                    + " where t.published_at <= :now group by 1 order by 1 desc",
                Object[].class)
            .setParameter("now", clock.instant())
            .getResultList();
    return write(
        xml -> {
          xml.writeStartElement("sitemapindex");
          xml.writeDefaultNamespace(SITEMAP);
          for (Object[] month : months) {
            long pages = (((Number) month[1]).longValue() + PER_SITEMAP - 1) / PER_SITEMAP;
            for (long page = 1; page <= pages; page++) {
              String name = "/sitemap-" + month[0] + (page == 1 ? "" : "-p" + page) + ".xml";
              xml.writeStartElement("sitemap");
              element(xml, "loc", site.baseUrl() + name);
              element(xml, "lastmod", ((Instant) month[2]).toString());
              xml.writeEndElement();
            }
          }
          xml.writeStartElement("sitemap");
          element(xml, "loc", site.baseUrl() + "/sitemaps/news.xml");
          xml.writeEndElement();
          xml.writeEndElement();
        });
  }

  /** Page {@code page} of the articles first published in {@code month}; 404 when it is empty. */
  byte[] month(YearMonth month, int page) {
    Instant from = month.atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
    Instant to = month.plusMonths(1).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
    Instant now = clock.instant();
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        entityManager
            .createNativeQuery(
                "select t.category_slug, t.slug, greatest(a.updated_at, t.published_at),"
                    + " t.image_asset_id, m.width, t.image_url"
                    + " from teaser t join article a on a.id = t.article_id"
                    + " left join asset m on m.id = t.image_asset_id"
                    + " where t.published_at >= :from and t.published_at < :to"
                    + " and t.published_at <= :now"
                    + " order by t.published_at, t.article_id offset :offset limit :limit",
                Object[].class)
            .setParameter("from", from)
            .setParameter("to", to)
            .setParameter("now", now)
            .setParameter("offset", (long) (page - 1) * PER_SITEMAP)
            .setParameter("limit", PER_SITEMAP)
            .getResultList();
    if (rows.isEmpty()) {
      throw ProblemException.notFound("No published article is in the sitemap " + month);
    }
    return write(
        xml -> {
          xml.writeStartElement("urlset");
          xml.writeDefaultNamespace(SITEMAP);
          xml.writeNamespace("image", IMAGE);
          for (Object[] row : rows) {
            xml.writeStartElement("url");
            element(xml, "loc", site.articleUrl((String) row[0], (String) row[1]));
            element(xml, "lastmod", ((Instant) row[2]).toString());
            String image = image((UUID) row[3], (Number) row[4], (String) row[5]);
            if (image != null) {
              xml.writeStartElement("image", "image", IMAGE);
              xml.writeStartElement("image", "loc", IMAGE);
              xml.writeCharacters(image);
              xml.writeEndElement();
              xml.writeEndElement();
            }
            xml.writeEndElement();
          }
          xml.writeEndElement();
        });
  }

  /**
   * Articles published in the last 48 hours, newest first, at most {@value #NEWS_MAX}; it goes
   * stale when the oldest of them leaves the window.
   */
  Xml news() {
    Instant now = clock.instant();
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        entityManager
            .createNativeQuery(
                "select t.category_slug, t.slug, t.published_at, t.title from teaser t"
                    + " where t.published_at <= :now and t.published_at > :since"
                    + " order by t.published_at desc, t.article_id desc limit :limit",
                Object[].class)
            .setParameter("now", now)
            .setParameter("since", now.minus(NEWS_WINDOW))
            .setParameter("limit", NEWS_MAX)
            .getResultList();
    byte[] bytes =
        write(
            xml -> {
              xml.writeStartElement("urlset");
              xml.writeDefaultNamespace(SITEMAP);
              xml.writeNamespace("news", NEWS);
              for (Object[] row : rows) {
                xml.writeStartElement("url");
                element(xml, "loc", site.articleUrl((String) row[0], (String) row[1]));
                xml.writeStartElement("news", "news", NEWS);
                xml.writeStartElement("news", "publication", NEWS);
                element(xml, NEWS, "name", site.name());
                element(xml, NEWS, "language", site.language());
                xml.writeEndElement();
                element(xml, NEWS, "publication_date", ((Instant) row[2]).toString());
                element(xml, NEWS, "title", (String) row[3]);
                xml.writeEndElement();
                xml.writeEndElement();
              }
              xml.writeEndElement();
            });
    Instant leaves =
        rows.isEmpty() ? null : ((Instant) rows.get(rows.size() - 1)[2]).plus(NEWS_WINDOW);
    return new Xml(bytes, leaves);
  }

  /** Where crawlers may go, and where the sitemaps are. */
  String robots() {
    return "User-agent: *\n"
        + "Disallow: /api/v1/manage/\n"
        + "Disallow: /api/v1/preview/\n"
        + "Disallow: /q/\n"
        + "\n"
        + "Sitemap: "
        + site.baseUrl()
        + "/sitemap.xml\n"
        + "Sitemap: "
        + site.baseUrl()
        + "/sitemaps/news.xml\n";
  }

  /** A library photo's largest JPEG, an external picture's URL made absolute, or null. */
  private String image(UUID asset, Number width, String url) {
    if (asset != null && width != null) {
      return pictures.largest(asset, width.intValue());
    }
    if (url == null) {
      return null;
    }
    return url.startsWith("/") ? site.baseUrl() + url : url;
  }

  @FunctionalInterface
  private interface Body {
    void write(XMLStreamWriter xml) throws XMLStreamException;
  }

  private static byte[] write(Body body) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      XMLStreamWriter xml = XML.createXMLStreamWriter(out, "UTF-8");
      xml.writeStartDocument("UTF-8", "1.0");
      body.write(xml);
      xml.writeEndDocument();
      xml.close();
    } catch (XMLStreamException e) {
      throw new IllegalStateException("Writing XML to memory cannot fail", e);
    }
    return out.toByteArray();
  }

  private static void element(XMLStreamWriter xml, String name, String text)
      throws XMLStreamException {
    xml.writeStartElement(name);
    xml.writeCharacters(text);
    xml.writeEndElement();
  }

  private static void element(XMLStreamWriter xml, String namespace, String name, String text)
      throws XMLStreamException {
    xml.writeStartElement("news", name, namespace);
    xml.writeCharacters(text);
    xml.writeEndElement();
  }
}
