package io.newsdesk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.File;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The reader page in a real browser, with JavaScript on and off: Debian's headless Chromium, driven
 * through its ChromeDriver (installed by .ci/run; nothing is downloaded). Saves
 * target/reader-page.png and target/reader-page-no-script.png.
 */
@QuarkusTest
@WithTestResource(value = PostgresDatabase.class, scope = TestResourceScope.GLOBAL)
class ReaderPageTest {

  @TestHTTPResource("/")
  URL home;

  private static final java.time.format.DateTimeFormatter DAY =
      java.time.format.DateTimeFormatter.ofPattern("d MMM yyyy", java.util.Locale.ENGLISH)
          .withZone(java.time.ZoneOffset.UTC);

  private ChromeDriver browser;
  private WebDriverWait wait;

  private static ChromeDriver open(boolean javascript) throws Exception {
    ChromeOptions options = new ChromeOptions();
    options.setBinary("/usr/bin/chromium");
    options.addArguments(
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--window-size=1280,1600",
        "--user-data-dir=" + Files.createTempDirectory("chromium-profile"));
    if (!javascript) {
      options.setExperimentalOption(
          "prefs", Map.of("profile.managed_default_content_settings.javascript", 2));
    }
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(new File("/usr/bin/chromedriver"))
            .usingAnyFreePort()
            .build();
    return new ChromeDriver(service, options);
  }

  @AfterEach
  void closeBrowser() {
    if (browser != null) {
      browser.quit();
    }
  }

  /** 45 older stories and a newest one with a photo, in a category of their own. */
  private static String stories() throws Exception {
    String category = Api.category();
    Instant base = Instant.now().minus(Duration.ofDays(400));
    for (int i = 0; i < 45; i++) { // older stories, so the list has more than two pages
      String id = Api.draft(category, "Archive story number " + i);
      Api.publish(id, Map.of("publishAt", base.plus(Duration.ofDays(i * 8)).toString()))
          .then()
          .statusCode(200);
    }
    String photo =
        AssetTest.upload(TestImages.jpeg(1600, 1000), "image/jpeg").then().extract().path("id");
    Map<String, Object> newest = Api.article(category, "Night trains return to the coast line");
    newest.put("subtitle", "Sleeper carriages run again from Friday");
    newest.put("image", Map.of("asset", photo, "alt", "A sleeper train at the platform"));
    newest.put(
        "body", "## Timetable\n\nTrains leave at **22:40**.\n\n> We missed them, said a driver.");
    String id = Api.create(Api.token("editor"), newest).then().statusCode(201).extract().path("id");
    Api.publish(id, null).then().statusCode(200);
    return category;
  }

