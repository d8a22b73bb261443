package io.newsdesk.cache;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Instant;
import java.util.Collection;
import java.util.Set;

/**
 * Writes call this inside their transaction to name what they changed. A PostgreSQL {@code NOTIFY}
 * in the same transaction tells every instance once it commits (and nobody if it rolls back); this
 * instance drops its own entries right after the commit, before the writer gets its answer, so the
 * writer's next read sees the write: here, only a change without a writer (scheduled articles
 * coming due) lets what it drops be served while it is refilled.
 */
@ApplicationScoped
public class Invalidations {

  private final EntityManager entityManager;
  private final TransactionSynchronizationRegistry transactions;
  private final ResponseCache cache;

  Invalidations(
      EntityManager entityManager,
      TransactionSynchronizationRegistry transactions,
      ResponseCache cache) {
    this.entityManager = entityManager;
    this.transactions = transactions;
    this.cache = cache;
  }

  /**
   * {@code due}: the time an article was scheduled for, when the write scheduled one; {@code soft}:
   * the change hid nothing, so what it drops may be served while it is refilled, on other instances
   * (which hear of it a moment later anyway) and, if {@code softHere}, on this one too.
   */
  @Transactional(TxType.MANDATORY)
  public void touch(Collection<String> keys, Instant due, boolean soft, boolean softHere) {
    if (keys.isEmpty() && due == null) {
      return;
    }
    Notice notice = new Notice(cache.instance(), Set.copyOf(keys), due, soft);
    entityManager
        .createNativeQuery("select 1 from pg_notify(:channel, :payload)")
        .setParameter("channel", Notice.CHANNEL)
        .setParameter("payload", notice.encode())
        .getSingleResult();
    OnCommit onCommit = (OnCommit) transactions.getResource(OnCommit.class);
    if (onCommit == null) {
      onCommit = new OnCommit();
      transactions.putResource(OnCommit.class, onCommit);
      transactions.registerInterposedSynchronization(onCommit);
    }
    onCommit.add(new Notice(notice.from(), notice.keys(), due, soft && softHere));
  }

  /** Collects what one transaction touched and invalidates it here once it has committed. */
  private final class OnCommit implements Synchronization {

    private Notice notice;

    void add(Notice more) {
      notice = notice == null ? more : notice.plus(more.keys(), more.due(), more.soft());
    }

    @Override
    public void beforeCompletion() {}

    @Override
    public void afterCompletion(int status) {
      if (status == Status.STATUS_COMMITTED) {
        cache.invalidate(notice.keys(), notice.due(), notice.soft());
      }
    }
  }
}
