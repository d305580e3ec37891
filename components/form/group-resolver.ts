// Shared by every form built from a regulation (the applicant's wizard, the co-applicant's section,
// the registrar's paper intake).
import { toNestErrors, validateFieldsNatively } from "@hookform/resolvers";
import type { FieldError, Resolver } from "react-hook-form";
import type { StepDef } from "@/server/regulation/document";
import { validateApplication, type BuildSchemaOptions } from "@/server/regulation/form-schema";
import type { FormValues } from "./values";

type ErrorNode = { type?: string; message?: string; root?: { type?: string; message?: string } } | undefined;
type ResolverResult = Awaited<ReturnType<Resolver<FormValues>>>;

/**
 * After an item is added to or removed from a group, react-hook-form validates the whole group and
 * would show a message under every field of a new, untouched item. A group name alone is asked for
 * by those calls only: answer with the group's own message (too few or too many items) and let
 * each field of an item be judged when it is left, like every other field.
 */
export function groupsJudgeOnlyThemselves(base: Resolver<FormValues>, steps: StepDef[]): Resolver<FormValues> {
  const groups = new Set(steps.flatMap((s) => s.fields.filter((f) => f.type === "group").map((f) => f.key)));
  return async (values, context, options) => {
    const result = await base(values, context, options);
    const only = options.names?.length === 1 ? options.names[0] : undefined;
    if (!only || !groups.has(only)) return result;
    const node = (result.errors as Record<string, ErrorNode>)[only];
    const own =
      node?.root ?? (typeof node?.message === "string" ? { type: node.type ?? "custom", message: node.message } : {});
    return { values: {}, errors: { ...result.errors, [only]: own } } as ResolverResult;
  };
}

/**
 * The regulation's rules (`validateApplication`) as a react-hook-form resolver, without zod: what
 * `zodResolver(buildApplicationSchema(steps, opts))` answers (the first message per path, type
 * "custom", the normalized values on success), minus zod in the page's JavaScript (issue 13 p.6).
 * Not for `criteriaMode: "all"` (one message per field, as the wizard shows).
 */
export function regulationResolver(steps: StepDef[], opts: BuildSchemaOptions): Resolver<FormValues> {
  return async (values, _context, options) => {
    const result = validateApplication(steps, values, opts);
    if (result.ok) {
      if (options.shouldUseNativeValidation) validateFieldsNatively({}, options);
      return { values: result.data as FormValues, errors: {} };
    }
    // A null-prototype record, as the zod resolver keeps: a field named "constructor" is a path too.
    const errors: Record<string, FieldError> = Object.create(null);
    for (const issue of result.issues) {
      const path = issue.path.join(".");
      if (!errors[path]) errors[path] = { type: "custom", message: issue.message };
    }
    return { values: {}, errors: toNestErrors(errors, options) } as ResolverResult;
  };
}