  @Test
  void showsTheNewestArticleAndItsPhotoAndScriptLoadsOlderStoriesInPlace() throws Exception {
    String category = stories();
    browser = open(true);
    wait = new WebDriverWait(browser, Duration.ofSeconds(15));
    browser.get(home + "?category=" + category); // this test's section: no other test's stories
    assertEquals("Night trains return to the coast line", text("headline"));
    assertEquals("Sleeper carriages run again from Friday", text("standfirst"));
    assertEquals("SECTION " + category.toUpperCase(), text("category"));
    assertTrue(browser.findElement(By.cssSelector("#body blockquote")).isDisplayed());
    assertEquals("Timetable", browser.findElement(By.cssSelector("#body h2")).getText());

    // the lead photo: WebP and JPEG at every width, its intrinsic size, and its words
    WebElement lead = browser.findElement(By.cssSelector("#lead picture img"));
    assertTrue(lead.isDisplayed());
    assertEquals("A sleeper train at the platform", lead.getAttribute("alt"));
    assertEquals("1600", lead.getDomAttribute("width"));
    assertEquals("1000", lead.getDomAttribute("height"));
    String jpegs = lead.getAttribute("srcset");
    String photo = jpegs.replaceAll("(?s).*/media/([0-9a-f-]{36})/.*", "$1");
    for (int width : new int[] {320, 640, 960, 1280, 1600}) {
      assertTrue(jpegs.contains("/media/" + photo + "/w" + width + ".jpg " + width + "w"), jpegs);
    }
    assertTrue(
        browser
            .findElement(By.cssSelector("#lead picture source[type='image/webp']"))
            .getAttribute("srcset")
            .contains("/w640.webp 640w"));
    assertTrue(lead.getAttribute("sizes").contains("100vw"));
    // the newest teaser's thumbnail: the 4:3 crops
    WebElement thumbnail =
        browser.findElement(By.cssSelector("#recent li:first-child .thumbnail img"));
    assertTrue(thumbnail.getAttribute("srcset").contains("/4x3-f500x500-w320.jpg 320w"));
    assertEquals("6rem", thumbnail.getAttribute("sizes"));
    // the browser picked one of them, and the server has it (media URLs name the configured
    // host, http://localhost:8080 in tests, so the test fetches the path from its own server)
    wait.until(d -> (Boolean) browser.executeScript("return arguments[0].complete", lead));
    String picked = (String) browser.executeScript("return arguments[0].currentSrc", lead);
    assertTrue(picked.contains("/media/" + photo + "/w"), picked);
    io.restassured.RestAssured.given()
        .get(java.net.URI.create(picked).getPath())
        .then()
        .statusCode(200);

    assertEquals(20, teasers().size());
    String url = browser.getCurrentUrl();
    browser.findElement(By.id("more")).click();
    wait.until(d -> teasers().size() == 40);
    assertEquals(url, browser.getCurrentUrl(), "loaded in place");
    List<String> slugs = teasers().stream().map(li -> li.getAttribute("data-slug")).toList();
    assertEquals(40, new HashSet<>(slugs).size(), "no teaser twice");
    // the script writes what the server writes: the same date for the same time
    WebElement added = browser.findElement(By.cssSelector("#recent li:nth-child(40) time"));
    assertEquals(DAY.format(Instant.parse(added.getAttribute("datetime"))), added.getText());
    assertEquals(
        "Archive story number 6", teasers().get(39).findElement(By.tagName("a")).getText());

    WebElement link = browser.findElement(By.linkText("Archive story number 44"));
    String slug = link.findElement(By.xpath("..")).getAttribute("data-slug");
    link.click();
    wait.until(ExpectedConditions.textToBe(By.id("headline"), "Archive story number 44"));
    assertTrue(browser.getCurrentUrl().endsWith("/articles/" + slug), browser.getCurrentUrl());
    Files.write(Path.of("target", "reader-page.png"), browser.getScreenshotAs(OutputType.BYTES));
  }

  @Test
  void withoutJavaScriptEverythingIsThereAndOlderStoriesIsALink() throws Exception {
    String category = stories();
    browser = open(false);
    wait = new WebDriverWait(browser, Duration.ofSeconds(15));
    browser.get(home + "?category=" + category);
    assertEquals(
        false, browser.executeScript("return typeof older === 'function'"), "no script ran");
    assertEquals("Night trains return to the coast line", text("headline"));
    assertTrue(browser.findElement(By.cssSelector("#lead picture img")).isDisplayed());
    assertEquals(20, teasers().size());
    assertEquals(
        "Archive story number 26", teasers().get(19).findElement(By.tagName("a")).getText());

    browser.findElement(By.id("more")).click();
    wait.until(ExpectedConditions.urlContains("cursor="));
    assertEquals(20, teasers().size());
    assertEquals(
        "Archive story number 25", teasers().get(0).findElement(By.tagName("a")).getText());
    assertEquals(
        "Archive story number 6", teasers().get(19).findElement(By.tagName("a")).getText());

    browser.findElement(By.linkText("Archive story number 20")).click();
    wait.until(ExpectedConditions.textToBe(By.id("headline"), "Archive story number 20"));
    Files.write(
        Path.of("target", "reader-page-no-script.png"), browser.getScreenshotAs(OutputType.BYTES));
  }

  private List<WebElement> teasers() {
    return browser.findElements(By.cssSelector("#recent li"));
  }

  private String text(String id) {
    return browser.findElement(By.id(id)).getText();
  }
}
