package io.newsdesk.category;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;

/** Category rows; lists fetch the parent in the same statement. */
@ApplicationScoped
class CategoryRepository implements PanacheRepository<Category> {

  Optional<Category> findBySlug(String slug) {
    return find("from Category c left join fetch c.parent where c.slug = ?1", slug)
        .firstResultOptional();
  }

  List<Category> page(int number, int limit) {
    return find("from Category c left join fetch c.parent order by c.position, c.slug")
        .page(number - 1, limit)
        .list();
  }

  boolean slugTaken(String slug) {
    return count("slug", slug) > 0;
  }

  boolean hasChildren(Category category) {
    return count("parent", category) > 0;
  }
}
