-- The change log: one row per change that can alter what the public API shows, numbered in
-- commit order. Writers take their numbers from the single counter row, which they lock by
-- incrementing it just before they commit; the lock serialises numbering with commit, so a reader
-- that has seen sequence N never later finds a committed entry below N.

create table change_counter (
    id                integer primary key,
    last_seq          bigint not null,
    -- Scheduled articles whose publishedAt lies at or before this time have had their entry.
    scheduled_through timestamp with time zone
);

create table change_log (
    seq        bigint primary key,
    -- article, zone, category or site
    entity     varchar(20)  not null,
    entity_id  bigint       not null,
    slug       varchar(200),
    -- upsert or delete
    op         varchar(10)  not null,
    -- what happened, for webhooks: article.published, article.updated, article.unpublished,
    -- article.deleted, article.hidden (a change no reader can see yet), zone.changed, ...
    event      varchar(40)  not null,
    changed_at timestamp with time zone not null,
    actor      varchar(100)
);
create index ix_change_log_entity on change_log (entity, entity_id, seq);

-- Moves in a tree are serialised on its row here, so two opposite moves can never both pass the
-- cycle check.
create table tree_lock (
    tree    varchar(20) primary key,
    version bigint not null
);
insert into tree_lock (tree, version) values ('zone', 0);
insert into tree_lock (tree, version) values ('category', 0);

-- A deleted article may have been known by its external id only.
alter table tombstone add column external_id varchar(200);

-- Content that exists before the log does gets one entry each, so a follower that starts from
-- the beginning sees everything.
insert into change_log (seq, entity, entity_id, slug, op, event, changed_at, actor)
select row_number() over (order by deleted_at, id), resource_type, resource_id, slug, 'delete',
       resource_type || '.deleted', deleted_at, deleted_by
from tombstone;

insert into change_log (seq, entity, entity_id, slug, op, event, changed_at, actor)
select (select coalesce(max(seq), 0) from change_log) + row_number() over (order by id),
       'site', id, null, 'upsert', 'site.changed', updated_at, updated_by
from site;

insert into change_log (seq, entity, entity_id, slug, op, event, changed_at, actor)
select (select coalesce(max(seq), 0) from change_log) + row_number() over (order by id),
       'zone', id, slug, 'upsert', 'zone.changed', updated_at, updated_by
from zone;

insert into change_log (seq, entity, entity_id, slug, op, event, changed_at, actor)
select (select coalesce(max(seq), 0) from change_log) + row_number() over (order by id),
       'category', id, slug, 'upsert', 'category.changed', updated_at, updated_by
from category;

insert into change_log (seq, entity, entity_id, slug, op, event, changed_at, actor)
select (select coalesce(max(seq), 0) from change_log) + row_number() over (order by id),
       'article', id, slug, 'upsert',
       case when status = 'PUBLISHED' then 'article.published' else 'article.hidden' end,
       updated_at, updated_by
from article;

insert into change_counter (id, last_seq, scheduled_through)
select 1, coalesce(max(seq), 0), current_timestamp from change_log;
