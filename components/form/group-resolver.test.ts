// The wizard's zod-free resolver answers what zodResolver(buildApplicationSchema(...)) answered.
import { zodResolver } from "@hookform/resolvers/zod";
import type { ResolverOptions } from "react-hook-form";
import { describe, expect, it } from "vitest";
import { archiveInfoRegulation, roadInfoRegulation } from "../../prisma/seed/regulations";
import { buildApplicationSchema } from "@/server/regulation/form-zod";
import { regulationResolver } from "./group-resolver";
import type { FormValues } from "./values";

const options = { fields: {}, shouldUseNativeValidation: false } as ResolverOptions<FormValues>;
const today = new Date("2026-06-15T09:00:00Z");

describe("regulationResolver", () => {
  for (const doc of [roadInfoRegulation, archiveInfoRegulation]) {
    const steps = doc.form.steps;
    const samples: FormValues[] = [
      {},
      {
        applicant_type: "individual",
        full_name: { lastName: "Иванов", firstName: "Иван" },
        delivery_channel: "cabinet",
      },
      { applicant_type: "nonsense", snils: "123", email: "x@", phone: "12", constructor: "x", unknown: 1 },
      { full_name: { lastName: "\u0000" }, road_name: "ул. Ленина", info_kind: "road_condition" },
    ];
    it(`${doc.passport.name}: same errors and values, per step and whole`, async () => {
      let failed = 0;
      for (const stepKeys of [undefined, ...steps.map((s) => [s.key])])
        for (const values of samples) {
          const opts = { mode: "submit" as const, stepKeys, timeZone: "Europe/Moscow", today };
          const ours = await regulationResolver(steps, opts)(values, undefined, options);
          const zods = await zodResolver(buildApplicationSchema(steps, opts))(values, undefined, options);
          expect(ours).toEqual(zods);
          if (Object.keys(ours.errors).length) failed++;
        }
      expect(failed).toBeGreaterThan(3);
    });
  }
});
