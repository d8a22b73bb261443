package io.newsdesk.category;

import io.newsdesk.event.ContentEvent;
import io.newsdesk.teaser.TeaserService;
import io.newsdesk.text.Slugs;
import io.newsdesk.web.Page;
import io.newsdesk.web.PageInfo;
import io.newsdesk.web.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Category use cases: read, create, change (teasers follow at once), delete when unused. */
@ApplicationScoped
public class CategoryService {

  private final CategoryRepository categories;
  private final TeaserService teasers;
  private final Event<ContentEvent> events;
  private final Clock clock;

  CategoryService(
      CategoryRepository categories,
      TeaserService teasers,
      Event<ContentEvent> events,
      Clock clock) {
    this.categories = categories;
    this.teasers = teasers;
    this.events = events;
    this.clock = clock;
  }

  Page<CategoryView> list(int number, int limit) {
    var items = categories.page(number, limit).stream().map(CategoryView::from).toList();
    return new Page<>(items, PageInfo.numbered(limit, number, categories.count()));
  }

  CategoryView get(String slug) {
    return find(slug).orElseThrow(() -> notFound(slug));
  }

  public Optional<CategoryView> find(String slug) {
    return categories.findBySlug(slug).map(CategoryView::from);
  }

  /** True on a fresh install, before any category exists. */
  public boolean none() {
    return categories.count() == 0;
  }

  /** The category an article names, or a 400 on the article's {@code category} field. */
  public Category require(String slug) {
    return categories
        .findBySlug(slug)
        .orElseThrow(
            () -> ProblemException.invalid("category", "there is no category '" + slug + "'"));
  }

  @Transactional
  public CategoryView create(CategoryInput input) {
    String slug = input.slug() != null ? input.slug() : Slugs.slugify(input.name(), 100);
    if (slug.isEmpty()) {
      throw ProblemException.invalid("slug", "cannot be made from this name; send a slug");
    }
    if (categories.slugTaken(slug)) {
      throw ProblemException.conflict("slug", "The slug '" + slug + "' is taken");
    }
    Category category = new Category(clock.instant());
    category.apply(slug, input, parent(input), clock.instant());
    categories.persist(category);
    categories.flush();
    touched(slug);
    return CategoryView.from(category);
  }

  @Transactional
  CategoryView update(String slug, CategoryInput input) {
    categories.lockTree();
    Category category = categories.findBySlug(slug).orElseThrow(() -> notFound(slug));
    String newSlug = input.slug() != null ? input.slug() : category.slug;
    if (!newSlug.equals(category.slug) && categories.slugTaken(newSlug)) {
      throw ProblemException.conflict("slug", "The slug '" + newSlug + "' is taken");
    }
    Category parent = parent(input);
    if (parent != null && categories.isAncestorOrSelf(category, parent)) {
      throw ProblemException.invalid("parent", "would make the category its own ancestor");
    }
    String oldName = category.name;
    category.apply(newSlug, input, parent, clock.instant());
    if (newSlug.equals(slug) && category.name.equals(oldName)) {
      touched(slug);
    } else {
      Instant now = clock.instant();
      events.fire(
          new ContentEvent.CategoryChanged(
              newSlug,
              slug,
              teasers.categoryChanged(category.id, category.slug, category.name, now),
              now));
    }
    return CategoryView.from(category);
  }

  @Transactional
  void delete(String slug) {
    categories.lockTree();
    // locked, so an article filed under it meanwhile is either counted here or refused (409)
    Category category = categories.findForDelete(slug).orElseThrow(() -> notFound(slug));
    long used = teasers.countInCategory(category.id);
    if (used > 0) {
      throw ProblemException.conflict(
          null,
          "The category '"
              + slug
              + "' still has "
              + used
              + " article(s); move or purge them first");
    }
    if (categories.hasChildren(category)) {
      throw ProblemException.conflict(null, "The category '" + slug + "' still has subcategories");
    }
    categories.delete(category);
    touched(slug);
  }

  /** Created, deleted, or changed in a way its articles do not show. */
  private void touched(String slug) {
    events.fire(new ContentEvent.CategoryChanged(slug, null, List.of(), clock.instant()));
  }

  private Category parent(CategoryInput input) {
    if (input.parent() == null) {
      return null;
    }
    return categories
        .findBySlug(input.parent())
        .orElseThrow(
            () ->
                ProblemException.invalid(
                    "parent", "there is no category '" + input.parent() + "'"));
  }

  private static ProblemException notFound(String slug) {
    return ProblemException.notFound("There is no category '" + slug + "'");
  }
}
