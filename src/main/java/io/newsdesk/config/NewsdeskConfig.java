package io.newsdesk.config;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;
import java.util.Optional;

/** Newsdesk's own settings, under the {@code newsdesk.} prefix. */
@ConfigMapping(prefix = "newsdesk")
public interface NewsdeskConfig {

  /**
   * The bootstrap admin token ({@code NEWSDESK_ADMIN_TOKEN}); compared by hash, never stored or
   * logged.
   */
  Optional<String> adminToken();

  Teaser teaser();

  Reading reading();

  Demo demo();

  Delivery delivery();

  Cache cache();

  Cors cors();

  Search search();

  Site site();

  Feeds feeds();

  Schedule schedule();

  Http http();

  Preview preview();

  Webhooks webhooks();

  Cdn cdn();

  Replica replica();

  Auth auth();

  Metrics metrics();

  Media media();

  /** The media library: uploads, their renditions, and where they are kept. */
  interface Media {
    /**
     * Base URL of image URLs, without a trailing slash (a CDN host, say); unset: the site's base
     * URL.
     */
    Optional<String> baseUrl();

    /**
     * Where uploads and renditions are kept: {@code filesystem} (the directory below) or {@code s3}
     * (a bucket of any S3-compatible store, shared by several instances).
     */
    @WithDefault("filesystem")
    Storage storage();

    /**
     * Directory that uploads and renditions are kept in (filesystem storage); created when missing.
     */
    @WithDefault("newsdesk-media")
    String directory();

    S3 s3();

    /** Largest upload (413 beyond it). */
    @WithDefault("25M")
    MemorySize maxBytes();

    /** Most pixels an upload may have, read from its header before decoding (422 beyond). */
    @WithDefault("50000000")
    long maxPixels();

    /**
     * Images decoded at the same time; further uploads and first renders wait up to ten seconds for
     * a turn, then answer 503 with Retry-After. Bounds the memory decoding takes.
     */
    @WithDefault("2")
    int concurrentDecodes();

    /** The media store's kinds. */
    enum Storage {
      filesystem,
      s3
    }

    /** An S3-compatible bucket (storage = s3). */
    interface S3 {
      /** The bucket; it must exist. */
      Optional<String> bucket();

      /** Object-key prefix, so one bucket can hold other things too. */
      @WithDefault("media/")
      String prefix();

      /** The store's URL, for stores other than AWS (MinIO, Ceph, Garage...); unset: AWS. */
      Optional<java.net.URI> endpoint();

      @WithDefault("us-east-1")
      String region();

      /** Unset: the AWS SDK's default credentials (environment, profile, instance role). */
      Optional<String> accessKey();

      Optional<String> secretKey();

      /** Bucket in the path rather than the host name, as most self-hosted stores want. */
      @WithDefault("true")
      boolean pathStyle();
    }
  }

  /** Who may read {@code /q/metrics}. */
  interface Metrics {
    /** The bearer token a metrics scraper sends; unset: nobody may read them (unless public). */
    Optional<String> token();

    /** Serve metrics to anyone (dev mode and tests); never in production. */
    @WithDefault("false")
    @io.smallrye.config.WithName("public")
    boolean isPublic();
  }

  /** Guessing tokens. */
  interface Auth {
    /**
     * Unknown, revoked or malformed tokens one client may send within {@link #failureWindow()};
     * after that every token it sends is refused (429 with Retry-After) until the window ends.
     */
    @WithDefault("10")
    int maxFailures();

    /** The window failures are counted in, from a client's first failure. */
    @WithDefault("1m")
    java.time.Duration failureWindow();
  }

  /** Teaser settings. */
  interface Teaser {
    /** Longest default excerpt in characters, the closing "…" included. */
    @WithDefault("200")
    int excerptChars();
  }

  /** How reading time is estimated. */
  interface Reading {
    /** Reading speed used for {@code readingTimeMinutes}. */
    @WithDefault("200")
    int wordsPerMinute();
  }

  /** Demo content. */
  interface Demo {
    /**
     * Load demo categories and articles into an empty database at start (on in the dev profile).
     */
    @WithDefault("false")
    boolean enabled();
  }

