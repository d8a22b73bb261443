package io.newsdesk.author;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsdesk.event.ContentEvent;
import io.newsdesk.media.ImageView;
import io.newsdesk.media.Pictures;
import io.newsdesk.text.BodyFormat;
import io.newsdesk.text.BodyRenderer;
import io.newsdesk.web.FieldError;
import io.newsdesk.web.Page;
import io.newsdesk.web.PageInfo;
import io.newsdesk.web.ProblemException;
import io.newsdesk.web.Versions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Authors' profiles: readers list and read them, editors create, replace (If-Match) and delete them
 * (only while no article credits them). A changed name or avatar rewrites every card that credits
 * the author, in the same transaction.
 */
@ApplicationScoped
public class AuthorService {

  private static final TypeReference<List<AuthorLink>> LINKS = new TypeReference<>() {};

  private final AuthorRepository authors;
  private final Pictures pictures;
  private final Event<ContentEvent> events;
  private final ObjectMapper json;
  private final Clock clock;

  AuthorService(
      AuthorRepository authors,
      Pictures pictures,
      Event<ContentEvent> events,
      ObjectMapper json,
      Clock clock) {
    this.authors = authors;
    this.pictures = pictures;
    this.events = events;
    this.json = json;
    this.clock = clock;
  }

  Page<AuthorView> list(int number, int limit) {
    List<Author> page = authors.page(number, limit);
    Map<String, Long> counts =
        authors.published(page.stream().map(a -> a.slug).toList(), clock.instant());
    List<AuthorView> items = new ArrayList<>(page.size());
    var avatars = pictures.views(page.stream().map(Author::avatar).toList());
    for (int i = 0; i < page.size(); i++) {
      Author author = page.get(i);
      items.add(view(author, avatars.get(i), counts.getOrDefault(author.slug, 0L)));
    }
    return new Page<>(items, PageInfo.numbered(limit, number, authors.count()));
  }

  AuthorView get(String slug) {
    Author author = authors.findByIdOptional(slug).orElseThrow(() -> notFound(slug));
    long count = authors.published(List.of(slug), clock.instant()).getOrDefault(slug, 0L);
    return view(author, pictures.view(author.avatar()), count);
  }

  ManagedAuthorView manage(String slug) {
    return managed(authors.findByIdOptional(slug).orElseThrow(() -> notFound(slug)));
  }

  @Transactional
  public ManagedAuthorView create(AuthorInput input) {
    if (input.slug() == null) {
      throw ProblemException.invalid("slug", "must not be blank");
    }
    if (authors.findByIdOptional(input.slug()).isPresent()) {
      throw ProblemException.conflict("slug", "The slug '" + input.slug() + "' is taken");
    }
    Instant now = clock.instant();
    Author author = new Author(input.slug(), now);
    write(author, input, now);
    authors.persist(author);
    authors.flush();
    events.fire(new ContentEvent.AuthorChanged(author.slug, List.of(), now));
    return managed(author);
  }

  @Transactional
  ManagedAuthorView replace(String slug, String ifMatch, AuthorInput input) {
    if (input.slug() != null && !input.slug().equals(slug)) {
      throw ProblemException.invalid(
          "slug", "must be absent or '" + slug + "': slugs never change");
    }
    Author author = authors.findForUpdate(slug).orElseThrow(() -> notFound(slug));
    Versions.check(ifMatch, author.version);
    Instant now = clock.instant(); // after the lock, as for articles
    write(author, input, now);
    authors.flush();
    events.fire(new ContentEvent.AuthorChanged(slug, authors.rewriteCards(slug, now), now));
    return managed(author);
  }

  @Transactional
  void delete(String slug) {
    Author author = authors.findForUpdate(slug).orElseThrow(() -> notFound(slug));
    long credits = authors.credits(slug);
    if (credits > 0) {
      throw ProblemException.conflict(
          null,
          "The author '" + slug + "' is credited on " + credits + " article(s); remove them first");
    }
    authors.delete(author);
    authors.flush();
    events.fire(new ContentEvent.AuthorChanged(slug, List.of(), clock.instant()));
  }

  /**
   * The authors an article credits, each checked to exist (a 400 on {@code authors} otherwise) and
   * share-locked until the article's transaction ends, so none is deleted meanwhile.
   */
  public void requireAll(List<String> slugs) {
    if (slugs.isEmpty()) {
      return;
    }
    List<String> found = authors.lockExisting(slugs);
    List<FieldError> errors = new ArrayList<>();
    for (int i = 0; i < slugs.size(); i++) {
      if (!found.contains(slugs.get(i))) {
        errors.add(
            new FieldError("authors[" + i + "]", "there is no author '" + slugs.get(i) + "'"));
      }
    }
    if (!errors.isEmpty()) {
      throw ProblemException.invalid(errors);
    }
  }

  /** Whether an author with this slug exists. */
  public boolean exists(String slug) {
    return authors.findByIdOptional(slug).isPresent();
  }

  private void write(Author author, AuthorInput input, Instant now) {
    pictures.check(input.avatar(), "avatar");
    String bio = input.bio() == null || input.bio().isBlank() ? null : input.bio();
    String html;
    try {
      html = bio == null ? null : BodyRenderer.render(bio, BodyFormat.markdown).html();
    } catch (BodyRenderer.InvalidBody e) {
      throw ProblemException.invalid("bio", e.getMessage());
    }
    try {
      author.write(input, html, json.writeValueAsString(input.linksOrEmpty()), now);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Links are plain strings", e);
    }
  }

  private AuthorView view(Author author, ImageView avatar, long articleCount) {
    return new AuthorView(
        author.slug,
        author.name,
        author.jobTitle,
        author.bioHtml == null ? null : new AuthorBio(null, author.bioHtml),
        avatar,
        links(author),
        articleCount);
  }

  private ManagedAuthorView managed(Author author) {
    return new ManagedAuthorView(
        author.slug,
        author.name,
        author.jobTitle,
        author.bioMarkdown == null ? null : new AuthorBio(author.bioMarkdown, author.bioHtml),
        author.avatar(),
        links(author),
        author.email,
        author.version,
        author.createdAt,
        author.updatedAt);
  }

  private List<AuthorLink> links(Author author) {
    try {
      return json.readValue(author.links, LINKS);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("author.links holds what this service wrote", e);
    }
  }

  private static ProblemException notFound(String slug) {
    return ProblemException.notFound("There is no author '" + slug + "'");
  }
}
