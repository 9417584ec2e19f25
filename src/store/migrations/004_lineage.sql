-- 004_lineage: what the derived layer and the data-quality profile need from ingest.
--
-- * claim.prescriber_code: the 処方医療機関 of a 調剤 claim (RE of RECEIPTY.CYO), so that duplicate
--   prescribing (同一成分を複数の医療機関から) is counted by prescriber, not by pharmacy.
-- * claim_replacement: every re-submitted claim that replaced an earlier version (same natural key),
--   with where both versions came from — the corrections log of the ingest report.

alter table claim add column if not exists prescriber_code varchar;

create table if not exists claim_replacement (
  claim_id              varchar not null,
  previous_file_id      varchar not null,    -- ingest_file of the version that was replaced
  previous_source_line  integer not null,
  previous_points       integer not null,
  new_file_id           varchar not null,
  new_source_line       integer not null,
  new_points            integer not null,
  primary key (claim_id, previous_file_id, previous_source_line)
);
