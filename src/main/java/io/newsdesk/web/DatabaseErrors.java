package io.newsdesk.web;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.hibernate.exception.JDBCConnectionException;

/** Tells failures worth a retry in a moment from the rest. */
public final class DatabaseErrors {

  private DatabaseErrors() {}

  /**
   * Whether {@code e} says the database cannot serve now, though it may shortly: it is down or
   * restarting (SQLSTATE class 08, 57P01-57P03), overloaded (53), a statement ran past {@code
   * statement_timeout} (57014), a transaction lost a deadlock or serialization race (40P01, 40001),
   * or no pooled connection came free within the acquisition timeout. A commit cut off by a lost
   * connection is one of these too, though it may have been applied: a client that retries a create
   * with the same {@code Idempotency-Key} gets the article once either way.
   */
  public static boolean unavailable(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      for (Throwable suppressed : t.getSuppressed()) {
        if (unavailable(suppressed)) {
          return true; // a commit that failed on a lost connection reports it as suppressed
        }
      }
      if (t instanceof JDBCConnectionException || t instanceof SQLTransientConnectionException) {
        return true;
      }
      if (t instanceof SQLException sql) {
        String state = sql.getSQLState() == null ? "" : sql.getSQLState();
        String message = sql.getMessage() == null ? "" : sql.getMessage();
        if (state.startsWith("08")
            || state.startsWith("53")
            || state.startsWith("57")
            || state.equals("40P01")
            || state.equals("40001")
            || message.contains("acquisition timeout")) {
          return true;
        }
      }
    }
    return false;
  }

  /** The innermost cause, as "Class: message", for a one-line log entry. */
  public static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getClass().getSimpleName() + ": " + root.getMessage();
  }
}
