package io.newsdesk.replica;

import io.agroal.api.AgroalDataSource;
import io.quarkus.hibernate.orm.PersistenceUnitExtension;
import io.quarkus.hibernate.orm.runtime.customized.QuarkusConnectionProvider;
import io.quarkus.hibernate.orm.runtime.tenant.TenantConnectionResolver;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import org.hibernate.engine.jdbc.connections.spi.ConnectionProvider;

/**
 * Connections for each {@link ReadSource}: the primary's pool (the datasource Quarkus configures,
 * in JTA transactions as before), and for the replica its own pool, falling back to the primary's
 * whenever the replica is unusable or refuses a connection, so a replica that goes down costs no
 * read.
 */
@PersistenceUnitExtension
@ApplicationScoped
class Connections implements TenantConnectionResolver {

  private final AgroalDataSource primary;
  private final Replica replica;

  Connections(AgroalDataSource primary, Replica replica) {
    this.primary = primary;
    this.replica = replica;
  }

  @Override
  public ConnectionProvider resolve(String source) {
    return ReadSource.REPLICA.equals(source)
        ? new OrPrimary(replica, primary)
        : new QuarkusConnectionProvider(primary);
  }

  /** The replica's connections while it is usable, and the primary's otherwise. */
  private static final class OrPrimary extends QuarkusConnectionProvider {

    private final Replica replica;

    OrPrimary(Replica replica, AgroalDataSource primary) {
      super(primary);
      this.replica = replica;
    }

    @Override
    public Connection getConnection() throws SQLException {
      Connection connection = replica.connection();
      return connection != null ? connection : super.getConnection();
    }
  }
}
