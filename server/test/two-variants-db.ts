// The two-variant regulation (./two-variants.ts) as a published service of a test database, in the
// archive's department, in force since yesterday. Published once per database: tests and the
// authorization matrix may ask for it several times, concurrently.
import type { Db } from "../db/client";
import { createService, publishRegulation } from "../../prisma/seed/factories";
import { TWO_VARIANTS_SERVICE, twoVariantRegulation } from "./two-variants";

const published = new WeakMap<Db, Promise<{ serviceId: string; versionId: string }>>();

export function publishTwoVariants(db: Db): Promise<{ serviceId: string; versionId: string }> {
  let done = published.get(db);
  if (!done) {
    done = (async () => {
      const archive = await db.service.findUniqueOrThrow({ where: { code: "archive-info" } });
      const service = await createService(db, { ...TWO_VARIANTS_SERVICE, departmentId: archive.departmentId });
      const version = await publishRegulation(db, {
        serviceId: service.id,
        document: twoVariantRegulation(),
        effectiveFrom: new Date(Date.now() - 24 * 3600 * 1000),
      });
      return { serviceId: service.id, versionId: version.id };
    })();
    published.set(db, done);
  }
  return done;
}
