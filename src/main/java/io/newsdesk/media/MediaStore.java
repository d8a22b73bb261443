package io.newsdesk.media;

import io.newsdesk.config.NewsdeskConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * Where originals and renditions are kept: files under {@code newsdesk.media.directory}, written
 * whole to a temporary name and moved into place, so a reader never sees half a file. Keys are
 * paths made by the service from ids and names it checked ("{id}/v{n}/w640.webp").
 */
@ApplicationScoped
class MediaStore {

  private final Path root;

  MediaStore(NewsdeskConfig config) {
    this.root = Path.of(config.media().directory()).toAbsolutePath().normalize();
  }

  Optional<byte[]> read(String key) {
    try {
      return Optional.of(Files.readAllBytes(path(key)));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  void write(String key, byte[] bytes) {
    Path target = path(key);
    try {
      Files.createDirectories(target.getParent());
      Path temporary = Files.createTempFile(target.getParent(), ".part-", null);
      Files.write(temporary, bytes);
      Files.move(
          temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Removes everything kept for one asset. */
  void deleteAll(String prefix) {
    Path directory = path(prefix);
    if (!Files.exists(directory)) {
      return;
    }
    try (var files = Files.walk(directory)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(MediaStore::deleteQuietly);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void deleteQuietly(Path path) {
    try {
      Files.deleteIfExists(path);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Path path(String key) {
    Path path = root.resolve(key).normalize();
    if (!path.startsWith(root)) {
      throw new IllegalArgumentException("a media key must stay inside the store");
    }
    return path;
  }
}
