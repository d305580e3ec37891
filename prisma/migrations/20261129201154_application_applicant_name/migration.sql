-- AlterTable
ALTER TABLE "Application" ADD COLUMN     "applicantName" TEXT;


-- Backfill of the applications registered before the column existed. Their regulations are the two
-- seed regulations, whose forms predate field roles, so this reads their field keys once, here:
-- the organisation's name for a legal entity, else the person's full name, else the owner's name.
-- From now on the column is written at registration from the field roles (server/application/applicant.ts).
UPDATE "Application" AS a
SET "applicantName" = COALESCE(
  CASE WHEN a."data"->>'applicant_type' = 'legal' THEN NULLIF(btrim(a."data"->>'org_name'), '') END,
  NULLIF(btrim(concat_ws(' ',
    NULLIF(btrim(a."data"->'full_name'->>'lastName'), ''),
    NULLIF(btrim(a."data"->'full_name'->>'firstName'), ''),
    NULLIF(btrim(a."data"->'full_name'->>'middleName'), ''))), ''),
  concat_ws(' ', u."lastName", u."firstName", NULLIF(u."middleName", ''))
)
FROM "User" AS u
WHERE u."id" = a."ownerId" AND a."registrationNumber" IS NOT NULL;
