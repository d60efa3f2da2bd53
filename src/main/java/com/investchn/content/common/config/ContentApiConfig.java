package com.investchn.content.common.config;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
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

  /** The editorial API. */
  Admin admin();

  /** What article HTML may contain. */
  Html html();

  /** Online backups of the embedded H2 database. */
  Backup backup();

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
