package io.newsdesk.media;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsdesk.auth.Caller;
import io.newsdesk.config.NewsdeskConfig;
import io.newsdesk.event.ContentEvent;
import io.newsdesk.web.MergePatch;
import io.newsdesk.web.Page;
import io.newsdesk.web.PageInfo;
import io.newsdesk.web.ProblemException;
import io.newsdesk.web.Problems;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The media library's use cases: upload once (deduplicated by content; decoding waits for a turn of
 * {@code newsdesk.media.concurrent-decodes}), describe, find, and delete when unused.
 */
@ApplicationScoped
public class AssetService {

  /** An upload's answer, and whether the same bytes were there already. */
  record Uploaded(AssetView asset, boolean existing) {}

  /** The key of an asset's upload in the store: never served, the source of every rendition. */
  static String upload(UUID id) {
    return id + "/upload";
  }

  private final AssetRepository assets;
  private final MediaStore store;
  private final MediaUrls urls;
  private final ObjectMapper json;
  private final Validator validator;
  private final Clock clock;
  private final NewsdeskConfig.Media config;
  private final DecodePermits decodes;
  private final Event<ContentEvent> events;

  AssetService(
      AssetRepository assets,
      MediaStore store,
      MediaUrls urls,
      DecodePermits decodes,
      Event<ContentEvent> events,
      ObjectMapper json,
      Validator validator,
      Clock clock,
      NewsdeskConfig config) {
    this.assets = assets;
    this.store = store;
    this.urls = urls;
    this.decodes = decodes;
    this.events = events;
    this.json = json;
    this.validator = validator;
    this.clock = clock;
    this.config = config.media();
  }

  /**
   * Checks an upload from its bytes alone (type, size, pixels, that it decodes), makes its
   * placeholder, and keeps it; the same bytes again give the asset that has them.
   */
  Uploaded upload(byte[] bytes, String filename, AssetEdit about, Caller caller) {
    if (bytes.length > config.maxBytes().asLongValue()) {
      throw new ProblemException(
          413,
          "/problems/payload-too-large",
          "Payload Too Large",
          "An upload may have at most " + config.maxBytes().asLongValue() + " bytes",
          null,
          Map.of());
    }
    String sha256 = sha256(bytes);
    Optional<Asset> known =
        QuarkusTransaction.requiringNew().call(() -> assets.findBySha256(sha256));
    if (known.isPresent()) {
      return new Uploaded(view(known.get()), true);
    }
    Images.Probe probe = probe(bytes);
    String placeholder = decodes.run(() -> placeholder(bytes, probe));
    return QuarkusTransaction.requiringNew()
        .call(
            () -> {
              assets.lockSha256(sha256);
              Optional<Asset> raced = assets.findBySha256(sha256);
              if (raced.isPresent()) {
                return new Uploaded(view(raced.get()), true);
              }
              Asset asset = new Asset(caller.tokenId(), clock.instant());
              asset.sha256 = sha256;
              asset.filename = filename(filename, probe.format());
              asset.mimeType = probe.format().mimeType;
              asset.bytes = bytes.length;
              asset.width = probe.width();
              asset.height = probe.height();
              asset.placeholder = placeholder;
              asset.edit(valid(about));
              store.write(upload(asset.id), bytes); // before the row commits
              assets.persist(asset);
              assets.flush();
              events.fire(
                  new ContentEvent.AssetChanged(
                      asset.id, ContentEvent.AssetAction.created, List.of(), clock.instant()));
              return new Uploaded(view(asset), false);
            });
  }

  /**
   * Adds a photo as an upload does (the demo's drawn pictures), with crops centred on {@code
   * (focalX, focalY)}; returns its id.
   */
  public UUID add(
      byte[] bytes,
      String filename,
      String alt,
      String credit,
      double focalX,
      double focalY,
      Caller caller) {
    AssetEdit about = new AssetEdit(alt, null, credit, new AssetEdit.FocalPoint(focalX, focalY));
    return upload(bytes, filename, about, caller).asset().id();
  }

  Page<AssetView> list(String q, int number, int limit) {
    String query = q == null || q.isBlank() ? null : q.strip();
    var items = assets.search(query, number, limit).stream().map(this::view).toList();
    return new Page<>(items, PageInfo.numbered(limit, number, assets.countSearch(query)));
  }

  AssetView get(UUID id) {
    return view(find(id));
  }

