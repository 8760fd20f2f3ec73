-- Config drift: a node whose runtime config file no longer matches the version Lodestar applied
-- there (edited by hand). Null when the file matches, or when Lodestar has applied no version yet.
-- Portable SQL (H2, PostgreSQL).
alter table agents add column config_drift varchar(2000);
