package io.newsdesk;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import crawlercommons.sitemaps.AbstractSiteMap;
import crawlercommons.sitemaps.SiteMap;
import crawlercommons.sitemaps.SiteMapIndex;
import crawlercommons.sitemaps.SiteMapParser;
import crawlercommons.sitemaps.SiteMapURL;
import crawlercommons.sitemaps.extension.Extension;
import crawlercommons.sitemaps.extension.ImageAttributes;
import crawlercommons.sitemaps.extension.NewsAttributes;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.net.URL;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Sitemaps as a crawler reads them (crawler-commons): published articles only, where they live. */
@QuarkusTest
@WithTestResource(value = PostgresDatabase.class, scope = TestResourceScope.GLOBAL)
class SitemapTest {

  private static final String SITE = "http://localhost:8080";

  /** Fetches {@code path} and parses it as a crawler does ({@code strict}: URLs within reach). */
  private static AbstractSiteMap parse(String path, boolean strict) throws Exception {
    Response response = given().get(path);
    assertEquals(200, response.statusCode(), path);
    assertTrue(response.contentType().startsWith("application/xml"), path);
    validate(response.asByteArray(), path);
    SiteMapParser parser = new SiteMapParser(strict, false);
    parser.enableExtension(Extension.NEWS);
    parser.enableExtension(Extension.IMAGE);
    return parser.parseSiteMap("application/xml", response.asByteArray(), new URL(SITE + path));
  }

  private static final String SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9";

  /**
   * Valid against sitemaps.org's XSDs (sitemap.xsd, siteindex.xsd, as shipped in the sitemapgen4j
   * jar). Their extension points are strict and the image and news XSDs are in no artifact
   * reachable here, so the extension elements are taken out first; crawler-commons reads those, and
   * the tests check what it read.
   */
  private static void validate(byte[] xml, String path) throws Exception {
    javax.xml.parsers.DocumentBuilderFactory factory =
        javax.xml.parsers.DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    org.w3c.dom.Document document =
        factory.newDocumentBuilder().parse(new java.io.ByteArrayInputStream(xml));
    org.w3c.dom.NodeList all = document.getElementsByTagNameNS("*", "*");
    List<org.w3c.dom.Node> extensions = new java.util.ArrayList<>();
    for (int i = 0; i < all.getLength(); i++) {
      if (!SITEMAP_NS.equals(all.item(i).getNamespaceURI())) {
        extensions.add(all.item(i));
      }
    }
    extensions.forEach(node -> node.getParentNode().removeChild(node));
    String schema =
        document.getDocumentElement().getLocalName().equals("sitemapindex")
            ? "siteindex.xsd"
            : "sitemap.xsd";
    javax.xml.validation.SchemaFactory.newInstance(javax.xml.XMLConstants.W3C_XML_SCHEMA_NS_URI)
        .newSchema(com.redfin.sitemapgenerator.SitemapValidator.class.getResource(schema))
        .newValidator()
        .validate(new javax.xml.transform.dom.DOMSource(document));
  }

  private static Optional<SiteMapURL> entry(AbstractSiteMap sitemap, String slug) {
    return ((SiteMap) sitemap)
        .getSiteMapUrls().stream()
            .filter(url -> url.getUrl().toString().equals(SITE + "/articles/" + slug))
            .findFirst();
  }

  private static String monthOf(Instant at) {
    YearMonth month = YearMonth.from(at.atZone(ZoneOffset.UTC));
    return "/sitemap-" + month + ".xml";
  }

  @Test
  void publishedArticlesAreInTheirMonthAndTheNewsAndNothingUnpublishedIs() throws Exception {
    String category = Api.category();
    String asset = AssetTest.upload(TestImages.jpeg(800, 600), "image/jpeg").path("id");
    Map<String, Object> body = Api.article(category, "Sitemapped harbour story");
    body.put("image", Map.of("asset", asset));
    String id = Api.create(Api.token("editor"), body).then().statusCode(201).extract().path("id");
    String published = Api.publish(id, null).then().statusCode(200).extract().path("slug");
    String draft = Api.slug(Api.draft(category, "Sitemap draft"));
    String embargoed = Api.draft(category, "Sitemap embargo");
    String scheduled = Api.slug(embargoed);
    Api.publish(embargoed, Map.of("publishAt", TestClock.now().plus(1, ChronoUnit.DAYS).toString()))
        .then()
        .statusCode(200);
    Instant threeDaysAgo = TestClock.now().minus(3, ChronoUnit.DAYS);
    String oldId = Api.draft(category, "Sitemap older story");
    String old =
        Api.publish(oldId, Map.of("publishAt", threeDaysAgo.toString()))
            .then()
            .statusCode(200)
            .extract()
            .path("slug");

    SiteMapIndex index = (SiteMapIndex) parse("/sitemap.xml", true);
    var listed = index.getSitemaps().stream().map(s -> s.getUrl().toString()).toList();
    assertTrue(listed.contains(SITE + monthOf(TestClock.now())), listed.toString());
    assertTrue(listed.contains(SITE + "/sitemaps/news.xml"), listed.toString());

    AbstractSiteMap month = parse(monthOf(TestClock.now()), true);
    SiteMapURL entry = entry(month, published).orElseThrow();
    assertTrue(entry.getLastModified() != null);
    ImageAttributes image = (ImageAttributes) entry.getAttributesForExtension(Extension.IMAGE)[0];
    assertTrue(image.getLoc().toString().contains("/media/" + asset + "/"), image.toString());
    assertTrue(entry(parse(monthOf(threeDaysAgo), true), old).isPresent());
    for (String hidden : new String[] {draft, scheduled}) {
      assertFalse(entry(month, hidden).isPresent(), hidden);
    }

    AbstractSiteMap news = parse("/sitemaps/news.xml", false);
    NewsAttributes about =
        (NewsAttributes)
            entry(news, published).orElseThrow().getAttributesForExtension(Extension.NEWS)[0];
    assertEquals("Sitemapped harbour story", about.getTitle());
    assertEquals("en", about.getLanguage());
    assertTrue(about.getName() != null && !about.getName().isBlank());
    assertTrue(about.getPublicationDate() != null);
    assertFalse(entry(news, old).isPresent(), "older than 48 hours");
    assertFalse(entry(news, draft).isPresent());
    assertFalse(entry(news, scheduled).isPresent());
  }

  @Test
  void aPublishShowsInTheCachedNewsSitemapAtOnce() throws Exception {
    String category = Api.category();
    parse("/sitemaps/news.xml", false);
    parse("/sitemaps/news.xml", false); // cached from here on
    String slug = Api.slug(Api.published(category, "Fresh for the news sitemap"));
    assertTrue(entry(parse("/sitemaps/news.xml", false), slug).isPresent());
  }

  @Test
  void robotsNamesTheSitemapsAndTheIndexRevalidates() {
    given()
        .get("/robots.txt")
        .then()
        .statusCode(200)
        .contentType(containsString("text/plain"))
        .body(containsString("Sitemap: " + SITE + "/sitemap.xml"))
        .body(containsString("Sitemap: " + SITE + "/sitemaps/news.xml"))
        .body(containsString("Disallow: /api/v1/manage/"));
    String etag = given().get("/sitemap.xml").header("ETag");
    given().header("If-None-Match", etag).get("/sitemap.xml").then().statusCode(304);
    given().get("/sitemap-2026-13.xml").then().statusCode(404);
    given()
        .accept("text/html")
        .get("/sitemap.xml")
        .then()
        .statusCode(406)
        .contentType("application/problem+json");
    given().get("/sitemap-1999-01.xml").then().statusCode(404);
  }
}
