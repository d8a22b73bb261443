package io.newsdesk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsdesk.client.ApiClient;
import io.newsdesk.client.model.ArticlePatch;
import io.newsdesk.client.api.ArticlesManagementApi;
import io.newsdesk.client.api.CategoriesManagementApi;
import io.newsdesk.client.api.DeliveryApi;
import io.newsdesk.client.model.Article;
import io.newsdesk.client.model.ArticleInput;
import io.newsdesk.client.model.CategoryInput;
import io.newsdesk.client.model.ManagedArticle;
import io.newsdesk.client.model.PageTeaserView;
import io.newsdesk.client.model.Publish;
import io.newsdesk.client.model.Status;
import io.newsdesk.client.model.Teaser;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A Java client generated at build time from the OpenAPI document (openapi-generator, native
 * library) runs the whole loop against the packaged server: the document is usable as it is.
 */
class ClientIT {

  private static final String ADMIN = "client-it-admin-token";

  @Test
  void aGeneratedClientCreatesPublishesReadsAndPages() throws Exception {
    PostgresDatabase database = new PostgresDatabase();
    try (PackagedApp app =
        PackagedApp.start("client-it", database.start(), Map.of("NEWSDESK_ADMIN_TOKEN", ADMIN))) {
      ApiClient client = new ApiClient();
      client.updateBaseUri(app.baseUri());
      client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + ADMIN));
      CategoriesManagementApi categories = new CategoriesManagementApi(client);
      ArticlesManagementApi articles = new ArticlesManagementApi(client);
      ApiClient anonymous = new ApiClient(); // readers need no token
      anonymous.updateBaseUri(app.baseUri());
      DeliveryApi delivery = new DeliveryApi(anonymous);

      categories.createCategory(new CategoryInput().slug("coast").name("Coast"));
      List<String> published = new ArrayList<>();
      List<java.util.UUID> ids = new ArrayList<>();
      for (int i = 1; i <= 3; i++) {
        ManagedArticle draft =
            articles.createArticle(
                new ArticleInput()
                    .title("Tide tables for week " + i)
                    .subtitle("High water times along the coast")
                    .category("coast")
                    .body("## Monday\n\nHigh water at 06:1" + i + "."),
                null);
        assertEquals(Status.DRAFT, draft.getStatus());
        ManagedArticle live = articles.publishArticle(draft.getId(), new Publish());
        assertEquals(Status.PUBLISHED, live.getStatus());
        published.add(live.getSlug());
        ids.add(live.getId());
      }

      // a partial merge patch: only what it names changes
      ManagedArticle week2 = articles.getManagedArticle(ids.get(1));
      ManagedArticle patched =
          articles.patchArticle(
              week2.getId(),
              new ArticlePatch().subtitle("Low water times too"),
              "\"" + week2.getVersion() + "\"");
      assertEquals("Low water times too", patched.getSubtitle());
      assertEquals("Tide tables for week 2", patched.getTitle());

      Article article = delivery.getArticle("tide-tables-for-week-2", null, null, null);
      assertEquals("Tide tables for week 2", article.getTitle());
      assertEquals("coast", article.getCategory().getSlug());
      assertTrue(article.getBody().getHtml().contains("<h2>Monday</h2>"), article.getBody().getHtml());

      PageTeaserView first = delivery.feed(null, null, null, "coast", null, null, 2, null, null, null, null);
      assertEquals(2, first.getItems().size());
      assertNotNull(first.getPage().getNext());
      PageTeaserView second =
          delivery.feed(
              null, null, null, "coast", first.getPage().getNext(), null, 2, null, null, null, null);
      assertEquals(1, second.getItems().size());
      assertNull(second.getPage().getNext());
      HashSet<String> seen = new HashSet<>();
      for (Teaser teaser : first.getItems()) {
        seen.add(teaser.getSlug());
      }
      for (Teaser teaser : second.getItems()) {
        seen.add(teaser.getSlug());
      }
      assertEquals(new HashSet<>(published), seen);
    } finally {
      database.stop();
    }
  }
}
