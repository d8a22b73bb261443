-- Bad tokens by client address, shared by every instance: behind a load balancer N instances would
-- otherwise give a guesser N times the allowed tries. One row per client with failures in its
-- current window; rows whose window has ended are pruned.
create table failed_login (
  client text primary key,
  window_start timestamptz not null,
  failures int not null
);
