package io.newsdesk.replica;

import io.agroal.api.AgroalDataSource;
import io.agroal.api.configuration.supplier.AgroalDataSourceConfigurationSupplier;
import io.agroal.api.security.NamePrincipal;
import io.agroal.api.security.SimplePassword;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.newsdesk.cache.ResponseCache;
import io.newsdesk.config.NewsdeskConfig;
import io.newsdesk.web.DatabaseErrors;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The optional streaming replica that delivery reads use ({@code newsdesk.replica.jdbc-url}).
 *
 * <p>A read never sees the replica behind what this instance already knows changed: every
 * invalidation, whether of this instance's own write or heard from another instance, follows a
 * commit on the primary and raises the response cache's generation. Before the first replica read
 * at a new generation, the primary's WAL position is read once (it is past every commit that was
 * announced so far), and the replica serves only once it has replayed that position; it gets {@code
 * max-wait} to do so, and the read goes to the primary otherwise. So a refill after a dropped entry
 * never stores what the replica had before the change, and a client reads its own writes.
 *
 * <p>A replica that cannot be reached or lags more than {@code max-lag} is skipped until a later
 * check finds it well again; a read that fails on it (a restart, a recovery conflict) is read again
 * from the primary. Readiness never depends on it.
 */
@ApplicationScoped
public class Replica {

  private static final Logger LOG = Logger.getLogger(Replica.class);
  private static final String POSITION = "select pg_wal_lsn_diff(pg_current_wal_lsn(), '0/0')";
  private static final String REPLAYED =
      "select pg_wal_lsn_diff(case when pg_is_in_recovery() then pg_last_wal_replay_lsn()"
          + " else pg_current_wal_lsn() end, '0/0')";
  private static final ThreadLocal<Boolean> FELL_BACK = ThreadLocal.withInitial(() -> false);

  private final AgroalDataSource primary;
  private final ResponseCache cache;
  private final AgroalDataSource pool;
  private final long maxWaitNanos;
  private final long maxLagMillis;
  private final Counter onReplica;
  private final Counter onPrimary;

  /** Reachable, and no further behind than max-lag, at the last check. */
  private volatile boolean usable;

  /** The position the replica had replayed when last asked, in bytes of WAL. */
  private volatile long replayed = -1;

  private volatile long lagMillis;

  /** The primary's position read once {@link #requiredFor} generation had been reached. */
  private long required = Long.MAX_VALUE;

  private long requiredFor = Long.MIN_VALUE;

  /** The primary's recent positions and when they were read: how far behind the replica is. */
  private final Deque<long[]> positions = new ArrayDeque<>();

  Replica(
      NewsdeskConfig config,
      AgroalDataSource primary,
      ResponseCache cache,
      MeterRegistry metrics,
      @ConfigProperty(name = "quarkus.datasource.username") Optional<String> user,
      @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password,
      @ConfigProperty(name = "quarkus.datasource.jdbc.new-connection-sql")
          Optional<String> initialSql,
      @ConfigProperty(name = "quarkus.datasource.jdbc.additional-jdbc-properties.options")
          Optional<String> options)
      throws SQLException {
    NewsdeskConfig.Replica settings = config.replica();
    this.primary = primary;
    this.cache = cache;
    this.maxWaitNanos = settings.maxWait().toNanos();
    this.maxLagMillis = settings.maxLag().toMillis();
    this.pool =
        settings.jdbcUrl().isEmpty()
            ? null
            : pool(
                settings,
                settings.username().or(() -> user),
                settings.password().or(() -> password),
                initialSql,
                options);
    this.onReplica = reads(metrics, "replica");
    this.onPrimary = reads(metrics, "primary");
    if (pool != null) {
      Gauge.builder("newsdesk.replica.lag", this, r -> r.lagMillis / 1000.0)
          .description("How far the replica is behind the primary, as of the last check")
          .baseUnit("seconds")
          .register(metrics);
      Gauge.builder("newsdesk.replica.usable", this, r -> r.usable ? 1 : 0)
          .description("1 while delivery reads may go to the replica")
          .register(metrics);
    }
  }

  private static AgroalDataSource pool(
      NewsdeskConfig.Replica settings,
      Optional<String> user,
      Optional<String> password,
      Optional<String> initialSql,
      Optional<String> options)
      throws SQLException {
    AgroalDataSourceConfigurationSupplier pool = new AgroalDataSourceConfigurationSupplier();
    pool.connectionPoolConfiguration(
        p ->
            p.maxSize(settings.maxSize())
                .acquisitionTimeout(settings.acquisitionTimeout())
                // a restarted replica leaves dead connections: check those that sat idle
                .idleValidationTimeout(Duration.ofSeconds(1))
                .connectionValidator(
                    io.agroal.api.configuration.AgroalConnectionPoolConfiguration
                        .ConnectionValidator.defaultValidator())
                .connectionFactoryConfiguration(
                    f -> {
                      f.jdbcUrl(settings.jdbcUrl().orElseThrow())
                          .connectionProviderClass(org.postgresql.Driver.class)
                          .readOnly(true)
                          .jdbcProperty("ApplicationName", "newsdesk-replica-reads");
                      user.ifPresent(u -> f.principal(new NamePrincipal(u)));
                      password.ifPresent(s -> f.credential(new SimplePassword(s)));
                      initialSql.ifPresent(f::initialSql);
                      options.ifPresent(o -> f.jdbcProperty("options", o));
                      return f;
                    }));
    return AgroalDataSource.from(pool);
  }

