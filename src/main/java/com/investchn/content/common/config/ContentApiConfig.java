package com.investchn.content.common.config;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** The application's own configuration, every key under the prefix {@code content-api}. */
@ConfigMapping(prefix = "content-api")
public interface ContentApiConfig {

  /** Folder that holds the embedded H2 database files. */
  @WithDefault("./data")
  String dataDir();

  /** Demo content loaded into an empty database at start-up. */
  Demo demo();

  /** Opaque paging cursors. */
  Cursor cursor();

  /** Following the change log. */
  ChangeLog changeLog();

  /** The change feed for mirrors, GET /api/v1/sync. */
  Sync sync();

  /** HTTP caching of public answers. */
  Http http();

  /** The in-memory cache of public answers. */
  Cache cache();

  /** Cross-origin settings. */
  Cors cors();

  /** The editorial API. */
  Admin admin();

  /** What article HTML may contain. */
  Html html();

  /** Online backups of the embedded H2 database. */
  Backup backup();

  /** Webhook deliveries. */
  Webhooks webhooks();

  /** The full-text search index. */
  Search search();

  /** Per-client rate limits of the API. */
  RateLimit rateLimit();

  /** Rate limit settings: token buckets per client address, one kind of request each. */
  interface RateLimit {
    /** Limit requests at all (CONTENT_API_RATE_LIMIT_ENABLED=false switches every limit off). */
    @WithDefault("true")
    boolean enabled();

    /**
     * Share the buckets of every instance through this Redis server, e.g. {@code
     * redis://127.0.0.1:6379}; unset, each instance limits on its own, in memory.
     */
    Optional<String> redisUrl();

    /** Prefix of the Redis keys of the buckets, so that several services can share one Redis. */
    @WithDefault("content-api:rate-limit:")
    String redisKeyPrefix();

    /** How long a request waits for Redis before it is served without a limit. */
    @WithDefault("500ms")
    Duration redisTimeout();

    /**
     * Client addresses remembered in memory per kind of request at most; beyond them the least
     * recently seen is forgotten (its bucket starts full again), so a flood of addresses cannot
     * fill the heap.
     */
    @WithDefault("100000")
    @Min(1)
    int maxClients();

    /** Public reads: every request under /api/v1 outside /api/v1/admin. */
    @WithName("public")
    Limit publicReads();

    /** Admin writes: POST, PUT, PATCH and DELETE under /api/v1/admin. */
    Limit admin();

    /** Failed authentication: each 401 answer takes one; with none left, /api/v1/admin is 429. */
    Limit auth();
  }

  /**
   * One token bucket (defaults in application.properties): it holds {@code burst} requests and
   * refills at {@code burst / window}, so an empty bucket is full again after {@code window}.
   */
  interface Limit {
    /** Requests a client may send at once (the bucket's size, q in RateLimit-Policy). */
    @Min(1)
    long burst();

    /** Time in which an empty bucket refills completely (w in RateLimit-Policy), whole seconds. */
    Duration window();
  }

  /** Search settings. */
  interface Search {
    /**
     * Folder of this instance's Lucene index; {@code memory} keeps it in memory (rebuilt at every
     * start).
     */
    @WithDefault("${content-api.data-dir}/search-index")
    String indexDir();

    /** How often the index looks for changes in the log that no commit here told it about. */
    @WithDefault("500ms")
    Duration pollInterval();

    /** How often applied changes are committed to disk (a restart re-applies the rest). */
    @WithDefault("5s")
    Duration commitInterval();

    /**
     * Longest a search waits for the index to apply the log position its instance has seen (its own
     * writes included) before it answers from the index as it is.
     */
    @WithDefault("2s")
    Duration catchUpWait();

    /**
     * Wait this long before building a missing index, while search answers 503; unset in
     * production, set by tests that watch the 503.
     */
    Optional<Duration> buildDelay();
  }

  /** Webhook settings. */
  interface Webhooks {
    /**
     * Follow the change log and deliver on this instance; off, the endpoints can still be managed
     * and another instance delivers.
     */
    @WithDefault("true")
    boolean enabled();

