"use client";
// One renderer for every field type of the regulation's form (FIELD_TYPES). `path` is where the
// value lives in the form values: the key at the top level, "group.index.key" inside a group.
import dynamic from "next/dynamic";
import type { FieldDef } from "@/server/regulation/document";
import { CheckboxField, CheckboxGroupField, RadioField } from "./choice-fields";
import { DateField } from "./date-field";
import { FullNameField } from "./full-name-field";
import { SelectField, TextareaField, TextLikeField } from "./text-fields";

// Files and repeated groups are on some steps of some forms: their code (uploads; react-hook-form's
// field arrays) comes when a step shows one, not with the page (issue 13 p.6).
const loadFileField = () => import("./file-field");
const loadGroupField = () => import("./group-field");
const FileField = dynamic(() => loadFileField().then((m) => m.FileField));
const GroupField = dynamic(() => loadGroupField().then((m) => m.GroupField));

/** Fetches the deferred field types ahead of need (the wizard calls it once the page is idle). */
export function preloadDeferredFields(): Promise<unknown> {
  return Promise.all([loadFileField(), loadGroupField()]);
}

export type FieldRendererProps = {
  field: FieldDef;
  path: string;
  /** Inside a group item: the data is about someone else (no autofill of the applicant's data). */
  nested?: boolean;
};

export function FieldRenderer({ field, path, nested = false }: FieldRendererProps) {
  switch (field.type) {
    case "textarea":
      return <TextareaField field={field} path={path} nested={nested} />;
    case "select":
      return <SelectField field={field} path={path} nested={nested} />;
    case "radio":
      return <RadioField field={field} path={path} />;
    case "checkbox":
      return field.options?.length ? (
        <CheckboxGroupField field={field} path={path} />
      ) : (
        <CheckboxField field={field} path={path} />
      );
    case "date":
      return <DateField field={field} path={path} nested={nested} />;
    case "full_name":
      return <FullNameField field={field} path={path} nested={nested} />;
    case "file":
      return <FileField field={field} path={path} />;
    case "group":
      return <GroupField field={field} path={path} />;
    case "text":
    case "number":
    case "address":
    case "phone":
    case "email":
    case "snils":
    case "inn":
    case "inn_legal":
    case "inn_person":
    case "ogrn":
    case "ogrnip":
    case "passport":
    case "postal_index":
      return <TextLikeField field={field} path={path} nested={nested} />;
    default: {
      // A new FIELD_TYPES member must get a renderer: this line stops the type check until it does.
      const unknownType: never = field.type;
      return (
        <p className="text-red-700">
          Поле «{field.label}» не поддерживается ({String(unknownType)}).
        </p>
      );
    }
  }
}