  /** HTTP caching of delivery responses by browsers and CDNs. */
  interface Delivery {
    /** {@code max-age} of delivery responses, in seconds. */
    @WithDefault("60")
    int maxAge();

    /** {@code stale-while-revalidate} of delivery responses, in seconds. */
    @WithDefault("300")
    int staleWhileRevalidate();

    /**
     * How many delivery reads (cache misses: database, rendering, compression) run at once; the
     * others wait their turn without taking CPU. Unset: twice the processors. Without a bound, 32
     * readers of a saturated server shared the CPU with an editor's write as 32 threads to one, and
     * an edit took 0.4-0.6 s at the median instead of 0.15 s (BENCHMARKS.md).
     */
    java.util.OptionalInt concurrentReads();
  }

  /** The in-process cache of delivery responses. */
  interface Cache {
    /** Serve delivery responses from memory (benchmarks turn it off to measure the database). */
    @WithDefault("true")
    boolean enabled();

    /** Memory the cached response bodies (kept gzipped) may take. */
    @WithDefault("64M")
    MemorySize maxSize();

    /**
     * How long an entry dropped by a change that hides nothing (an edit of a live article, a
     * publication) may still be served while one request refills it; {@code 0s}: never.
     */
    @WithDefault("1s")
    java.time.Duration staleWhileRefill();
  }

  /** Which browser origins may call the APIs. */
  interface Cors {
    /** Origins allowed to GET the delivery API and feeds; {@code *} allows any. */
    @WithDefault("*")
    List<String> deliveryOrigins();

    /** Origins allowed to call the management API; none unless set. */
    Optional<List<String>> managementOrigins();
  }

  /** Full-text search. */
  interface Search {
    /** PostgreSQL text search configuration (stemming and stop words), e.g. english, german. */
    @WithDefault("english")
    String config();
  }

  /** The public web site that shows the articles, for absolute links in syndication feeds. */
  interface Site {
    /** Name of the site, the title of its feeds. */
    @WithDefault("Newsdesk")
    String name();

    /** One sentence about the site: the reader page's front page description for search engines. */
    @WithDefault("The newest stories from the newsroom, as they are published.")
    String description();

    /** An author's page on the site; {slug} is replaced by the author's slug. */
    @WithDefault("/authors/{slug}")
    String authorPath();

    /** The publisher's logo (an absolute URL), for structured data; unset: none. */
    Optional<String> logoUrl();

    /** An author's public page: what structured data links an author to. */
    default String authorUrl(String slug) {
      return baseUrl() + authorPath().replace("{slug}", slug);
    }

    /** The site's language (BCP 47, e.g. en, pt-BR), for the news sitemap. */
    @WithDefault("en")
    String language();

    /** Base URL readers reach the site and this server at, without a trailing slash. */
    @WithDefault("http://localhost:8080")
    String baseUrl();

    /**
     * Path of an article page on the site; {slug} is replaced by the article's slug and {category}
     * by its category's.
     */
    @WithDefault("/articles/{slug}")
    String articlePath();

    /**
     * Where editors open a preview link: a page of the frontend with {token} in it (e.g. {@code
     * https://news.example/preview?token={token}}), which reads /api/v1/preview/{token}. Unset:
     * preview links open the API's delivery URL itself.
     */
    Optional<String> previewUrl();

    /** The link editors share for a preview token. */
    default String previewUrl(String token) {
      return previewUrl()
          .map(template -> template.replace("{token}", token))
          .orElse(baseUrl() + "/api/v1/preview/" + token);
    }

    /** The public page of an article: what articles, feeds and sitemaps link to. */
    default String articleUrl(String category, String slug) {
      return baseUrl() + articlePath().replace("{category}", category).replace("{slug}", slug);
    }
  }

  /** RSS, Atom and JSON Feed syndication. */
  interface Feeds {
    /** Number of latest articles in a feed. */
    @WithDefault("20")
    int items();

    /**
     * Put each article's full sanitized HTML in the feeds (RSS content:encoded, Atom content, JSON
     * Feed content_html) next to its excerpt; false: the excerpt only.
     */
    @WithDefault("true")
    boolean fullContent();
  }

  /** Scheduled publishing. */
  interface Schedule {
    /**
     * How often due scheduled articles are entered into the change feed (readers see them on time
     * regardless).
     */
    @WithDefault("1s")
    String checkEvery();
  }

