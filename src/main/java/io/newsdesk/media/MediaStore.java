package io.newsdesk.media;

import io.newsdesk.config.NewsdeskConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.util.Optional;

/**
 * Where originals and renditions are kept, under keys the service makes from ids and names it
 * checked ("{id}/upload", "{id}/w640.webp"): a directory, or an S3 bucket that several instances
 * share ({@code newsdesk.media.storage}).
 */
interface MediaStore {

  /** The bytes under {@code key}, or empty if there are none. */
  Optional<byte[]> read(String key);

  /** Keeps {@code bytes} under {@code key} whole: readers see all of them or none. */
  void write(String key, byte[] bytes);

  /** Removes everything kept under {@code id}/ (one asset's upload and renditions). */
  void deleteAll(String id);

  /** Makes the configured store. */
  @ApplicationScoped
  class Factory {
    @Produces
    @ApplicationScoped
    MediaStore store(NewsdeskConfig config) {
      NewsdeskConfig.Media media = config.media();
      return switch (media.storage()) {
        case filesystem -> new FileMediaStore(media.directory());
        case s3 -> new S3MediaStore(media.s3());
      };
    }
  }
}