    /** How often the dispatcher and the worker look for work when no commit woke them. */
    @WithDefault("500ms")
    Duration pollInterval();

    /** Parallel deliveries per instance at most (one per endpoint at a time). */
    @WithDefault("4")
    int workerThreads();

    /** Time to open a connection to a receiver. */
    @WithDefault("5s")
    Duration connectTimeout();

    /** Time a receiver has to answer once the request is sent. */
    @WithDefault("10s")
    Duration requestTimeout();

    /** How long a delivery is retried from its first attempt before it is marked failed. */
    @WithDefault("24h")
    Duration retryPeriod();

    /** Ceiling of the first retry delay; each further retry doubles it, with full jitter. */
    @WithDefault("10s")
    Duration backoffBase();

    /** The retry delay's ceiling never grows beyond this (a Retry-After may ask for more). */
    @WithDefault("1h")
    Duration backoffCap();

    /** Deliveries that end failed in a row before their endpoint is disabled. */
    @WithDefault("10")
    int disableAfterFailures();

    /**
     * How long delivered and failed deliveries stay in the delivery log before they are pruned
     * (pending ones are never pruned).
     */
    @WithDefault("30d")
    Duration logRetention();

    /** Change-log entries the dispatcher enqueues in one transaction at most. */
    @WithDefault("200")
    int dispatchBatchSize();

    /**
     * Allow receivers on loopback, private, link-local, CGNAT and other non-public addresses (never
     * the cloud metadata addresses, which only {@code allowed-cidrs} can allow).
     */
    @WithDefault("false")
    boolean allowPrivateAddresses();

    /** Address ranges allowed although they are not public, e.g. {@code 10.20.0.0/16}. */
    Optional<List<String>> allowedCidrs();
  }

  /** Links to the portal's own pages, for feeds and sitemaps. */
  Portal site();

  /** Portal link settings. */
  interface Portal {
    /**
     * Permalink template of an article's page on the portal, with {slug} (the article's id when it
     * has no slug) and {id}, e.g. https://www.investchn.com/article/{slug}. Without it: the site
     * record's baseUrl followed by /articles/{slug}.
     */
    Optional<String> articleUrl();

    /**
     * Template of an article's stable id in feeds (RSS guid, Atom id, JSON Feed id), with {id}; it
     * must never change once feeds are published, so it names neither the title nor the slug.
     */
    @WithDefault("tag:investchn.com,2024:article:{id}")
    String articleId();

    /**
     * Most URLs in one sitemap file (the sitemaps.org protocol allows 50,000); a month with more is
     * split into parts.
     */
    @WithDefault("50000")
    @Min(1)
    @Max(50000)
    int sitemapMaxUrls();
  }

  /** Backup settings. */
  interface Backup {
    /**
     * Folder on the server where POST /api/v1/admin/backup writes H2 backups (one timestamped zip
     * each); copy them somewhere else, since a backup on the database's own disk shares its fate.
     */
    @WithDefault("${content-api.data-dir}/backups")
    String dir();
  }

  /** Editorial API settings. */
  interface Admin {
    /**
     * A first admin token for a fresh installation (CONTENT_API_ADMIN_BOOTSTRAP_TOKEN), at least 32
     * characters or the start-up fails; without it no admin token exists until one is configured.
     * Every start warns while it is set: use it to create real tokens, then remove it.
     */
    Optional<String> bootstrapToken();

    /** Lines an import commits together at most; a bad line never costs the good ones. */
    @WithDefault("500")
    int importBatchSize();

    /**
     * Bytes of NDJSON an import commits together at most, so a batch of large articles stays far
     * below the heap.
     */
    @WithDefault("8M")
    MemorySize importBatchBytes();

    /** Longest import line accepted; a longer line is rejected without being read into memory. */
    @WithDefault("4M")
    MemorySize importMaxLineBytes();

    /** Rejected lines an import report lists at most; its count is always exact. */
    @WithDefault("1000")
    int importMaxRejectionsListed();
  }

