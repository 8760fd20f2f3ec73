-- Per-node order of runtime actions across replicas. Every runtime action draws a number from one
-- database sequence when the API accepts it (whichever replica answers), and is filed under its node's
-- lane for that runtime. A task is sent to its Warden only once every earlier task of its lane has
-- ended, so a stop accepted by one replica and a start accepted by another half a second later run
-- stop, then start. Tasks of other kinds (snapshots, kills) have no lane and are never held.
create sequence task_order_seq;
alter table tasks add column order_lane varchar(40);
alter table tasks add column lane_order bigint;
create index tasks_by_lane on tasks (node_id, order_lane, lane_order);
