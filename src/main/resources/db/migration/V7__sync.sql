-- The change feed for mirrors (GET /api/v1/sync) follows the change log from a cursor. The log is
-- pruned: an entry superseded by a later one for the same entity can go (the feed serves each
-- entity's latest state only), and a delete older than content-api.sync.delete-retention goes.
-- A follower that has not yet read a pruned delete would miss it, so the newest pruned delete is
-- remembered here: a cursor below it is answered 410 (restart from the beginning).
--
-- Event names of the log besides the webhook events: article.hidden (a change no reader can see
-- yet) and article.navigation (a public article whose previous/next link changed because another
-- article entered, left or moved within its list; its own content did not change, webhooks do not
-- deliver it). A zone or category write also logs every node of its tree (zone.changed,
-- category.changed) and, when a name, slug or place changed, the articles that show it
-- (article.updated or article.hidden), since their answers embed it.
create table sync_state (
    id             integer primary key,
    -- Cursors at or above this position have seen every delete that pruning removed.
    pruned_through bigint not null,
    pruned_at      timestamp with time zone
);
insert into sync_state (id, pruned_through, pruned_at) values (1, 0, null);
