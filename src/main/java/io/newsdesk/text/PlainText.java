package io.newsdesk.text;

/** Query text such as a search: no control characters (NUL among them) reach the database. */
public final class PlainText {

  public static final String PATTERN = "[^\\x00-\\x1f\\x7f]*";
  public static final String MESSAGE = "must not contain control characters";

  private PlainText() {}
}
