-- Deployments that are Iggy clusters. A cluster deployment has a name (hashed by Iggy into every
-- replica's on-disk identity, so it never changes) and roster ports; each of its nodes is one
-- replica with a replica id assigned once, never reused or renumbered, and the address the roster
-- gives it. An agent remembers the address its Warden reported, the roster's default.
-- Portable SQL (H2, PostgreSQL).
alter table deployments add column cluster_name varchar(255);
alter table deployment_nodes add column replica_id integer;
alter table deployment_nodes add column cluster_ip varchar(255);
alter table deployment_nodes add column cluster_ports varchar(255);
alter table agents add column address varchar(255);
