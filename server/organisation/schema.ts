// Client-safe zod schemas of the organisation's administration (issue 11, points 1, 2 and 6): the
// department forms and the staff forms use these very schemas with zodResolver, and the procedures
// of server/api/routers/organisation.ts parse their input with them.
import { z } from "zod";
import { zEmail, zOptionalPhone, personFields } from "../auth/schema";
import { validateEmail } from "../regulation/identifiers";
import { zId } from "../ids";
import { zText } from "../text";

export const DEPARTMENT_KINDS = ["ADMINISTRATION", "UNIT", "MFC"] as const;
export type DepartmentKindValue = (typeof DEPARTMENT_KINDS)[number];
export const DEPARTMENT_KIND_LABEL: Record<DepartmentKindValue, string> = {
  ADMINISTRATION: "Администрация",
  UNIT: "Отдел (структурное подразделение)",
  MFC: "Офис МФЦ",
};

/** Roles held in a department (DepartmentMember): they count there and in every unit under it. */
export const DEPARTMENT_ROLES = ["REGISTRAR", "EXECUTOR", "HEAD", "SIGNER"] as const;
/** Roles held by the account itself, everywhere. */
export const GLOBAL_ROLES = ["ADMIN", "AUDITOR"] as const;
export type DepartmentRoleValue = (typeof DEPARTMENT_ROLES)[number];
export type GlobalRoleValue = (typeof GLOBAL_ROLES)[number];
export const STAFF_ROLE_LABEL: Record<DepartmentRoleValue | GlobalRoleValue, string> = {
  REGISTRAR: "Регистратор",
  EXECUTOR: "Исполнитель",
  HEAD: "Руководитель",
  SIGNER: "Подписант",
  ADMIN: "Администратор",
  AUDITOR: "Аудитор",
};

const optionalText = (label: string, max: number) =>
  zText()
    .trim()
    .max(max, `${label}: не больше ${max} символов`)
    .optional()
    .transform((v) => v ?? "");

/** Optional e-mail of a department: empty, or an address by the form's rule. */
const zOptionalEmail = zText()
  .trim()
  .superRefine((v, ctx) => {
    const problem = v === "" ? null : validateEmail(v);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  })
  .optional()
  .transform((v) => (v ?? "").toLowerCase());

export const zDepartmentFields = z.object({
  name: zText().trim().min(1, "Укажите название подразделения").max(300, "Название: не больше 300 символов"),
  code: zText()
    .trim()
    .min(1, "Укажите код подразделения")
    .max(40, "Код: не больше 40 символов")
    .regex(/^[a-z0-9][a-z0-9-]*$/, "Код: строчные латинские буквы, цифры и дефис, например archive-2"),
  kind: z.enum(DEPARTMENT_KINDS, "Выберите вид подразделения"),
  address: optionalText("Адрес", 500),
  phone: zOptionalPhone.optional().transform((v) => v ?? ""),
  email: zOptionalEmail,
  schedule: optionalText("Режим работы", 1000),
});
export type DepartmentFormValues = z.input<typeof zDepartmentFields>;

/** The parent in a form: "" is the top of the tree. */
const zParentField = z.union([z.literal(""), zId("Выберите вышестоящее подразделение")]);

export const zCreateDepartmentForm = zDepartmentFields.extend({ parentId: zParentField });
export type CreateDepartmentFormValues = z.input<typeof zCreateDepartmentForm>;
export const zCreateDepartmentInput = zCreateDepartmentForm;

export const zUpdateDepartmentInput = zDepartmentFields.extend({ id: zId() });
export const zMoveDepartmentForm = z.object({ parentId: zParentField });
export const zMoveDepartmentInput = zMoveDepartmentForm.extend({ id: zId() });
export const zCloseDepartmentInput = z.object({ id: zId() });

// ---------------------------------------------------------------------------------------------
// Staff accounts
// ---------------------------------------------------------------------------------------------

export const zAccountFields = z.object({
  email: zEmail,
  lastName: personFields.lastName,
  firstName: personFields.firstName,
  middleName: personFields.middleName,
  phone: zOptionalPhone.optional().transform((v) => v ?? ""),
});
export type AccountFormValues = z.input<typeof zAccountFields>;

/** The invitation names the first department and role: an invited account is staff from the start. */
export const zInviteForm = zAccountFields.extend({
  departmentId: zId("Выберите подразделение"),
  role: z.enum(DEPARTMENT_ROLES, "Выберите роль"),
});
export type InviteFormValues = z.input<typeof zInviteForm>;
export const zInviteInput = zInviteForm;

export const zUpdateAccountInput = zAccountFields.extend({ id: zId() });

const roleFields = {
  role: z.enum([...DEPARTMENT_ROLES, ...GLOBAL_ROLES], "Выберите роль"),
  departmentId: z.union([z.literal(""), zId("Выберите подразделение")]).optional(),
};
/** A department role names its department; a global role names none. */
function roleNeedsDepartment(v: { role: string; departmentId?: string }, ctx: z.RefinementCtx) {
  const global = (GLOBAL_ROLES as readonly string[]).includes(v.role);
  if (!global && !v.departmentId)
    ctx.addIssue({ code: "custom", path: ["departmentId"], message: "Выберите подразделение" });
}
export const zRoleForm = z.object(roleFields).superRefine(roleNeedsDepartment);
export type RoleFormValues = z.input<typeof zRoleForm>;
/** A role to grant or revoke. */
export const zRoleInput = z.object({ userId: zId(), ...roleFields }).superRefine(roleNeedsDepartment);

export const zAccountIdInput = z.object({ id: zId() });

export const zStaffFilters = z.object({
  q: zText().trim().max(200, "Не больше 200 символов").optional(),
  departmentId: z.union([z.literal(""), zId()]).optional(),
  role: z.union([z.literal(""), z.enum([...DEPARTMENT_ROLES, ...GLOBAL_ROLES])]).optional(),
  active: z.enum(["", "active", "inactive"]).optional(),
});
export type StaffFilters = z.input<typeof zStaffFilters>;
