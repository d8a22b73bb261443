package io.newsdesk.changes;

import io.newsdesk.web.Page;
import io.newsdesk.web.PageInfo;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Readers' change feed: what happened to published content after a position, oldest first. */
@ApplicationScoped
class ChangeService {

  private final ChangeFeed feed;

  ChangeService(ChangeFeed feed) {
    this.feed = feed;
  }

  /**
   * {@code page.next} is always set: the position to ask from next time, also when there is nothing
   * new yet. Fewer items than {@code limit} means the client is up to date.
   */
  Page<ChangeView> since(String cursor, int limit) {
    long after = cursor == null ? 0 : ChangeCursor.decode(cursor);
    List<ChangeFeed.Change> changes = feed.after(after, limit);
    long last = changes.isEmpty() ? after : changes.get(changes.size() - 1).seq();
    return new Page<>(
        changes.stream().map(ChangeFeed.Change::view).toList(),
        PageInfo.cursors(limit, ChangeCursor.encode(last), null));
  }
}
