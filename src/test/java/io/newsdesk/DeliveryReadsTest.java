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
 * wait their turn, and every one is answered. Requests for a URI being read wait for that read
 * without a thread of their own.
 */
@QuarkusTest
@WithTestResource(value = PostgresDatabase.class, scope = TestResourceScope.GLOBAL)
class DeliveryReadsTest {

  private static final int BOUND = 2;
  private static final String PATH = "/api/v1/test-only/slow-read/";

  @Test
  void readsBeyondTheBoundWaitTheirTurnAndAllAreAnswered() throws Exception {
    SlowReadResource.release = new CountDownLatch(1);
    SlowReadResource.mostAtOnce.set(0);
    ExecutorService clients = Executors.newFixedThreadPool(BOUND + 1);
    try {
      List<Future<String>> answers = new ArrayList<>();
      for (int i = 0; i < BOUND + 1; i++) {
        String path = PATH + i;
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

  @Test
  void requestsForAUriBeingReadWaitForItWithoutReachingTheResource() throws Exception {
    SlowReadResource.release = new CountDownLatch(1);
    SlowReadResource.calls.set(0);
    String path = PATH + (1000 + new java.util.Random().nextInt(1_000_000)); // read by no other
    ExecutorService clients = Executors.newFixedThreadPool(4);
    try {
      List<Future<io.restassured.response.Response>> answers = new ArrayList<>();
      answers.add(clients.submit(() -> given().get(path)));
      await().atMost(Duration.ofSeconds(20)).until(() -> SlowReadResource.inside.get() == 1);
      for (int i = 0; i < 3; i++) {
        answers.add(clients.submit(() -> given().get(path)));
      }
      await().atMost(Duration.ofSeconds(20)).until(() -> gauge("newsdesk_delivery_waiting") == 3);
      // they wait on the event loop: none took a worker thread into the resource to wait there
      assertEquals(1, SlowReadResource.calls.get());
      SlowReadResource.release.countDown();
      for (Future<io.restassured.response.Response> answer : answers) {
        io.restassured.response.Response response = answer.get(30, TimeUnit.SECONDS);
        assertEquals(200, response.statusCode());
        assertEquals("read " + path.substring(PATH.length()), response.asString());
        assertEquals("MISS", response.header("X-Cache"));
      }
      assertEquals(1, SlowReadResource.calls.get(), "one read for the four");
      assertEquals(0, gauge("newsdesk_delivery_waiting"));
    } finally {
      SlowReadResource.release.countDown();
      clients.shutdownNow();
    }
  }

  /** newsdesk_delivery_queued from the metrics (public in tests). */
  private static int queued() {
    return gauge("newsdesk_delivery_queued");
  }

  private static int gauge(String name) {
    String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
    return metrics
        .lines()
        .filter(line -> line.startsWith(name + " "))
        .map(line -> (int) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + name + " in /q/metrics"));
  }
}