  /** Applies a JSON Merge Patch to the editable fields. */
  AssetView patch(UUID id, JsonNode patch) {
    return QuarkusTransaction.requiringNew()
        .call(
            () -> {
              Asset asset = find(id);
              JsonNode merged = MergePatch.apply(json.valueToTree(asset.editable()), patch);
              AssetEdit edit;
              try {
                edit = json.treeToValue(merged, AssetEdit.class);
              } catch (JsonProcessingException e) {
                throw Problems.of(e, "/api/v1/manage/assets/" + id);
              }
              AssetEdit before = asset.editable();
              asset.edit(valid(edit));
              if (!asset.editable().equals(before)) {
                asset.updatedAt = clock.instant();
                assets.flush();
                events.fire(
                    new ContentEvent.AssetChanged(
                        asset.id,
                        ContentEvent.AssetAction.updated,
                        assets.shownLive(asset.id, asset.updatedAt),
                        asset.updatedAt));
              }
              return view(asset);
            });
  }

  /**
   * Deletes an asset no article shows, and its files, before the deletion commits: once it has,
   * every instance forgets the renditions it keeps in memory and finds none in the store.
   */
  void delete(UUID id) {
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              Asset asset = find(id);
              if (assets.inUse(id)) {
                throw ProblemException.conflict(
                    null,
                    "The asset is shown by an article, a teaser or an author's profile; replace it there"
                        + " first");
              }
              assets.delete(asset);
              assets.flush(); // a reference that raced the check fails here, files untouched
              events.fire(
                  new ContentEvent.AssetChanged(
                      id, ContentEvent.AssetAction.deleted, List.of(), clock.instant()));
              store.deleteAll(id.toString());
            });
  }

  private Images.Probe probe(byte[] bytes) {
    Images.Probe probe;
    try {
      probe = Images.probe(bytes);
    } catch (Images.Unreadable e) {
      if (ImageFormat.sniff(bytes).isPresent()) {
        throw unreadable();
      }
      throw new ProblemException(
          415,
          "/problems/unsupported-media-type",
          "Unsupported Media Type",
          "Upload a JPEG, PNG, WebP or GIF image (the type is read from the bytes)",
          null,
          Map.of());
    }
    long pixels = (long) probe.width() * probe.height();
    if (pixels > config.maxPixels()) {
      throw new ProblemException(
          422,
          "/problems/image-too-large",
          "Image too large",
          "The image has "
              + pixels
              + " pixels; at most "
              + config.maxPixels()
              + " are accepted (newsdesk.media.max-pixels)",
          null,
          Map.of());
    }
    if (pixels == 0) {
      throw new ProblemException(
          422,
          "/problems/unreadable-image",
          "Unreadable image",
          "The image is empty",
          null,
          Map.of());
    }
    return probe;
  }

  /** Decodes the whole upload once (small), which also proves it is not cut off or corrupt. */
  private static String placeholder(byte[] bytes, Images.Probe probe) {
    try {
      return Images.placeholder(Images.decode(bytes, probe, 64));
    } catch (Images.Unreadable e) {
      throw unreadable();
    }
  }

  private static ProblemException unreadable() {
    return new ProblemException(
        422,
        "/problems/unreadable-image",
        "Unreadable image",
        "The image is truncated or corrupt",
        null,
        Map.of());
  }

  private AssetEdit valid(AssetEdit edit) {
    var violations = validator.validate(edit);
    if (!violations.isEmpty()) {
      throw new ConstraintViolationException(violations);
    }
    return edit;
  }

  private Asset find(UUID id) {
    return assets
        .findByIdOptional(id)
        .orElseThrow(() -> ProblemException.notFound("There is no asset with id " + id));
  }

  AssetView view(Asset asset) {
    return new AssetView(
        asset.id,
        asset.filename,
        asset.mimeType,
        asset.bytes,
        asset.width,
        asset.height,
        asset.alt,
        asset.caption,
        asset.credit,
        new AssetEdit.FocalPoint(asset.focalX, asset.focalY),
        asset.placeholder,
        asset.createdAt,
        urls.largest(asset.id, asset.width),
        urls.sources(asset),
        urls.crops(asset));
  }

  /** A safe file name: the client's, without a path, or one made from the type. */
  private static String filename(String sent, ImageFormat format) {
    String name = sent == null ? "" : sent.replaceAll(".*[/\\\\]", "").strip();
    name = name.replaceAll("[\\p{Cntrl}]", "");
    if (name.isEmpty()) {
      return "upload." + format.extension;
    }
    return name.length() > 255 ? name.substring(name.length() - 255) : name;
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JVM", e);
    }
  }
}
