package io.newsdesk.article;

/**
 * An article's status as the API shows it. The database stores draft, published or archived; a
 * published article whose time has not come yet is {@code scheduled}.
 */
public enum Status {
  draft,
  scheduled,
  published,
  archived
}