  private static Counter reads(MeterRegistry metrics, String source) {
    return Counter.builder("newsdesk.replica.reads")
        .description("Delivery reads by the database that served them")
        .tag("source", source)
        .register(metrics);
  }

  /**
   * Runs a delivery read that began at cache generation {@code generation} on the replica when it
   * has replayed every change announced by then, and on the primary otherwise.
   */
  public <T> T read(long generation, Supplier<T> read) {
    if (pool == null) {
      return read.get();
    }
    if (!caughtUp(generation)) {
      onPrimary.increment();
      return read.get();
    }
    FELL_BACK.set(false);
    ReadSource.onReplica(true);
    try {
      T result = read.get();
      (FELL_BACK.get() ? onPrimary : onReplica).increment();
      return result;
    } catch (RuntimeException e) {
      if (!DatabaseErrors.unavailable(e)) {
        throw e;
      }
      down(e); // its connections now come from the primary
      onPrimary.increment();
      return read.get();
    } finally {
      ReadSource.onReplica(false);
    }
  }

  /** A connection to the replica while it is usable; null: use the primary. */
  Connection connection() {
    if (usable) {
      try {
        return pool.getConnection();
      } catch (SQLException e) {
        down(e);
      }
    }
    FELL_BACK.set(true);
    return null;
  }

  private void down(Exception e) {
    if (usable) {
      usable = false;
      LOG.warnf(
          "Delivery reads go to the primary: the replica failed (%s)",
          DatabaseErrors.rootMessage(e));
    }
  }

  /** Whether the replica has replayed every change announced up to {@code generation}. */
  private boolean caughtUp(long generation) {
    if (!usable) {
      return false;
    }
    long position;
    try {
      position = requiredFor(generation);
    } catch (SQLException e) {
      return false; // the primary will say so itself when the read goes there
    }
    long deadline = System.nanoTime() + maxWaitNanos;
    while (replayed < position) {
      if (System.nanoTime() - deadline > 0) {
        return false;
      }
      try {
        replayed = replayed();
      } catch (SQLException e) {
        down(e);
        return false;
      }
      if (replayed < position) {
        LockSupport.parkNanos(1_000_000); // replay takes milliseconds, not microseconds
      }
    }
    return true;
  }

  private synchronized long requiredFor(long generation) throws SQLException {
    if (generation > requiredFor) {
      long now = cache.ticket().generation();
      required = position(); // past every commit announced up to now
      requiredFor = now;
    }
    return required;
  }

  private long position() throws SQLException {
    return single(primary, POSITION);
  }

  private long replayed() throws SQLException {
    return single(pool, REPLAYED);
  }

  private static long single(AgroalDataSource source, String sql) throws SQLException {
    try (Connection connection = source.getConnection();
        Statement statement = connection.createStatement();
        ResultSet row = statement.executeQuery(sql)) {
      row.next();
      return row.getLong(1);
    }
  }

  /** Measures the lag and decides whether reads may go to the replica. */
  @Scheduled(
      every = "${newsdesk.replica.check-every:1s}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void check() {
    if (pool == null) {
      return;
    }
    long now = System.currentTimeMillis();
    long lag;
    try {
      long position = position();
      long replica = replayed();
      replayed = replica;
      synchronized (positions) {
        positions.addLast(new long[] {now, position});
        while (!positions.isEmpty() && positions.peekFirst()[1] <= replica) {
          positions.removeFirst();
        }
        while (positions.size() > 3600) {
          positions.removeFirst();
        }
        // behind by the age of the oldest primary position it has not replayed yet
        lag = positions.isEmpty() ? 0 : now - positions.peekFirst()[0];
      }
    } catch (SQLException | RuntimeException e) {
      down(e);
      return;
    }
    lagMillis = lag;
    boolean well = lag <= maxLagMillis;
    if (well != usable) {
      if (well) {
        LOG.infof("Delivery reads go to the replica (%d ms behind)", lag);
      } else {
        LOG.warnf("Delivery reads go to the primary: the replica is %d ms behind", lag);
      }
      usable = well;
    }
  }

  void stop(@Observes ShutdownEvent event) {
    if (pool != null) {
      pool.close();
    }
  }
}
