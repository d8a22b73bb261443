package io.newsdesk.cache;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.Properties;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * Listens for the notifications that writes on any instance send, and drops what they touched from
 * this instance's cache. It holds one connection of its own, outside the pool. Whenever it
 * (re)connects it empties the cache, since notifications sent while it was away are lost.
 */
@ApplicationScoped
class ChangeListener {

  private static final Logger LOG = Logger.getLogger(ChangeListener.class);
  private static final int POLL_MILLIS = 500;
  private static final long RETRY_MILLIS = 1000;

  private final ResponseCache cache;
  private final String url;
  private final Properties login = new Properties();
  private volatile boolean running;
  private Thread thread;

  ChangeListener(
      ResponseCache cache,
      @ConfigProperty(name = "quarkus.datasource.jdbc.url") String url,
      @ConfigProperty(name = "quarkus.datasource.username") Optional<String> user,
      @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password) {
    this.cache = cache;
    this.url = url;
    user.ifPresent(u -> login.setProperty("user", u));
    password.ifPresent(p -> login.setProperty("password", p));
    login.setProperty("ApplicationName", "newsdesk-listener");
  }

  /** Runs whether the response cache is on or not: the page counts and renditions listen too. */
  void start(@Observes StartupEvent event) {
    running = true;
    thread = new Thread(this::run, "newsdesk-change-listener");
    thread.setDaemon(true);
    thread.start();
  }

  void stop(@Observes ShutdownEvent event) throws InterruptedException {
    running = false;
    if (thread != null) {
      thread.join(POLL_MILLIS * 4L);
    }
  }

  private void run() {
    boolean warned = false;
    while (running) {
      try (Connection connection = new org.postgresql.Driver().connect(url, login)) {
        try (Statement statement = connection.createStatement()) {
          statement.execute("LISTEN " + Notice.CHANNEL);
        }
        cache.listening(true);
        if (warned) {
          LOG.info("Listening for changes again");
          warned = false;
        }
        PGConnection listener = connection.unwrap(PGConnection.class);
        while (running) {
          PGNotification[] notifications = listener.getNotifications(POLL_MILLIS);
          if (notifications != null) {
            for (PGNotification notification : notifications) {
              Notice notice = Notice.decode(notification.getParameter());
              if (!cache.instance().equals(notice.from())) {
                cache.invalidate(notice.keys(), notice.due(), notice.soft());
              }
            }
          }
        }
      } catch (SQLException | RuntimeException e) {
        cache.listening(false);
        if (!warned) {
          LOG.warnf("Not listening for changes (%s); retrying", e.getMessage());
          warned = true;
        }
        sleep();
      }
    }
  }

  private void sleep() {
    try {
      Thread.sleep(RETRY_MILLIS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      running = false;
    }
  }
}
