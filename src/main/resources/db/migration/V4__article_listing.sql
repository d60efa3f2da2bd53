-- The article listing: for every published article one row per list it belongs to, keyed so that
-- every public list (all, a category with its descendants, a zone with its descendants, a
-- publisher zone, a source) is one index range in publication order. Lists, counts, cursors and
-- neighbours then read entries proportional to the page, never to the table. The rows are derived
-- from the articles and the trees and kept in the writer's transaction; the application rebuilds
-- them when derived_state says they are missing or of an older layout.
create table article_listing (
    -- all | c:<category id> | z:<zone id> | p:<publisher zone id> | s:<source>
    list_key     varchar(210) not null,
    published_at timestamp with time zone not null,
    article_id   bigint not null,
    updated_at   timestamp with time zone not null,
    constraint pk_article_listing primary key (list_key, published_at, article_id)
);
create index ix_article_listing_updated on article_listing (list_key, updated_at, article_id);
create index ix_article_listing_article on article_listing (article_id, list_key);

-- What derived data the application has built, and in which layout.
create table derived_state (
    name    varchar(50) primary key,
    version integer not null,
    built_at timestamp with time zone
);
insert into derived_state (name, version, built_at) values ('article_listing', 0, null);
