-- CreateTable
CREATE TABLE "Setting" (
    "key" TEXT NOT NULL,
    "value" JSONB NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Setting_pkey" PRIMARY KEY ("key")
);


-- A database made before this migration got the demo accounts on every start, production included.
-- Where any of them is present they were seeded: record it, so none deleted later comes back.
INSERT INTO "Setting" ("key", "value")
SELECT 'demo-accounts-seeded', jsonb_build_object('at', now(), 'by', 'migration')
WHERE EXISTS (SELECT 1 FROM "User" WHERE "email" LIKE '%@demo.reglament.ru');
