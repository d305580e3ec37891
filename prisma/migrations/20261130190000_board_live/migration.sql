-- The live board (issue 13 p.4): every change to what a board shows sends a notification on the
-- channel "reglament_board" carrying the department of the application, delivered when the change
-- commits (never for a rolled-back one) to every app instance that LISTENs on the same database
-- (server/workflow/board/live.ts). Triggers rather than calls in the code, so that no path that moves,
-- registers, assigns, closes or asks another agency about an application can forget to say so.
-- Drafts are not on any board: their autosaves (the busiest UPDATE) fire nothing, the WHEN clauses
-- keep even the function call away from them. PostgreSQL folds identical notifications of one
-- transaction into one.

CREATE FUNCTION "reglament_board_notify"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN
    PERFORM pg_notify('reglament_board', OLD."departmentId"::text);
  END IF;
  IF TG_OP <> 'DELETE' THEN
    PERFORM pg_notify('reglament_board', NEW."departmentId"::text);
  END IF;
  RETURN NULL;
END;
$$;

CREATE TRIGGER "Application_board_insert" AFTER INSERT ON "Application"
  FOR EACH ROW WHEN (NEW."status" <> 'DRAFT') EXECUTE FUNCTION "reglament_board_notify"();
CREATE TRIGGER "Application_board_update" AFTER UPDATE ON "Application"
  FOR EACH ROW WHEN (OLD."status" <> 'DRAFT' OR NEW."status" <> 'DRAFT') EXECUTE FUNCTION "reglament_board_notify"();
CREATE TRIGGER "Application_board_delete" AFTER DELETE ON "Application"
  FOR EACH ROW WHEN (OLD."status" <> 'DRAFT') EXECUTE FUNCTION "reglament_board_notify"();

-- A card shows its unanswered inter-agency requests and their due dates.
CREATE FUNCTION "reglament_board_notify_request"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('reglament_board', a."departmentId"::text)
    FROM "Application" a
   WHERE a."id" = CASE WHEN TG_OP = 'DELETE' THEN OLD."applicationId" ELSE NEW."applicationId" END;
  RETURN NULL;
END;
$$;

CREATE TRIGGER "InteragencyRequest_board" AFTER INSERT OR UPDATE OR DELETE ON "InteragencyRequest"
  FOR EACH ROW EXECUTE FUNCTION "reglament_board_notify_request"();
