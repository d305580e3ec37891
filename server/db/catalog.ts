// A normalised description of a database's tables, columns, enums, indexes and constraints, used to
// prove that the committed migrations build exactly the schema that prisma/schema.prisma describes.
import pg from "pg";

export type Catalog = Record<string, unknown>;

export async function describeSchema(connectionString: string): Promise<Catalog> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    const q = async (sql: string) => (await client.query(sql)).rows;
    const enums = await q(`
      SELECT t.typname AS name, array_agg(e.enumlabel ORDER BY e.enumsortorder) AS labels
      FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid JOIN pg_namespace n ON n.oid = t.typnamespace
      WHERE n.nspname = 'public' GROUP BY t.typname ORDER BY t.typname`);
    const columns = await q(`
      SELECT table_name, column_name, data_type, udt_name, is_nullable, column_default, character_maximum_length
      FROM information_schema.columns
      WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'
      ORDER BY table_name, column_name`);
    // Trigram indexes (pg_trgm's operator class) cannot be written in schema.prisma without a preview
    // feature: they live in migrations only (the board's search), like triggers and CHECKs.
    const indexes = await q(`
      SELECT tablename, indexname, indexdef FROM pg_indexes
      WHERE schemaname = 'public' AND tablename <> '_prisma_migrations' AND indexdef NOT LIKE '%gin_trgm_ops%'
      ORDER BY tablename, indexname`);
    const constraints = await q(`
      SELECT c.conrelid::regclass::text AS table_name, c.conname, pg_get_constraintdef(c.oid) AS def
      FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace
            -- NOT NULL constraints are listed here only from PostgreSQL 18 on; nullability is in columns.
            -- CHECK constraints cannot be written in schema.prisma: they live in migrations only (e.g.
            -- "Rating_score_range"), as the triggers do, and are not compared.
      WHERE n.nspname = 'public' AND c.contype NOT IN ('n', 'c') AND c.conrelid::regclass::text <> '_prisma_migrations'
      ORDER BY 1, 2`);
    return { enums, columns, indexes, constraints };
  } finally {
    await client.end();
  }
}
