-- Answers "is any article filed under exactly this category and zone?" from the index alone; the
-- write path asks it to skip the neighbour queries of lists that are nobody's default list.
create index ix_article_category_zone on article (category_id, zone_id);
