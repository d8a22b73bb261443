package io.newsdesk.syndication;

import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndCategoryImpl;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndContentImpl;
import com.rometools.rome.feed.synd.SyndEnclosure;
import com.rometools.rome.feed.synd.SyndEnclosureImpl;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndEntryImpl;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndFeedImpl;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.feed.synd.SyndLinkImpl;
import com.rometools.rome.feed.synd.SyndPerson;
import com.rometools.rome.feed.synd.SyndPersonImpl;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedOutput;
import io.newsdesk.article.FeedEntry;
import io.newsdesk.article.LatestArticles;
import io.newsdesk.cache.Reply;
import io.newsdesk.cache.SurrogateKeys;
import io.newsdesk.category.CategoryService;
import io.newsdesk.category.CategoryView;
import io.newsdesk.changes.ChangeFeed;
import io.newsdesk.config.NewsdeskConfig;
import io.newsdesk.media.ImageView;
import io.newsdesk.web.ProblemException;
import io.vertx.core.buffer.Buffer;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jdom2.Document;
import org.jdom2.Element;
import org.jdom2.Namespace;
import org.jdom2.output.XMLOutputter;
import org.jsoup.nodes.Entities;

/**
 * RSS 2.0, Atom 1.0 (both written by Rome) and JSON Feed 1.1 of the newest published articles,
 * overall or of one category, with absolute links on the configured public site.
 */
@ApplicationScoped
class Syndication {

  enum Format {
    RSS("rss_2.0", "rss.xml", "application/rss+xml; charset=utf-8"),
    ATOM("atom_1.0", "atom.xml", "application/atom+xml; charset=utf-8"),
    JSON(null, "feed.json", "application/feed+json; charset=utf-8");

    final String romeType;
    final String file;
    final String contentType;

    Format(String romeType, String file, String contentType) {
      this.romeType = romeType;
      this.file = file;
      this.contentType = contentType;
    }
  }

  private static final Namespace ATOM =
      Namespace.getNamespace("atom", "http://www.w3.org/2005/Atom");

  private final LatestArticles articles;
  private final CategoryService categories;
  private final NewsdeskConfig.Site site;
  private final NewsdeskConfig.Feeds feeds;
  private final ChangeFeed changes;
  private final Clock clock;

  Syndication(
      LatestArticles articles,
      CategoryService categories,
      ChangeFeed changes,
      NewsdeskConfig config,
      Clock clock) {
    this.articles = articles;
    this.changes = changes;
    this.categories = categories;
    this.site = config.site();
    this.feeds = config.feeds();
    this.clock = clock;
  }

  /** RSS or Atom; an unknown category is a 404, since a feed has to say what it is. */
  Reply<Buffer> xml(Format format, String category) {
    String title = title(category);
    List<FeedEntry> entries = articles.latest(category, feeds.items(), feeds.fullContent());
    byte[] body = romeFeed(format, title, self(format, category), entries);
    return Reply.bytes(body, format.contentType, keys(category, entries))
        .lastModified(lastModified(entries));
  }

  /** JSON Feed; an unknown category is a 404. */
  Reply<JsonFeed> json(String category) {
    String title = title(category);
    List<FeedEntry> entries = articles.latest(category, feeds.items(), feeds.fullContent());
    JsonFeed feed =
        new JsonFeed(
            JsonFeed.VERSION,
            title,
            site.baseUrl() + "/",
            self(Format.JSON, category),
            entries.stream().map(this::jsonItem).toList());
    return Reply.json(feed, Format.JSON.contentType, keys(category, entries))
        .lastModified(lastModified(entries));
  }

  /**
   * The newest visible change, which also moves when an article leaves the feed (the newest entry's
   * time alone would not), and never before an entry's own last change.
   */
  private Instant lastModified(List<FeedEntry> entries) {
    Instant changed = changes.lastVisibleChange(clock.instant());
    Instant newest = lastChange(entries);
    return changed == null || changed.isBefore(newest) ? newest : changed;
  }

  private String title(String category) {
    if (category == null) {
      return site.name();
    }
    CategoryView of =
        categories
            .find(category)
            .orElseThrow(
                () -> ProblemException.notFound("There is no category '" + category + "'"));
    return site.name() + ": " + of.name();
  }

  private String self(Format format, String category) {
    return site.baseUrl()
        + "/feeds/"
        + format.file
        + (category == null ? "" : "?category=" + category);
  }

  private static Set<String> keys(String category, List<FeedEntry> entries) {
    Set<String> keys = new LinkedHashSet<>();
    keys.add(SurrogateKeys.FEED);
    if (category != null) {
      keys.add(SurrogateKeys.category(category));
    }
    entries.forEach(e -> keys.add(SurrogateKeys.article(e.teaser().id())));
    return keys;
  }

