package com.investchn.content.common.config;

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

  /** In-memory copies of the zone and category trees. */
  Catalog catalog();

  /** HTTP caching of public answers. */
  Http http();

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
     * A first admin token for a fresh installation (CONTENT_API_ADMIN_BOOTSTRAP_TOKEN); without it
     * no admin token exists until one is configured. Use it to create real tokens, then remove it.
     */
    Optional<String> bootstrapToken();

    /** Lines an import commits together; a bad line never costs the good ones. */
    @WithDefault("500")
    int importBatchSize();
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

    /** Number of published demo articles to generate. */
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
  }

  /** Catalog cache settings. */
  interface Catalog {
    /**
     * How long an instance may serve its in-memory copy of the zone and category trees before
     * reading them again; the bound on how stale another instance's change can look here.
     */
    @WithDefault("5s")
    Duration ttl();
  }
}
