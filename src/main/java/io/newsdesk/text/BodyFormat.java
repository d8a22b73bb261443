package io.newsdesk.text;

/** The format an editor writes a body in; both are rendered to sanitized HTML. */
public enum BodyFormat {
  markdown,
  html
}
