package io.newsdesk.media;

import io.newsdesk.config.NewsdeskConfig;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Objects in an S3-compatible bucket, so every instance reads what any of them uploaded or
 * rendered. A PUT is atomic: readers get the whole object or none.
 */
final class S3MediaStore implements MediaStore {

  private final S3Client s3;
  private final String bucket;
  private final String prefix;

  S3MediaStore(NewsdeskConfig.Media.S3 config) {
    this.bucket =
        config
            .bucket()
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "newsdesk.media.storage=s3 needs newsdesk.media.s3.bucket"));
    this.prefix = config.prefix();
    S3ClientBuilder builder =
        S3Client.builder()
            .httpClient(UrlConnectionHttpClient.create())
            .region(Region.of(config.region()))
            .forcePathStyle(config.pathStyle())
            // checksums only where S3 requires them: S3-compatible stores (MinIO, Ceph, s3proxy)
            // do not all take the trailing checksums newer SDKs send by default
            .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
            .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
    config.endpoint().ifPresent(builder::endpointOverride);
    if (config.accessKey().isPresent()) {
      builder.credentialsProvider(
          StaticCredentialsProvider.create(
              AwsBasicCredentials.create(
                  config.accessKey().get(),
                  config
                      .secretKey()
                      .orElseThrow(
                          () ->
                              new IllegalStateException(
                                  "newsdesk.media.s3.access-key needs"
                                      + " newsdesk.media.s3.secret-key")))));
    } else {
      builder.credentialsProvider(DefaultCredentialsProvider.builder().build());
    }
    this.s3 = builder.build();
  }

  @Override
  public Optional<byte[]> read(String key) {
    try {
      return Optional.of(
          s3.getObjectAsBytes(request -> request.bucket(bucket).key(prefix + key)).asByteArray());
    } catch (NoSuchKeyException e) {
      return Optional.empty();
    }
  }

  @Override
  public void write(String key, byte[] bytes) {
    s3.putObject(request -> request.bucket(bucket).key(prefix + key), RequestBody.fromBytes(bytes));
  }

  /**
   * Lists first, then deletes one object at a time (an asset has a few dozen): the batch delete
   * needs a checksum header that not every S3-compatible store understands.
   */
  @Override
  public void deleteAll(String id) {
    List<String> keys =
        s3
            .listObjectsV2Paginator(request -> request.bucket(bucket).prefix(prefix + id + "/"))
            .contents()
            .stream()
            .map(S3Object::key)
            .toList();
    for (String key : keys) {
      s3.deleteObject(request -> request.bucket(bucket).key(key));
    }
  }
}
