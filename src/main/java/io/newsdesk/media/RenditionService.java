package io.newsdesk.media;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.newsdesk.cache.Delivery;
import io.newsdesk.cache.ResponseCache;
import io.newsdesk.cache.SurrogateKeys;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.awt.image.BufferedImage;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Renditions: rendered from the stored upload on their first request and kept in the store; the
 * ones read lately also in memory (32 MB), for MediaHits. One rendition is rendered once however
 * many ask for it at the same moment, and decoding waits for a DecodePermits turn.
 */
@ApplicationScoped
class RenditionService {

  /** Bytes of a rendition, their type, and their strong ETag. */
  record Rendered(byte[] bytes, String contentType, String etag) {
    Rendered(byte[] bytes, String contentType) {
      this(bytes, contentType, Delivery.etag(bytes));
    }
  }

  private final AssetRepository assets;
  private final MediaStore store;
  private final DecodePermits decodes;
  private final Map<String, CompletableFuture<byte[]>> rendering = new ConcurrentHashMap<>();

  /**
   * Renditions read lately, by key: a photo on the front page is asked for by every reader a CDN
   * lets through, and its bytes never change.
   */
  private final Cache<String, Rendered> recent =
      Caffeine.newBuilder()
          .maximumWeight(32L << 20)
          .weigher((String key, Rendered kept) -> kept.bytes().length)
          .build();

  RenditionService(AssetRepository assets, MediaStore store, DecodePermits decodes) {
    this.assets = assets;
    this.store = store;
    this.decodes = decodes;
  }

  /**
   * A rendition's bytes, rendered and kept on its first request; empty for no such rendition. A
   * kept one is served from the store alone: it exists only if it was a valid rendition, and goes
   * when its asset does.
   */
  Optional<Rendered> rendition(UUID id, String name) {
    Optional<Renditions.Rendition> named = Renditions.parse(name);
    if (named.isEmpty()) {
      return Optional.empty();
    }
    Renditions.Rendition rendition = named.get();
    String key = id + "/" + rendition.name();
    Rendered remembered = recent.getIfPresent(key);
    if (remembered != null) {
      return Optional.of(remembered);
    }
    Optional<byte[]> kept = store.read(key);
    if (kept.isPresent()) {
      Rendered rendered = new Rendered(kept.get(), rendition.format().mimeType);
      recent.put(key, rendered);
      return Optional.of(rendered);
    }
    Optional<Asset> asset =
        QuarkusTransaction.requiringNew().call(() -> assets.findByIdOptional(id));
    if (asset.isEmpty() || !Renditions.has(asset.get(), rendition)) {
      return Optional.empty();
    }
    Rendered rendered = new Rendered(renderOnce(key, id, rendition), rendition.format().mimeType);
    recent.put(key, rendered);
    return Optional.of(rendered);
  }

  /**
   * A rendition read lately, from memory alone (no file, no database): what MediaHits serves on the
   * event loop.
   */
  Optional<Rendered> remembered(String id, String name) {
    return Optional.ofNullable(recent.getIfPresent(id + "/" + name));
  }

  /** Concurrent first requests for one rendition wait for the same render. */
  private byte[] renderOnce(String key, UUID id, Renditions.Rendition rendition) {
    CompletableFuture<byte[]> mine = new CompletableFuture<>();
    CompletableFuture<byte[]> running = rendering.putIfAbsent(key, mine);
    if (running != null) {
      return running.join();
    }
    try {
      byte[] bytes = store.read(key).orElseGet(() -> decodes.run(() -> render(key, id, rendition)));
      mine.complete(bytes);
      return bytes;
    } catch (RuntimeException e) {
      mine.completeExceptionally(e);
      throw e;
    } finally {
      rendering.remove(key, mine);
    }
  }

  private byte[] render(String key, UUID id, Renditions.Rendition rendition) {
    byte[] upload =
        store
            .read(AssetService.upload(id))
            .orElseThrow(() -> new IllegalStateException("asset " + id + " has no upload"));
    try {
      Images.Probe probe = Images.probe(upload);
      Renditions.Region region = Renditions.region(rendition, probe.width(), probe.height());
      int height = Renditions.height(rendition.width(), region.width(), region.height());
      byte[] bytes =
          Images.encode(
              Images.scale(picture(upload, probe, rendition, region), rendition.width(), height),
              rendition.format());
      store.write(key, bytes);
      return bytes;
    } catch (Images.Unreadable e) {
      throw new IllegalStateException("asset " + id + " was checked at upload", e);
    }
  }

  /**
   * The part of the photo a rendition shows, decoded at the coarsest scale that still gives it at
   * least the rendition's width.
   */
  private static BufferedImage picture(
      byte[] upload, Images.Probe probe, Renditions.Rendition rendition, Renditions.Region region)
      throws Images.Unreadable {
    if (rendition.shape() == null) {
      return Images.decode(upload, probe, rendition.width());
    }
    int needed = (int) Math.ceil((double) rendition.width() * probe.width() / region.width());
    BufferedImage decoded = Images.decode(upload, probe, needed);
    double scale = (double) decoded.getWidth() / probe.width();
    int x = (int) Math.round(region.x() * scale);
    int y = (int) Math.round(region.y() * scale);
    int width = Math.min((int) Math.round(region.width() * scale), decoded.getWidth() - x);
    int height = Math.min((int) Math.round(region.height() * scale), decoded.getHeight() - y);
    return decoded.getSubimage(x, y, Math.max(1, width), Math.max(1, height));
  }

  /**
   * Drops what memory keeps of a deleted asset, on every instance: the deleting one's commit and
   * the others' change notifications name it.
   */
  void forget(@Observes ResponseCache.Dropped dropped) {
    if (dropped.keys().contains(SurrogateKeys.ALL)) {
      recent.invalidateAll();
      return;
    }
    for (String key : dropped.keys()) {
      SurrogateKeys.assetOf(key)
          .ifPresent(id -> recent.asMap().keySet().removeIf(kept -> kept.startsWith(id + "/")));
    }
  }
}
