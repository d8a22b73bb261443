package io.newsdesk.media;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/** An uploaded photo: what it is, what editors say about it, and where crops centre. */
@Entity
@Table(name = "asset")
class Asset {

  @Id UUID id;

  @Column(nullable = false)
  String sha256;

  @Column(nullable = false)
  String filename;

  @Column(name = "mime_type", nullable = false)
  String mimeType;

  long bytes;
  int width;
  int height;
  String alt;
  String caption;
  String credit;

  @Column(name = "focal_x")
  double focalX = 0.5;

  @Column(name = "focal_y")
  double focalY = 0.5;

  @Column(nullable = false)
  String placeholder;

  @Column(name = "created_at", nullable = false)
  Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  Instant updatedAt;

  @Column(name = "created_by")
  UUID createdBy;

  @Version long version;

  protected Asset() {}

  Asset(UUID createdBy, Instant now) {
    this.id = UUID.randomUUID();
    this.createdBy = createdBy;
    this.createdAt = now;
    this.updatedAt = now;
  }

  void edit(AssetEdit edit) {
    alt = edit.alt();
    caption = edit.caption();
    credit = edit.credit();
    AssetEdit.FocalPoint focal = edit.focalPoint() == null ? AssetEdit.CENTRE : edit.focalPoint();
    focalX = focal.x();
    focalY = focal.y();
  }

  AssetEdit editable() {
    return new AssetEdit(alt, caption, credit, new AssetEdit.FocalPoint(focalX, focalY));
  }
}
