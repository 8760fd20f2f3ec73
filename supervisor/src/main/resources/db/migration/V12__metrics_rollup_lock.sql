-- The metrics roll-up runs on a timer on every replica (and on demand): two at once would both build the
-- same 15-minute points from the same raw points. Its transaction locks this row first.
insert into supervisor_locks (name) values ('metrics-rollup');
