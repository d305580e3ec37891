import { describe, expect, it } from "vitest";
import { roadInfoRegulation } from "@/prisma/seed/regulations/road-info";
import { validateDocument, type RegulationDocument } from "@/server/regulation/document";
import {
  newStage,
  newTransition,
  removeStage,
  renameStage,
  stageKeyProblem,
  stageRemovalSummary,
  transitionsNeedingGrounds,
  transitionsOfStage,
} from "./process-edit";

const s1 = (): RegulationDocument => structuredClone(roadInfoRegulation);
const indexOf = (doc: RegulationDocument, key: string) => doc.stages.findIndex((s) => s.key === key);

describe("renameStage", () => {
  it("renames the stage and every transition and the initial stage that name it, keeping S1 valid", () => {
    const doc = s1();
    const before = transitionsOfStage(doc, "review").map((t) => t.key);
    const result = renameStage(doc, indexOf(doc, "review"), "consideration");
    // review: entered from registration and from both «вернуть на доработку», left by two transitions.
    expect(result).toEqual({ ok: true, transitions: 5, initial: false });
    expect(before).toHaveLength(5);
    expect(transitionsOfStage(doc, "review")).toEqual([]);
    expect(transitionsOfStage(doc, "consideration").map((t) => t.key)).toEqual(before);
    expect(validateDocument(doc).ok).toBe(true);
  });

  it("carries the initial stage along", () => {
    const doc = s1();
    expect(renameStage(doc, indexOf(doc, "registration"), "intake")).toEqual({
      ok: true,
      transitions: 1,
      initial: true,
    });
    expect(doc.initialStage).toBe("intake");
    expect(validateDocument(doc).ok).toBe(true);
  });

  it("refuses a key another stage has, changing nothing (two stages' transitions would merge)", () => {
    const doc = s1();
    const copy = structuredClone(doc);
    const result = renameStage(doc, indexOf(doc, "signing"), "review");
    expect(result).toEqual({ ok: false, message: "Код «review» уже занят" });
    expect(doc).toEqual(copy);
  });

  it("refuses a malformed key, changing nothing", () => {
    const doc = s1();
    const copy = structuredClone(doc);
    expect(renameStage(doc, 0, "Приём").ok).toBe(false);
    expect(renameStage(doc, 0, "").ok).toBe(false);
    expect(renameStage(doc, 99, "x").ok).toBe(false);
    expect(doc).toEqual(copy);
  });

  it("renaming to the same key is a no-op", () => {
    const doc = s1();
    expect(renameStage(doc, 0, "registration")).toEqual({ ok: true, transitions: 0, initial: false });
    expect(doc).toEqual(s1());
  });

  it("renaming one of two stages with the same key leaves the references to the other", () => {
    const doc = s1();
    doc.stages.push({ ...doc.stages[indexOf(doc, "review")]!, title: "Копия" });
    const last = doc.stages.length - 1;
    expect(renameStage(doc, last, "review_copy")).toEqual({ ok: true, transitions: 0, initial: false });
    expect(transitionsOfStage(doc, "review")).toHaveLength(5);
  });
});

describe("stageKeyProblem", () => {
  it("lets a stage keep its own key and refuses another's", () => {
    const doc = s1();
    expect(stageKeyProblem(doc, 1, "review")).toBeNull();
    expect(stageKeyProblem(doc, 0, "review")).toBe("Код «review» уже занят");
  });
});

describe("removeStage", () => {
  it("deletes the stage with the transitions that leave or enter it, and says so first", () => {
    const doc = s1();
    const i = indexOf(doc, "refusal_registration");
    expect(stageRemovalSummary(doc, i)).toBe(
      "Удалить этап «Регистрация подписанного уведомления о мотивированном отказе»? Вместе с ним будут удалены переходы: «Подписать уведомление об отказе», «Зарегистрировать уведомление об отказе».",
    );
    expect(removeStage(doc, i)).toBe(2);
    expect(doc.stages.map((s) => s.key)).not.toContain("refusal_registration");
    expect(doc.transitions.map((t) => t.key)).not.toContain("sign_refusal");
    expect(doc.transitions.map((t) => t.key)).not.toContain("register_refusal");
    expect(doc.transitions).toHaveLength(roadInfoRegulation.transitions.length - 2);
  });

  it("makes the first remaining stage initial when the initial one goes, and says so", () => {
    const doc = s1();
    expect(stageRemovalSummary(doc, 0)).toMatch(/Это начальный этап: начальным станет этап «Рассмотрение заявления/);
    expect(removeStage(doc, 0)).toBe(1);
    expect(doc.initialStage).toBe("review");
  });

  it("never deletes the last stage", () => {
    const doc = s1();
    doc.stages = doc.stages.slice(0, 1);
    expect(removeStage(doc, 0)).toBeNull();
    expect(doc.stages).toHaveLength(1);
  });

  it("says when no transition goes with the stage", () => {
    const doc = s1();
    doc.stages.push(newStage(doc));
    expect(stageRemovalSummary(doc, doc.stages.length - 1)).toBe(
      "Удалить этап «Новый этап»? Переходов, связанных с этим этапом, нет.",
    );
  });
});

describe("newStage and newTransition", () => {
  it("get free, valid keys", () => {
    const doc = s1();
    const stage = newStage(doc);
    expect(stage.key).toBe("stage_1");
    doc.stages.push(stage);
    expect(newStage(doc).key).toBe("stage_2");
    const t = newTransition(doc, "review", "stage_1");
    expect(t).toMatchObject({ key: "transition_1", from: "review", to: "stage_1", kind: "normal", requires: {} });
    doc.transitions.push(t);
    doc.transitions.push({ ...newTransition(doc, "stage_1", "signing") });
    expect(doc.transitions.at(-1)!.key).toBe("transition_2");
    expect(validateDocument(doc).ok).toBe(true);
  });
});

describe("transitionsNeedingGrounds", () => {
  it("finds the S1 refusal that needs the service grounds, and nothing needs intake grounds", () => {
    const doc = s1();
    expect(transitionsNeedingGrounds(doc, "service").map((t) => t.key)).toEqual(["prepare_refusal"]);
    expect(transitionsNeedingGrounds(doc, "intake")).toEqual([]);
  });
});