  /** Sanitizer settings. */
  interface Html {
    /**
     * Hosts whose https iframes (video players) may stay in article bodies; every other iframe is
     * removed.
     */
    Optional<List<String>> iframeHosts();
  }

  /** Demo content settings. */
  interface Demo {
    /** Load the demo data set when the database holds no content yet. */
    @WithDefault("true")
    boolean enabled();

    /** Seed of the generator, so every installation gets the same demo articles. */
    @WithDefault("20240621")
    long seed();

    /** Number of public demo articles, the three hand-written reference articles included. */
    @WithDefault("360")
    int articleCount();
  }

  /** Cursor settings. */
  interface Cursor {
    /**
     * Key that signs cursors so that a tampered cursor is rejected. Every instance behind one load
     * balancer must share it, or a cursor minted by one is refused by another.
     */
    @WithDefault("change-me-in-production-5f1c0e7a")
    String secret();
  }

  /** HTTP settings. */
  interface Http {
    /**
     * How long a shared cache (CDN, reverse proxy) may serve a successful public GET without asking
     * again; the bound on how stale the portal can look behind such a cache.
     */
    @WithDefault("30s")
    Duration cacheMaxAge();

    /**
     * How long a shared cache may go on serving a successful public GET after max-age while it
     * fetches a fresh one ({@code stale-while-revalidate}).
     */
    @WithDefault("30s")
    Duration staleWhileRevalidate();

    /**
     * The {@code Strict-Transport-Security} value to send, e.g. {@code max-age=31536000;
     * includeSubDomains}, once the service is reached over https only (directly or through the load
     * balancer); unset, none is sent, since a wrong one locks browsers out for its max-age.
     */
    Optional<String> strictTransportSecurity();
  }

  /** Cross-origin (CORS) settings: one policy for the public API, a stricter one for admin. */
  interface Cors {
    /**
     * Browser origins that may read the public API (everything outside /api/v1/admin), e.g. {@code
     * https://www.investchn.com,https://partner.example}; {@code *} (the default) lets any origin
     * read it.
     */
    @WithDefault("*")
    List<String> publicOrigins();

    /**
     * Browser origins that may call the admin API; none by default, so no page on another origin
     * can make an editor's browser write. {@code *} is refused here: name each origin.
     */
    Optional<List<String>> adminOrigins();

    /** How long a browser may keep a preflight's answer. */
    @WithDefault("1h")
    Duration maxAge();
  }

  /** Response cache settings. */
  interface Cache {
    /**
     * Keep serialized public answers in memory and serve repeated reads from there; switch off only
     * to measure what a read costs without it.
     */
    @WithDefault("true")
    boolean enabled();

    /** Bytes of answers the cache holds at most (bodies, their gzip forms and headers). */
    @WithDefault("32M")
    MemorySize maxSize();

    /** Answers smaller than this are not gzipped: the saving would not pay for the work. */
    @WithDefault("1K")
    MemorySize compressMinSize();
  }

  /** Change log settings. */
  interface ChangeLog {
    /**
     * How often an instance reads the change log's head to notice what other instances committed;
     * the bound on how stale its caches and catalogs can be after a write through another one.
     */
    @WithDefault("250ms")
    Duration pollInterval();
  }

  /** Change feed settings: how long the change log keeps what followers may still need. */
  interface Sync {
    /**
     * How long a delete stays in the change log. A follower whose cursor is older than the newest
     * pruned delete gets 410 and restarts from the beginning.
     */
    @WithDefault("30d")
    Duration deleteRetention();

    /**
     * How long an entry stays after a later entry for the same entity superseded it. The feed skips
     * such entries anyway; the grace lets every follower that reads each entry (webhooks, other
     * instances' catalogs) see it first.
     */
    @WithDefault("1d")
    Duration supersededRetention();

    /** How often an instance prunes the change log; 0 turns pruning off. */
    @WithDefault("1h")
    Duration pruneInterval();
  }
}
