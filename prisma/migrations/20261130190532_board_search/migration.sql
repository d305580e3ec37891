-- AlterTable
ALTER TABLE "Application" ADD COLUMN     "searchText" TEXT;


-- The board's search (issue 13, issue 16 p.10) looks for every word of the query in the registration
-- number, the applicant's name (the organisation or person the form names) and the owner's names.
-- Those lived in two tables, so every search joined each application in scope to its owner and
-- matched substrings row by row: a scan that grew with the archive (1 search/s at 100,000). One text
-- per application, kept here by the database whatever path writes the row, and a trigram index
-- (pg_trgm, shipped with PostgreSQL and trusted: a database owner may create it) answer
-- `ILIKE '%word%'` from the index for words of three letters or more.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE FUNCTION "reglament_search_text"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW."searchText" := concat_ws(' ', NEW."registrationNumber", NEW."applicantName",
    (SELECT concat_ws(' ', u."lastName", u."firstName", u."middleName") FROM "User" u WHERE u."id" = NEW."ownerId"));
  RETURN NEW;
END;
$$;

-- Drafts are on no board: their inserts are skipped, and their autosaves set none of these columns.
CREATE TRIGGER "Application_search_text_insert" BEFORE INSERT ON "Application"
  FOR EACH ROW WHEN (NEW."status" <> 'DRAFT') EXECUTE FUNCTION "reglament_search_text"();
CREATE TRIGGER "Application_search_text_update"
  BEFORE UPDATE OF "status", "registrationNumber", "applicantName", "ownerId" ON "Application"
  FOR EACH ROW WHEN (NEW."status" <> 'DRAFT') EXECUTE FUNCTION "reglament_search_text"();

-- The applications already there (the live board's notification is not for a backfill).
ALTER TABLE "Application" DISABLE TRIGGER "Application_board_update";
UPDATE "Application" a
   SET "searchText" = concat_ws(' ', a."registrationNumber", a."applicantName",
                                concat_ws(' ', u."lastName", u."firstName", u."middleName"))
  FROM "User" u
 WHERE u."id" = a."ownerId" AND a."status" <> 'DRAFT';
ALTER TABLE "Application" ENABLE TRIGGER "Application_board_update";

-- Not in schema.prisma (Prisma cannot name the extension's operator class without a preview feature):
-- the drift check leaves trigram indexes to the migrations, as it does triggers (server/db/catalog.ts).
CREATE INDEX "Application_searchText_trgm_idx" ON "Application" USING gin ("searchText" gin_trgm_ops);
