package io.newsdesk.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.newsdesk.event.ContentEvent;
import io.newsdesk.event.ContentEvent.LiveArticle;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What each kind of write drops: exactly the keys of the responses it changed. */
class SurrogateKeysTest {

  private static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");
  private static final UUID ID = UUID.fromString("00000000-0000-0000-0000-000000000001");
  private static final List<LiveArticle> ONE_LIVE = List.of(new LiveArticle(ID, "storm"));

  @Test
  void aDraftThatStaysADraftTouchesNothingAndAnyOtherArticleWriteItsPageAndTheLists() {
    assertEquals(Set.of(), SurrogateKeys.touchedBy(written(null, null, false, false)));
    // published: every list may now show it
    assertEquals(
        Set.of("article:" + ID, "feed", "content"),
        SurrogateKeys.touchedBy(written(null, NOW, false, true)));
    // unpublished or archived: every list that showed it
    assertEquals(
        Set.of("article:" + ID, "feed", "content"),
        SurrogateKeys.touchedBy(written(NOW, null, false, true)));
  }

  @Test
  void anEditOfALiveArticlesWordsDropsOnlyTheListsShowingIt() {
    assertEquals(
        Set.of("article:" + ID, "content"),
        SurrogateKeys.touchedBy(written(NOW, NOW, false, false)));
    // a new category, tags or authors: lists it was not on may show it now
    assertEquals(
        Set.of("article:" + ID, "feed", "content"),
        SurrogateKeys.touchedBy(written(NOW, NOW, false, true)));
  }

  private static ContentEvent.ArticleWritten written(
      Instant before, Instant after, boolean deleted, boolean listingChanged) {
    return new ContentEvent.ArticleWritten(
        ID,
        "storm",
        "https://news.example/storm",
        "Storm",
        before,
        after,
        deleted,
        listingChanged,
        NOW);
  }

  @Test
  void authorsAndTagsDropTheListsOnlyWhenALiveArticleShowsThem() {
    assertEquals(
        Set.of("authors", "author:ana"),
        SurrogateKeys.touchedBy(new ContentEvent.AuthorChanged("ana", List.of(), NOW)));
    assertEquals(
        Set.of("authors", "author:ana", "feed", "content"),
        SurrogateKeys.touchedBy(new ContentEvent.AuthorChanged("ana", ONE_LIVE, NOW)));
    assertEquals(
        Set.of("tags", "tag:ferries", "feed", "content"),
        SurrogateKeys.touchedBy(new ContentEvent.TagChanged("ferries", ONE_LIVE, NOW)));
  }

  @Test
  void categoriesAssetsAndCollections() {
    assertEquals(
        Set.of("categories", "category:world"),
        SurrogateKeys.touchedBy(new ContentEvent.CategoryChanged("world", null, List.of(), NOW)));
    assertEquals(
        Set.of("categories", "category:earth", "category:world", "feed", "content"),
        SurrogateKeys.touchedBy(new ContentEvent.CategoryChanged("earth", "world", ONE_LIVE, NOW)));
    assertEquals(
        Set.of("article:" + ID, "feed", "content"),
        SurrogateKeys.touchedBy(
            new ContentEvent.AssetChanged(ID, ContentEvent.AssetAction.updated, ONE_LIVE, NOW)));
    assertEquals(
        Set.of("asset:" + ID),
        SurrogateKeys.touchedBy(
            new ContentEvent.AssetChanged(ID, ContentEvent.AssetAction.deleted, List.of(), NOW)));
    assertEquals(
        Set.of(),
        SurrogateKeys.touchedBy(
            new ContentEvent.AssetChanged(ID, ContentEvent.AssetAction.created, List.of(), NOW)));
    assertEquals(
        Set.of("collection:front-page"),
        SurrogateKeys.touchedBy(new ContentEvent.CollectionChanged("front-page", NOW)));
  }
}
