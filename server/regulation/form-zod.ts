// The application form schema as a zod schema, around ./form-schema's `validateApplication`: for
// the server's procedures and the forms that hand it to `zodResolver`. Kept apart so that a page
// needing only the rules (the applicant's wizard) does not take zod into its JavaScript (issue 13 p.6).
import { z } from "zod";
import "../text"; // zod's own messages in Russian (z.config), as every schema module has them
import { validateApplication, type ApplicationValues, type BuildSchemaOptions } from "./form-schema";
import type { StepDef } from "./document";

export type ApplicationSchema = z.ZodType<ApplicationValues, ApplicationValues>;

/**
 * The zod schema of the application form values: a record of field values piped through
 * `validateApplication` (unknown keys stripped). Issues carry paths such as
 * `persons.0.lastName`, which react-hook-form's resolver maps onto the fields.
 */
export function buildApplicationSchema(steps: StepDef[], opts: BuildSchemaOptions): ApplicationSchema {
  // A record, not z.object: z.object reads `input[key]` and would pick up inherited properties
  // (a field named "constructor"); validateApplication reads own keys of the regulation's fields
  // only, which strips unknown keys just the same.
  return z
    .record(z.string(), z.unknown(), { error: "Данные формы не получены: обновите страницу и заполните форму заново" })
    .transform((values, ctx) => {
      const result = validateApplication(steps, values, opts);
      for (const issue of result.issues)
        ctx.addIssue({ code: "custom", message: issue.message, path: issue.path, input: values });
      return result.ok ? result.data : z.NEVER;
    });
}
