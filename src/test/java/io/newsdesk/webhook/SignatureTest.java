package io.newsdesk.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class SignatureTest {

  @Test
  void signaturesAreHexHmacSha256OfTimestampDotBody() throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(
        new SecretKeySpec("s3cret-s3cret-s3cret".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    byte[] expected = mac.doFinal("1700000000.{\"a\":1}".getBytes(StandardCharsets.UTF_8));
    assertEquals(
        java.util.HexFormat.of().formatHex(expected),
        WebhookDispatcher.sign("s3cret-s3cret-s3cret", "1700000000.{\"a\":1}"));
  }
}
