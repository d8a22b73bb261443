package io.newsdesk.webhook;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;

class TargetGuardTest {

  private final TargetGuard guard = new TargetGuard(false);

  @Test
  void internalTargetsAreRefused() {
    for (String url :
        new String[] {
          "http://127.0.0.1/hook",
          "http://localhost:8080/hook",
          "http://10.1.2.3/",
          "http://172.16.0.1/",
          "http://192.168.1.10/",
          "http://169.254.169.254/latest/meta-data",
          "http://0.0.0.0/",
          "http://100.64.0.1/",
          "http://[::1]/",
          "http://[fd00::1]/",
          "http://[fe80::1]/",
          "http://[::ffff:127.0.0.1]/",
          "http://[::ffff:a9fe:a9fe]/",
          // found by the attack: embedded IPv4, special ranges and ambiguous notations
          "http://[::127.0.0.1]/",
          "http://[64:ff9b::7f00:1]/",
          "http://[64:ff9b:1::808:808]/",
          "http://[2002:7f00:1::]/",
          "http://[2001:0:4136:e378:8000:63bf:3fff:fdd2]/",
          "http://198.18.0.1/",
          "http://198.19.255.254/",
          "http://192.0.0.8/",
          "http://240.0.0.1/",
          "http://255.255.255.255/",
          "http://0177.0.0.1/",
          "http://0x7f.0.0.1/",
          "http://0x7f000001/",
          "http://2130706433/",
          "http://127.1/",
          "ftp://example.com/",
          "http://user:pass@example.com/"
        }) {
      assertNotNull(guard.refusal(url), url);
    }
  }

  @Test
  void publicAddressesAreFine() throws Exception {
    for (String address :
        new String[] {
          "93.184.216.34",
          "2606:2800:220:1:248:1893:25c8:1946",
          "8.8.8.8",
          "64:ff9b::808:808", // NAT64 to a public address
          "2002:808:808::1", // 6to4 from a public address
          "198.20.0.1"
        }) {
      assertFalse(TargetGuard.internal(InetAddress.getByName(address)), address);
    }
    assertNull(guard.refusal("https://93.184.216.34/hook"));
  }

  @Test
  void theSettingAllowsPrivateTargets() {
    assertNull(new TargetGuard(true).refusal("http://127.0.0.1:9/hook"));
    assertTrue(TargetGuard.internal(InetAddress.getLoopbackAddress()));
  }
}
