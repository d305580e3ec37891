"use client";
// The roles a stage, transition or request names (R2): checkboxes over PROCESS_ROLES in Russian.
import { PROCESS_ROLES, ROLE_LABEL, type DocumentProblem, type Role } from "@/server/regulation/document";
import { editorId } from "../section-props";
import { ProblemNote } from "./fields";

type ProcessRole = (typeof PROCESS_ROLES)[number];

export function RoleSelect({
  path,
  legend,
  value,
  onChange,
  problems,
  readOnly,
  hint,
}: {
  path: string;
  legend: string;
  value: readonly Role[];
  onChange: (roles: ProcessRole[]) => void;
  problems: DocumentProblem[];
  readOnly: boolean;
  hint?: string;
}) {
  const id = editorId(path);
  const toggle = (role: ProcessRole, on: boolean) =>
    // Kept in the order of PROCESS_ROLES, so a document does not change by the order of clicks.
    onChange(PROCESS_ROLES.filter((r) => (r === role ? on : value.includes(r))));
  return (
    <fieldset id={id} className="rounded border border-slate-300 p-3">
      <legend className="px-1 font-medium">{legend}</legend>
      {hint ? <p className="text-sm text-slate-600">{hint}</p> : null}
      <ProblemNote problems={problems} path={path} exact={false} />
      <div className="mt-1 grid gap-1 sm:grid-cols-2">
        {PROCESS_ROLES.map((role) => (
          <div key={role} className="flex items-start gap-2">
            <input
              id={`${id}-${role}`}
              type="checkbox"
              className="mt-1 h-5 w-5"
              checked={value.includes(role)}
              disabled={readOnly}
              onChange={(e) => toggle(role, e.target.checked)}
            />
            <label htmlFor={`${id}-${role}`}>{ROLE_LABEL[role]}</label>
          </div>
        ))}
      </div>
    </fieldset>
  );
}
