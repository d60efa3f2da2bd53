-- A token's name is what audit fields (createdBy, updatedBy, deletedBy) record, so it must name one
-- token. Older installations may hold duplicates, or a token named like the configured bootstrap
-- token: every such later token gets its id appended, the first of each name keeps it.
update api_token
   set name = substring(name, 1, 80) || ' #' || cast(id as varchar(20))
 where id not in (select min(id) from api_token group by name)
    or lower(name) = 'bootstrap-admin';

alter table api_token add constraint uk_api_token_name unique (name);
