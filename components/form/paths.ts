// Field paths ("persons.0.person_birth_date") and the DOM ids, error lists and step lookups built
// from them. Pure functions: the wizard, the renderers and the error summary share one scheme, so
// a summary link always finds its input.
import type { FieldDef, StepDef } from "@/server/regulation/document";
import { visibleSubFields } from "@/server/regulation/form-schema";
import { describedBy, focusById } from "@/components/ui/aria";

export const NAME_PARTS = ["lastName", "firstName", "middleName"] as const;

/** A DOM id for a field path: dots become dashes (ids with dots break CSS selectors). */
export function fieldId(path: string): string {
  return `field-${path.replace(/\./g, "-")}`;
}
export const hintId = (path: string) => `${fieldId(path)}-hint`;
export const errorId = (path: string) => `${fieldId(path)}-error`;

/** aria-describedby from the ids that are present. */
export { describedBy };

/** `label`, `record`: the field's name as the error summary says it, and the number of its record in a group. */
export type PathError = { path: string; message: string; label?: string; record?: number };

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null;
}

/**
 * Flattens react-hook-form's nested `errors` into path → message. A field array's own error
 * sits under `root` (the resolver puts it there when items are registered) or on the array itself;
 * both map to the array's path. `ref` holds a DOM element and is never walked.
 */
export function flattenErrors(errors: unknown, prefix = ""): PathError[] {
  if (!isObject(errors)) return [];
  const out: PathError[] = [];
  if (prefix && typeof errors.message === "string" && errors.message)
    out.push({ path: prefix, message: errors.message });
  for (const [key, value] of Object.entries(errors)) {
    if (key === "ref" || key === "message" || key === "type" || key === "types") continue;
    if (key === "root") {
      if (isObject(value) && typeof value.message === "string" && value.message)
        out.push({ path: prefix, message: value.message });
      continue;
    }
    out.push(...flattenErrors(value, prefix ? `${prefix}.${key}` : key));
  }
  return out;
}

/** The top-level field key of a path: "persons.0.x" → "persons". */
export const rootKey = (path: string) => path.split(".")[0] ?? path;

/** Index of the step holding the field a path starts with, or -1. */
export function stepIndexOfPath(steps: StepDef[], path: string): number {
  const key = rootKey(path);
  return steps.findIndex((s) => s.fields.some((f) => f.key === key));
}

// The group renderer asks this module for the sub-fields it shows; the rule is the form schema's.
export { visibleSubFields };

/**
 * Every path the visible fields can carry an error on, in the order they appear on screen; the
 * error summary lists messages in this order (GOV.UK: same order as the fields).
 */
export function orderedPaths(
  fields: FieldDef[],
  values: Record<string, unknown>,
  root: Record<string, unknown> = values,
  prefix = "",
  record?: number,
): { path: string; label: string; record?: number }[] {
  const out: { path: string; label: string; record?: number }[] = [];
  for (const f of fields) {
    const path = prefix + f.key;
    const at = { label: f.label, ...(record ? { record } : {}) };
    out.push({ path, ...at });
    if (f.type === "full_name") for (const part of NAME_PARTS) out.push({ path: `${path}.${part}`, ...at });
    if (f.type === "group") {
      const items = Array.isArray(values[f.key]) ? (values[f.key] as unknown[]) : [];
      items.forEach((raw, i) => {
        const item = isObject(raw) ? raw : {};
        out.push(...orderedPaths(visibleSubFields(f, item, root), item, root, `${path}.${i}.`, i + 1));
      });
    }
  }
  return out;
}

/** Errors of these (visible) fields only, in screen order. */
export function errorsForFields(errors: PathError[], fields: FieldDef[], values: Record<string, unknown>): PathError[] {
  const order = orderedPaths(fields, values);
  const index = new Map(order.map((p, i) => [p.path, i]));
  const seen = new Set<string>();
  return errors
    .filter((e) => index.has(e.path) && !seen.has(e.path) && seen.add(e.path))
    .sort((a, b) => (index.get(a.path) ?? 0) - (index.get(b.path) ?? 0))
    .map((e) => {
      const { label, record } = order[index.get(e.path)!]!;
      return { ...e, label, ...(record ? { record } : {}) };
    });
}

/** Moves focus to the input of a path: the input itself, or the first control inside its fieldset. */
export function focusPath(path: string): boolean {
  return focusById(fieldId(path));
}
