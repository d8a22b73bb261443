package io.newsdesk.replica;

import io.quarkus.hibernate.orm.PersistenceUnitExtension;
import io.quarkus.hibernate.orm.runtime.tenant.TenantResolver;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Which database a Hibernate session opened on this thread reads from: the primary, unless {@link
 * Replica#read} is running a delivery read here. Hibernate's database-per-tenant support is the
 * switch, the two "tenants" being the same data on two servers. Quarkus asks this only within a
 * request context: work on threads of our own that opens sessions runs through {@link #offRequest}.
 */
@PersistenceUnitExtension
@ApplicationScoped
public class ReadSource implements TenantResolver {

  static final String PRIMARY = "primary";
  static final String REPLICA = "replica";

  private static final ThreadLocal<Boolean> ON_REPLICA = ThreadLocal.withInitial(() -> false);

  static void onReplica(boolean on) {
    ON_REPLICA.set(on);
  }

  /**
   * Runs {@code work} that uses the database on a thread outside any request (an executor of our
   * own, an HTTP client's callback) in a request context of its own, so its sessions can open.
   */
  public static void offRequest(Runnable work) {
    offRequest(
        () -> {
          work.run();
          return null;
        });
  }

  /** As {@link #offRequest(Runnable)}, for work with a result. */
  public static <T> T offRequest(java.util.function.Supplier<T> work) {
    io.quarkus.arc.ManagedContext context = io.quarkus.arc.Arc.container().requestContext();
    if (context.isActive()) {
      return work.get();
    }
    context.activate();
    try {
      return work.get();
    } finally {
      context.terminate();
    }
  }

  @Override
  public String getDefaultTenantId() {
    return PRIMARY;
  }

  @Override
  public String resolveTenantId() {
    return ON_REPLICA.get() ? REPLICA : PRIMARY;
  }
}
