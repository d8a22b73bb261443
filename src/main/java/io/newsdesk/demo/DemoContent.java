package io.newsdesk.demo;

import io.newsdesk.article.ArticleInput;
import io.newsdesk.article.ManageArticleService;
import io.newsdesk.article.PublishInput;
import io.newsdesk.auth.Caller;
import io.newsdesk.auth.Role;
import io.newsdesk.author.AuthorInput;
import io.newsdesk.author.AuthorService;
import io.newsdesk.category.CategoryInput;
import io.newsdesk.category.CategoryService;
import io.newsdesk.collection.CollectionInput;
import io.newsdesk.collection.CollectionService;
import io.newsdesk.config.NewsdeskConfig;
import io.newsdesk.media.AssetService;
import io.newsdesk.media.ImageInput;
import io.newsdesk.text.BodyFormat;
import io.newsdesk.text.Slugs;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Loads demo categories and published articles into an empty database at start, when {@code
 * newsdesk.demo.enabled} is on (the dev profile). Articles go through the same services as the API,
 * so their HTML, text and teasers are rendered for real; each gets a photo that {@link DemoPhotos}
 * draws, uploaded to the media library. Files: {@code demo/articles/NN.md}, a header of {@code key:
 * value} lines, a line {@code ---}, then the Markdown body.
 */
@ApplicationScoped
class DemoContent {

  private static final Logger LOG = Logger.getLogger(DemoContent.class);
  private static final Caller DEMO = new Caller(null, "demo content", Role.admin);

  private static final List<CategoryInput> CATEGORIES =
      List.of(
          new CategoryInput("world", "World", "News from every continent", 1, null),
          new CategoryInput("science", "Science", "Research, space and the natural world", 2, null),
          new CategoryInput("culture", "Culture", "Books, music, film and the arts", 3, null),
          new CategoryInput(
              "sport", "Sport", "Results, races and the people behind them", 4, null));

  /** The newsroom's writers; an article whose byline names one credits their profile. */
  private static final List<AuthorInput> AUTHORS =
      List.of(
          writer("Ines Harrow", "World affairs editor", "Reports on diplomacy and elections."),
          writer("Jonah Reyes", "Science writer", "Writes about oceans, climate and the lab."),
          writer("Mara Quell", "Culture critic", "Reviews books, theatre and new music."),
          writer("Priya Nandakumar", "Space correspondent", "Follows every launch and landing."),
          writer("Ruben Oakes", "Sports reporter", "Covers football, cycling and the marathon."),
          writer("Teo Varga", "Feature writer", "Long reads on cities and the people in them."));

  private static AuthorInput writer(String name, String job, String bio) {
    return new AuthorInput(
        Slugs.slugify(name, 100), name, job, bio + " Based in the newsroom.", null, null, null);
  }

  private final NewsdeskConfig config;
  private final CategoryService categories;
  private final ManageArticleService articles;
  private final AuthorService authors;
  private final CollectionService collections;
  private final AssetService assets;
  private final Clock clock;

  DemoContent(
      NewsdeskConfig config,
      CategoryService categories,
      ManageArticleService articles,
      AuthorService authors,
      CollectionService collections,
      AssetService assets,
      Clock clock) {
    this.config = config;
    this.categories = categories;
    this.articles = articles;
    this.authors = authors;
    this.collections = collections;
    this.assets = assets;
    this.clock = clock;
  }

  void onStart(@Observes StartupEvent event) {
    if (!config.demo().enabled() || !categories.none()) {
      return;
    }
    CATEGORIES.forEach(categories::create);
    AUTHORS.forEach(authors::create);
    List<UUID> loaded = new ArrayList<>();
    for (int n = 1; ; n++) {
      String text = read(String.format("demo/articles/%02d.md", n));
      if (text == null) {
        break;
      }
      loaded.add(load(text, photo(n)));
    }
    // The front page: three picks, then the newest world news; the breaking strip ends tonight.
    collections.put(
        "front-page",
        null,
        CollectionInput.curated(
            "Front page", 8, "world", List.of(loaded.get(4), loaded.get(0), loaded.get(9)), null));
    collections.put(
        "breaking",
        null,
        CollectionInput.curated(
            "Breaking news",
            1,
            null,
            List.of(loaded.get(1)),
            clock.instant().plus(Duration.ofHours(6))));
    LOG.infof(
        "Loaded demo content: %d categories, %d authors, %d published articles, 2 collections",
        CATEGORIES.size(), AUTHORS.size(), loaded.size());
  }

  /** A drawn photo for article {@code n}, in the media library like an upload. */
  private ImageInput photo(int n) {
    DemoPhotos.Photo photo = DemoPhotos.draw(n);
    UUID id =
        assets.add(
            photo.jpeg(),
            String.format("demo-%02d.jpg", n),
            photo.alt(),
            "Newsdesk demo picture",
            photo.sunX(),
            photo.sunY(),
            DEMO);
    return new ImageInput(id, null, null, null);
  }

  private UUID load(String text, ImageInput photo) {
    int split = text.indexOf("\n---\n");
    Map<String, String> header = new HashMap<>();
    for (String line : text.substring(0, split).split("\n")) {
      int colon = line.indexOf(':');
      header.put(line.substring(0, colon).strip(), line.substring(colon + 1).strip());
    }
    AuthorInput profile =
        AUTHORS.stream()
            .filter(author -> author.name().equals(header.get("byline")))
            .findFirst()
            .orElse(null);
    ArticleInput input =
        new ArticleInput(
            header.get("title"),
            header.get("subtitle"),
            null,
            header.get("category"),
            list(header.get("tags")),
            profile == null ? list(header.get("byline")) : List.of(),
            profile == null ? List.of() : List.of(profile.slug()),
            text.substring(split + 5),
            BodyFormat.markdown,
            photo,
            null,
            null);
    var created = articles.create(input, DEMO);
    Duration age = Duration.ofMinutes(Long.parseLong(header.get("minutes-ago")));
    articles.publish(created.id(), new PublishInput(clock.instant().minus(age)), DEMO);
    return created.id();
  }

  private static List<String> list(String value) {
    return value == null ? List.of() : Arrays.stream(value.split(",")).map(String::strip).toList();
  }

  private static String read(String resource) {
    try (InputStream in =
        Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
      return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
