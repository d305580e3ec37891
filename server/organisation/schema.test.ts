// The organisation's forms refuse in Russian, on the field to blame (issue 11, "Bad input").
import { describe, expect, it } from "vitest";
import { zCreateDepartmentForm, zInviteForm, zRoleForm } from "./schema";

const messages = (r: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  Object.fromEntries((r.error?.issues ?? []).map((i) => [i.path.join("."), i.message]));

describe("organisation schemas", () => {
  it("a department: name, code format, e-mail and parent each say what is wrong", () => {
    const m = messages(
      zCreateDepartmentForm.safeParse({ name: " ", code: "Архив", kind: "UNIT", parentId: "x", email: "abc" }),
    );
    expect(m.name).toBe("Укажите название подразделения");
    expect(m.code).toMatch(/^Код: строчные латинские буквы/);
    expect(m.email).toMatch(/[А-Яа-я]/);
    expect(m.parentId).toBe("Выберите вышестоящее подразделение");
  });

  it("a department's optional contacts may stay empty; the e-mail is stored lower-cased", () => {
    const r = zCreateDepartmentForm.parse({
      name: "Архив",
      code: "archive-2",
      kind: "UNIT",
      parentId: "",
      email: "Arhiv@Adm.RU",
    });
    expect(r).toMatchObject({ email: "arhiv@adm.ru", phone: "", address: "", schedule: "" });
  });

  it("an invitation needs a department and a department role", () => {
    const m = messages(
      zInviteForm.safeParse({
        email: "a@b.ru",
        lastName: "Иванова",
        firstName: "Анна",
        departmentId: "",
        role: "ADMIN",
      }),
    );
    expect(m.departmentId).toBe("Выберите подразделение");
    expect(m.role).toBe("Выберите роль");
  });

  it("a department role names its department; a global role does not need one", () => {
    expect(messages(zRoleForm.safeParse({ role: "EXECUTOR", departmentId: "" })).departmentId).toBe(
      "Выберите подразделение",
    );
    expect(zRoleForm.safeParse({ role: "AUDITOR", departmentId: "" }).success).toBe(true);
  });
});
