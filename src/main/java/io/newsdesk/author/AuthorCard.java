package io.newsdesk.author;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsdesk.media.ImageInput;
import io.newsdesk.media.ImageView;
import java.util.List;

/**
 * An author as a teaser stores them ({@code teaser.author_cards}, JSON written by SQL from the
 * author table): the avatar is still a reference, looked up with the page's other pictures.
 */
public record AuthorCard(String slug, String name, ImageInput avatar) {

  private static final ObjectMapper JSON =
      new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
  private static final TypeReference<List<AuthorCard>> LIST = new TypeReference<>() {};

  /**
   * The SQL expression that makes the cards of the authors a row of {@code alias} credits, in
   * order; the column {@code alias.authors} holds their slugs.
   */
  public static String cardsOf(String alias) {
    return "coalesce((select jsonb_agg(jsonb_strip_nulls(jsonb_build_object('slug', w.slug,"
        + " 'name', w.name, 'avatar', case when w.avatar_asset_id is null and w.avatar_url is null"
        + " then null else jsonb_build_object('asset', w.avatar_asset_id, 'url', w.avatar_url,"
        + " 'alt', w.avatar_alt) end)) order by u.n)"
        + " from unnest("
        + alias
        + ".authors) with ordinality as u(slug, n) join author w on w.slug = u.slug), '[]')";
  }

  /** The cards in {@code json}, as stored by {@link #cardsOf}. */
  public static List<AuthorCard> parse(String json) {
    if (json == null || json.equals("[]")) {
      return List.of();
    }
    try {
      return JSON.readValue(json, LIST);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("author_cards holds what SQL wrote: " + e.getMessage(), e);
    }
  }

  public AuthorRef view(ImageView picture) {
    return new AuthorRef(slug, name, picture);
  }
}
