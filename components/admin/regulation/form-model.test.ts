import { describe, expect, it } from "vitest";
import { FIELD_TYPES, validateDocument } from "@/server/regulation/document";
import { starterDocument } from "@/server/regulation/starter";
import { FIELD_TYPE_LABEL, at, freshKey, move, newField, renameKey, retype, rolesForType, setAt } from "./form-model";

const doc = () => starterDocument({ title: "Выдача выписки", authority: "Администрация" });

describe("form model of the editor", () => {
  it("names every field type in Russian", () => {
    for (const t of FIELD_TYPES) expect(FIELD_TYPE_LABEL[t]).toMatch(/[А-Яа-яЁё]/);
  });

  it("reads, sets and removes by path", () => {
    const d = doc();
    expect(at(d, "form.steps.0.fields.1.key")).toBe("email");
    setAt(d, "form.steps.0.fields.1.hint", "Для уведомлений");
    expect(d.form.steps[0]!.fields[1]!.hint).toBe("Для уведомлений");
    setAt(d, "form.steps.0.fields.1.hint", undefined);
    expect("hint" in d.form.steps[0]!.fields[1]!).toBe(false);
    expect(at(d, "form.steps.9.fields")).toBeUndefined();
  });

  it("moves within bounds only", () => {
    const list = ["a", "b", "c"];
    expect(move(list, 2, 0)).toBe(true);
    expect(list).toEqual(["c", "a", "b"]);
    expect(move(list, 0, 3)).toBe(false);
    expect(list).toEqual(["c", "a", "b"]);
  });

  it("adds fields of every type that keep a valid document valid, under fresh keys", () => {
    const d = doc();
    for (const t of FIELD_TYPES) d.form.steps[1]!.fields.push(newField(t, freshKey(d)));
    expect(validateDocument(d)).toMatchObject({ ok: true });
    expect(freshKey(d)).toBe(`field_${FIELD_TYPES.length + 1}`);
  });

  it("a type change drops the settings that no longer apply", () => {
    const d = doc();
    const f = d.form.steps[1]!.fields[1]!; // the delivery channel radio
    retype(f, "text");
    expect(f.role).toBeUndefined();
    expect(f.options).toBeUndefined();
    expect(rolesForType("checkbox")).toEqual(["representative"]);
  });

  it("a renamed key takes the conditions that name it along", () => {
    const d = doc();
    d.form.steps[1]!.fields.push({
      key: "x",
      type: "text",
      label: "X",
      showIf: { field: "email", and: { field: "email" } },
    });
    renameKey(d, "email", "mail");
    expect(d.form.steps[1]!.fields.at(-1)!.showIf).toEqual({ field: "mail", and: { field: "mail" } });
  });
});
