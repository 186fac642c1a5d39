-- Lookup indexes for FerretDB's PostgreSQL backend, applied by scripts/infra.sh to the local
-- `ferretdb` database at every start (idempotent). Local stand-in only: a real mongod needs none
-- of this.
--
-- Why: FerretDB 1.24 turns a filter such as {_id: "x"} or {documentId: "d", version: 3} into
-- `WHERE _jsonb->'_id' @> '"x"'`, but backs a MongoDB index with a btree on `(_jsonb->'_id')`,
-- which cannot answer `@>`. Every lookup therefore read the whole table (20 ms per findOne at
-- 20,000 rows here, growing with the collection). For each field a FerretDB btree index keys on,
-- this adds a GIN (jsonb_path_ops) index on the same expression, which does answer `@>`; the
-- planner rechecks every row it returns, so results are exactly those of the scan.
-- The database also gets plan_cache_mode = force_custom_plan: FerretDB's cached statements pass
-- the field name as a parameter (`_jsonb->$1 @> $2`), which only a custom plan can match to the
-- index expression (the generic plan that PostgreSQL switches to scans).

ALTER DATABASE ferretdb SET plan_cache_mode = force_custom_plan;

CREATE SCHEMA IF NOT EXISTS docflow_infra;

-- Adds the GIN companions of one btree index of a FerretDB table (no-op for any other index).
CREATE OR REPLACE FUNCTION docflow_infra.add_lookup_indexes(btree oid) RETURNS integer
LANGUAGE plpgsql AS $fn$
DECLARE
  table_schema text;
  table_name text;
  method text;
  key_count integer;
  key_expr text;
  field text;
  added integer := 0;
BEGIN
  SELECT n.nspname, t.relname, am.amname, i.indnkeyatts
    INTO table_schema, table_name, method, key_count
    FROM pg_index i
    JOIN pg_class ic ON ic.oid = i.indexrelid
    JOIN pg_am am ON am.oid = ic.relam
    JOIN pg_class t ON t.oid = i.indrelid
    JOIN pg_namespace n ON n.oid = t.relnamespace
   WHERE i.indexrelid = btree;
  IF method IS DISTINCT FROM 'btree' OR table_name LIKE '\_ferretdb%' OR table_schema = 'docflow_infra' THEN
    RETURN 0;
  END IF;
  FOR k IN 1..key_count LOOP
    key_expr := pg_get_indexdef(btree, k, true);
    -- FerretDB's key expression for a top-level field: (_jsonb -> 'field'::text)
    field := substring(key_expr FROM $re$^\(?_jsonb -> '((?:[^']|'')+)'::text\)?$$re$);
    CONTINUE WHEN field IS NULL;
    field := replace(field, '''''', '''');
    EXECUTE format(
      'CREATE INDEX IF NOT EXISTS %I ON %I.%I USING gin ((_jsonb -> %L) jsonb_path_ops)',
      left(table_name, 40) || '_' || left(md5(field), 12) || '_lookup',
      table_schema, table_name, field);
    added := added + 1;
  END LOOP;
  RETURN added;
END
$fn$;

CREATE OR REPLACE FUNCTION docflow_infra.on_create_index() RETURNS event_trigger
LANGUAGE plpgsql AS $fn$
DECLARE
  created record;
BEGIN
  FOR created IN
    SELECT objid FROM pg_event_trigger_ddl_commands()
     WHERE command_tag = 'CREATE INDEX' AND object_type = 'index'
  LOOP
    PERFORM docflow_infra.add_lookup_indexes(created.objid);
  END LOOP;
END
$fn$;

DROP EVENT TRIGGER IF EXISTS docflow_lookup_indexes;
CREATE EVENT TRIGGER docflow_lookup_indexes ON ddl_command_end
  WHEN TAG IN ('CREATE INDEX')
  EXECUTE FUNCTION docflow_infra.on_create_index();

-- Indexes created before this file was first applied (an existing data folder).
SELECT count(*) AS btree_indexes, coalesce(sum(docflow_infra.add_lookup_indexes(i.indexrelid)), 0) AS lookup_fields
  FROM pg_index i
  JOIN pg_class t ON t.oid = i.indrelid
  JOIN pg_attribute a ON a.attrelid = t.oid AND a.attname = '_jsonb' AND NOT a.attisdropped;