  /** Request limits. */
  interface Http {
    /** Largest request body, except imports, which stream (413 beyond it). */
    @WithDefault("1M")
    MemorySize maxBodySize();
  }

  /** Draft previews. */
  interface Preview {
    /** How long a preview link works. */
    @WithDefault("1h")
    java.time.Duration lifetime();
  }

  /**
   * A streaming replica of the database for delivery reads. Unset by default: everything reads from
   * the primary. Writes, management reads and everything transactional always go to the primary.
   */
  interface Replica {
    /** JDBC URL of the replica ({@code NEWSDESK_REPLICA_JDBC_URL}). */
    Optional<String> jdbcUrl();

    /** User on the replica; unset: the primary's. */
    Optional<String> username();

    /** Password on the replica; unset: the primary's. */
    Optional<String> password();

    /** Connections to the replica at most. */
    @WithDefault("20")
    int maxSize();

    /** How long a read waits for a connection to the replica before it reads from the primary. */
    @WithDefault("1s")
    java.time.Duration acquisitionTimeout();

    /**
     * How long a read after a change waits for the replica to replay that change before it reads
     * from the primary instead.
     */
    @WithDefault("250ms")
    java.time.Duration maxWait();

    /** A replica further behind the primary than this is skipped until it catches up. */
    @WithDefault("5s")
    java.time.Duration maxLag();

    /** How often the replica's health and lag are checked. */
    @WithDefault("1s")
    String checkEvery();
  }

  /**
   * Caching proxies and CDNs in front of the delivery API, purged by surrogate key on every change
   * that touches a key. None is configured by default.
   */
  interface Cdn {
    /**
     * Base URLs of Varnish servers with the xkey module ({@code docker/varnish/default.vcl}), each
     * sent {@code PURGE /} with an {@code xkey-purge} header naming the keys.
     */
    Optional<List<java.net.URI>> varnishUrls();

    Fastly fastly();

    Cloudflare cloudflare();

    /** How often the sender looks for purges that are due (it is also woken by each commit). */
    @WithDefault("1s")
    String pollEvery();

    /** Wait before the first retry of a failed purge; it doubles with every further attempt. */
    @WithDefault("1s")
    java.time.Duration retryBase();

    /** The longest wait between two attempts: a target that was down is purged soon after. */
    @WithDefault("30s")
    java.time.Duration retryCap();

    /** How long to wait for a target's answer. */
    @WithDefault("5s")
    java.time.Duration timeout();

    /**
     * When to send each purge again after its first success: longer than an instance takes to hear
     * of a change, so what a proxy refilled from an instance that had not heard of it yet goes too.
     */
    @WithDefault("2s")
    java.time.Duration repurgeAfter();

    /** Fastly: purged through its API by surrogate key (it reads Surrogate-Key itself). */
    interface Fastly {
      Optional<String> serviceId();

      Optional<String> apiToken();

      @WithDefault("https://api.fastly.com")
      java.net.URI apiUrl();
    }

    /** Cloudflare: purged through its API by cache tag (responses then carry Cache-Tag). */
    interface Cloudflare {
      Optional<String> zoneId();

      Optional<String> apiToken();

      @WithDefault("https://api.cloudflare.com/client/v4")
      java.net.URI apiUrl();
    }
  }

  /** Webhook delivery. */
  interface Webhooks {
    /**
     * Deliver to targets on loopback, private, link-local or other internal addresses (off: such
     * targets are refused, against server-side request forgery).
     */
    @WithDefault("false")
    boolean allowPrivateTargets();

    /** How often the worker looks for deliveries that are due. */
    @WithDefault("1s")
    String pollEvery();

    /** Wait before the first retry; it doubles with every further attempt. */
    @WithDefault("10s")
    java.time.Duration retryBase();

    /** The longest wait between two attempts. */
    @WithDefault("1h")
    java.time.Duration retryCap();

    /** Attempts before a delivery is given up as failed (it can still be redelivered by hand). */
    @WithDefault("12")
    int maxAttempts();

    /** How long to wait for a receiver's answer. */
    @WithDefault("10s")
    java.time.Duration timeout();
  }
}