  private byte[] romeFeed(Format format, String title, String self, List<FeedEntry> entries) {
    SyndFeed feed = new SyndFeedImpl();
    feed.setFeedType(format.romeType);
    feed.setTitle(title);
    feed.setDescription("The latest articles from " + title);
    feed.setLink(site.baseUrl() + "/");
    feed.setUri(self);
    feed.setLinks(List.of(link("alternate", site.baseUrl() + "/"), link("self", self)));
    feed.setPublishedDate(Date.from(lastChange(entries)));
    List<SyndEntry> items = new ArrayList<>();
    for (FeedEntry entry : entries) {
      SyndEntry item = new SyndEntryImpl();
      item.setTitle(entry.teaser().title());
      item.setLink(articleUrl(entry));
      item.setUri("urn:uuid:" + entry.teaser().id());
      item.setPublishedDate(Date.from(entry.teaser().publishedAt()));
      item.setUpdatedDate(Date.from(entry.updatedAt()));
      item.setDescription(description(format, entry.teaser().excerpt()));
      if (entry.html() != null) {
        item.setContents(List.of(content("html", entry.html())));
      }
      List<String> names = entry.byline().isEmpty() ? List.of(site.name()) : entry.byline();
      if (format == Format.RSS) {
        item.setAuthor(String.join(", ", names)); // dc:creator: RSS's <author> must be an email
      } else {
        item.setAuthors(names.stream().map(Syndication::person).toList());
      }
      ImageView image = entry.teaser().image();
      if (image != null) {
        item.setEnclosures(List.of(enclosure(image)));
      }
      SyndCategory category = new SyndCategoryImpl();
      category.setName(entry.teaser().category().name());
      item.setCategories(List.of(category));
      items.add(item);
    }
    feed.setEntries(items);
    try {
      Document document = new SyndFeedOutput().outputJDom(feed);
      if (format == Format.RSS) {
        selfLink(document, self);
      }
      StringWriter out = new StringWriter();
      new XMLOutputter(org.jdom2.output.Format.getPrettyFormat().setEncoding("UTF-8"))
          .output(document, out);
      return out.toString().getBytes(StandardCharsets.UTF_8);
    } catch (FeedException e) {
      throw new IllegalStateException("Rome cannot write the " + format + " feed", e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * RSS 2.0 has no link to the feed itself; readers and validators take Atom's ({@code <atom:link
   * rel="self">} in the channel, as the RSS Advisory Board recommends).
   */
  private static void selfLink(Document document, String self) {
    Element channel = document.getRootElement().getChild("channel");
    document.getRootElement().addNamespaceDeclaration(ATOM);
    channel.addContent(
        0,
        new Element("link", ATOM)
            .setAttribute("href", self)
            .setAttribute("rel", "self")
            .setAttribute("type", "application/rss+xml"));
  }

  /**
   * The lead picture: the largest JPEG rendition of a library photo, or an external picture's URL.
   * RSS wants its length in bytes, which is not known without fetching it: 0, as the RSS Advisory
   * Board allows for an unknown length.
   */
  private static SyndEnclosure enclosure(ImageView image) {
    SyndEnclosure enclosure = new SyndEnclosureImpl();
    enclosure.setUrl(image.url());
    String guessed = java.net.URLConnection.guessContentTypeFromName(image.url());
    enclosure.setType(
        image.sources().isEmpty() && guessed != null && guessed.startsWith("image/")
            ? guessed
            : "image/jpeg");
    enclosure.setLength(0);
    return enclosure;
  }

  private JsonFeed.Item jsonItem(FeedEntry e) {
    return new JsonFeed.Item(
        e.teaser().id().toString(),
        articleUrl(e),
        e.teaser().title(),
        e.html(),
        e.html() == null ? e.teaser().excerpt() : null,
        e.teaser().excerpt(),
        e.teaser().image() == null ? null : e.teaser().image().url(),
        e.teaser().publishedAt(),
        e.updatedAt(),
        e.byline().isEmpty() ? null : e.byline().stream().map(JsonFeed.Author::new).toList(),
        e.tags().isEmpty() ? null : e.tags());
  }

  private String articleUrl(FeedEntry entry) {
    return site.articleUrl(entry.teaser().category().slug(), entry.teaser().slug());
  }

  private static Instant lastChange(List<FeedEntry> entries) {
    return entries.stream()
        .map(FeedEntry::updatedAt)
        .max(Comparator.naturalOrder())
        .orElse(Instant.EPOCH);
  }

  private static SyndLink link(String rel, String href) {
    SyndLink link = new SyndLinkImpl();
    link.setRel(rel);
    link.setHref(href);
    return link;
  }

  private static SyndPerson person(String name) {
    SyndPerson person = new SyndPersonImpl();
    person.setName(name);
    return person;
  }

  /**
   * RSS readers take an item's description as HTML, whatever it says: the excerpt (plain text) goes
   * in HTML-escaped, so "5 < 6 <script>" reads as those characters and never runs. Atom's summary
   * says it is text, and readers honour that.
   */
  private static SyndContent description(Format format, String excerpt) {
    return format == Format.RSS
        ? content("html", Entities.escape(excerpt))
        : content("text", excerpt);
  }

  private static SyndContent content(String type, String value) {
    SyndContent content = new SyndContentImpl();
    content.setType(type);
    content.setValue(value);
    return content;
  }
}
