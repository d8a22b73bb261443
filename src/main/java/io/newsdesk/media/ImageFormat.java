package io.newsdesk.media;

import java.util.Optional;

/**
 * The image types the media library takes, told by their first bytes and never by a header or a
 * file name: a PNG called photo.jpg is a PNG, and an SVG is not an image here at all.
 */
enum ImageFormat {
  JPEG("image/jpeg", "jpg"),
  PNG("image/png", "png"),
  GIF("image/gif", "gif"),
  WEBP("image/webp", "webp");

  final String mimeType;
  final String extension;

  ImageFormat(String mimeType, String extension) {
    this.mimeType = mimeType;
    this.extension = extension;
  }

  /** The format whose signature {@code bytes} start with, if any. */
  static Optional<ImageFormat> sniff(byte[] bytes) {
    if (starts(bytes, 0xFF, 0xD8, 0xFF)) {
      return Optional.of(JPEG);
    }
    if (starts(bytes, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
      return Optional.of(PNG);
    }
    if (starts(bytes, 'G', 'I', 'F', '8')) {
      return Optional.of(GIF);
    }
    if (starts(bytes, 'R', 'I', 'F', 'F')
        && bytes.length >= 12
        && bytes[8] == 'W'
        && bytes[9] == 'E'
        && bytes[10] == 'B'
        && bytes[11] == 'P') {
      return Optional.of(WEBP);
    }
    return Optional.empty();
  }

  /** The format an extension in a rendition's file name stands for. */
  static Optional<ImageFormat> ofExtension(String extension) {
    for (ImageFormat format : values()) {
      if (format.extension.equals(extension)) {
        return Optional.of(format);
      }
    }
    return Optional.empty();
  }

  private static boolean starts(byte[] bytes, int... signature) {
    if (bytes.length < signature.length) {
      return false;
    }
    for (int i = 0; i < signature.length; i++) {
      if ((bytes[i] & 0xFF) != signature[i]) {
        return false;
      }
    }
    return true;
  }
}
