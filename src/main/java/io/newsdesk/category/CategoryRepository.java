package io.newsdesk.category;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
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

  /**
   * Serializes every change to the tree until the transaction ends: two concurrent moves ({@code p}
   * under {@code q}, {@code q} under {@code p}) each look acyclic alone, and both saved make a
   * cycle. The lock also orders a delete against a move under the deleted category.
   */
  void lockTree() {
    getEntityManager()
        .createNativeQuery("select 1 from pg_advisory_xact_lock(3, 0)")
        .getSingleResult();
  }

  /**
   * Whether {@code ancestor} is {@code category} or lies above it. The walk is SQL whose {@code
   * union} drops rows it has seen, so even a cycle in the data (none can be made now) ends it.
   */
  boolean isAncestorOrSelf(Category ancestor, Category category) {
    Object found =
        getEntityManager()
            .createNativeQuery(
                "with recursive up(id) as (select cast(:start as bigint)"
                    + " union select c.parent_id from category c join up on c.id = up.id"
                    + " where c.parent_id is not null)"
                    + " select count(*) from up where id = :ancestor")
            .setParameter("start", category.id)
            .setParameter("ancestor", ancestor.id)
            .getSingleResult();
    return ((Number) found).longValue() > 0;
  }

  /** The category, locked against articles being filed under it until the transaction ends. */
  Optional<Category> findForDelete(String slug) {
    return find("slug", slug).withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
  }
}
