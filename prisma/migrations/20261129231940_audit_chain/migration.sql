-- AlterTable
ALTER TABLE "ApplicationEvent" ADD COLUMN     "hash" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "prevHash" TEXT;

-- CreateTable
CREATE TABLE "AuditChainHead" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "lastEventId" BIGINT,
    "hash" TEXT,

    CONSTRAINT "AuditChainHead_pkey" PRIMARY KEY ("id")
);


-- The hash chain of the event log (R3, S0 p.5-6; README "Security"). Every event carries the hash of
-- the event before it in the whole log, so an edited, deleted or inserted-out-of-order row breaks the
-- chain at that row: `npm run audit:verify` (server/audit/verify.ts) recomputes it and names the first
-- broken event. The canonical encoding is a JSON array of explicit fields in a fixed order, the
-- payload in jsonb's own normalised text (keys sorted, one spelling of every value); the verifier
-- rebuilds it in TypeScript (server/audit/chain.ts), independently of this function.
CREATE FUNCTION "reglament_event_digest"(
  prev TEXT, id BIGINT, application UUID, at TIMESTAMP, actor UUID, type TEXT, from_stage TEXT,
  to_stage TEXT, payload JSONB
) RETURNS TEXT LANGUAGE sql STABLE AS $$
  SELECT encode(sha256(convert_to(
    '["reglament.event.v1",' || id::text
    || ',' || coalesce(to_json(prev)::text, 'null')
    || ',' || to_json(application::text)::text
    || ',' || to_json(to_char(at, 'YYYY-MM-DD"T"HH24:MI:SS.US'))::text
    || ',' || coalesce(to_json(actor::text)::text, 'null')
    || ',' || to_json(type)::text
    || ',' || coalesce(to_json(from_stage)::text, 'null')
    || ',' || coalesce(to_json(to_stage)::text, 'null')
    || ',' || payload::text
    || ']', 'UTF8')), 'hex')
$$;

-- Chains each new event under the head row's lock: concurrent inserts wait for each other's commit
-- (a row lock held to the end of the transaction), so no two events ever get the same predecessor.
-- The id is drawn under the lock too, so the chain's order is the id order the verifier walks.
-- SECURITY DEFINER: the app's role may insert events but has no right on the head row at all.
CREATE FUNCTION "reglament_event_chain"() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER AS $$
DECLARE
  head_hash TEXT;
BEGIN
  SELECT "hash" INTO head_hash FROM "AuditChainHead" WHERE "id" = 1 FOR UPDATE;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'the audit chain head is missing: the event log cannot be appended to';
  END IF;
  NEW."id" := nextval('"ApplicationEvent_id_seq"');
  NEW."at" := NEW."at"::TIMESTAMP(3);
  NEW."prevHash" := head_hash;
  NEW."hash" := "reglament_event_digest"(head_hash, NEW."id", NEW."applicationId", NEW."at", NEW."actorId",
    NEW."type", NEW."fromStage", NEW."toStage", NEW."payload");
  UPDATE "AuditChainHead" SET "lastEventId" = NEW."id", "hash" = NEW."hash" WHERE "id" = 1;
  RETURN NEW;
END;
$$;

-- Both functions run with this schema's names, whoever calls them.
DO $$
BEGIN
  EXECUTE format('ALTER FUNCTION "reglament_event_chain"() SET search_path = %I, pg_temp', current_schema());
  EXECUTE format(
    'ALTER FUNCTION "reglament_event_digest"(TEXT, BIGINT, UUID, TIMESTAMP, UUID, TEXT, TEXT, TEXT, JSONB) SET search_path = %I, pg_temp',
    current_schema());
END;
$$;

-- Existing events are chained in id order (the order they were written in), then the head is set.
ALTER TABLE "ApplicationEvent" DISABLE TRIGGER "ApplicationEvent_append_only";
DO $$
DECLARE
  r RECORD;
  prev TEXT := NULL;
  last_id BIGINT := NULL;
BEGIN
  FOR r IN SELECT * FROM "ApplicationEvent" ORDER BY "id" LOOP
    UPDATE "ApplicationEvent"
      SET "prevHash" = prev,
          "hash" = "reglament_event_digest"(prev, r."id", r."applicationId", r."at", r."actorId", r."type",
            r."fromStage", r."toStage", r."payload")
      WHERE "id" = r."id"
      RETURNING "hash" INTO prev;
    last_id := r."id";
  END LOOP;
  INSERT INTO "AuditChainHead" ("id", "lastEventId", "hash") VALUES (1, last_id, prev);
END;
$$;
ALTER TABLE "ApplicationEvent" ENABLE TRIGGER "ApplicationEvent_append_only";

CREATE TRIGGER "ApplicationEvent_chain"
  BEFORE INSERT ON "ApplicationEvent"
  FOR EACH ROW EXECUTE FUNCTION "reglament_event_chain"();
