package io.newsdesk;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Delivery reads run at most newsdesk.delivery.concurrent-reads at once (2 in tests); the others
 * wait their turn, and every one is answered.
 */
@QuarkusTest
@WithTestResource(value = PostgresDatabase.class, scope = TestResourceScope.GLOBAL)
class DeliveryReadsTest {

  private static final int BOUND = 2;

  @Test
  void readsBeyondTheBoundWaitTheirTurnAndAllAreAnswered() throws Exception {
    SlowReadResource.release = new CountDownLatch(1);
    SlowReadResource.mostAtOnce.set(0);
    ExecutorService clients = Executors.newFixedThreadPool(BOUND + 1);
    try {
      List<Future<String>> answers = new ArrayList<>();
      for (int i = 0; i < BOUND + 1; i++) {
        String path = "/test-only/slow-read/" + i;
        answers.add(
            clients.submit(() -> given().get(path).then().statusCode(200).extract().asString()));
      }
      await()
          .atMost(Duration.ofSeconds(20))
          .until(() -> SlowReadResource.inside.get() == BOUND && queued() == 1);
      SlowReadResource.release.countDown();
      for (int i = 0; i < answers.size(); i++) {
        assertEquals("read " + i, answers.get(i).get(30, TimeUnit.SECONDS));
      }
      assertEquals(BOUND, SlowReadResource.mostAtOnce.get());
      assertEquals(0, queued());
    } finally {
      SlowReadResource.release.countDown();
      clients.shutdownNow();
    }
  }

  /** newsdesk_delivery_queued from the metrics (public in tests). */
  private static int queued() {
    String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
    return metrics
        .lines()
        .filter(line -> line.startsWith("newsdesk_delivery_queued"))
        .map(line -> (int) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no newsdesk_delivery_queued in /q/metrics"));
  }
}
