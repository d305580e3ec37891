import { describe, expect, it } from "vitest";
import { archiveInfoRegulation } from "@/prisma/seed/regulations/archive-info";
import { roadInfoRegulation } from "@/prisma/seed/regulations/road-info";
import type { RegulationDocument } from "@/server/regulation/document";
import { deliveryRemovalQuestion, freeDeliveryCodes, groundRemovalQuestion } from "./lists-edit";

const s1 = (): RegulationDocument => structuredClone(roadInfoRegulation);

describe("groundRemovalQuestion", () => {
  it("asks before the last service ground goes while a refusal requires it, naming the transition", () => {
    const question = groundRemovalQuestion(s1(), "service", 0);
    expect(question).toContain("«Оформить уведомление о мотивированном отказе и передать на подпись»");
    expect(question).toMatch(/последнее основание/);
  });

  it("does not ask when other grounds remain or nothing requires the list", () => {
    const doc = s1();
    doc.serviceRefusalGrounds.push({ code: "other", text: "Другое основание" });
    expect(groundRemovalQuestion(doc, "service", 0)).toBeNull();
    const free = s1();
    free.transitions = free.transitions.filter((t) => t.requires.refusalGrounds !== "service");
    expect(groundRemovalQuestion(free, "service", 0)).toBeNull();
    expect(groundRemovalQuestion(s1(), "intake", 0)).toBeNull();
  });
});

describe("freeDeliveryCodes", () => {
  it("lists the codes not offered yet, and a row's own code as free for that row", () => {
    const doc = s1();
    expect(freeDeliveryCodes(doc)).toEqual([]);
    const index = doc.deliveryChannels.findIndex((c) => c.code === "post");
    expect(freeDeliveryCodes(doc, index)).toEqual(["post"]);
    doc.deliveryChannels.splice(index, 1);
    expect(freeDeliveryCodes(doc)).toEqual(["post"]);
  });
});

describe("deliveryRemovalQuestion", () => {
  it("names the choice of the form's delivery field that stands for the channel", () => {
    const doc = structuredClone(archiveInfoRegulation);
    const index = doc.deliveryChannels.findIndex((c) => c.code === "post");
    expect(deliveryRemovalQuestion(doc, index)).toMatch(/^Вариант «.+» поля «.+» означает этот способ получения/);
  });

  it("does not ask when no choice stands for it", () => {
    const doc = s1();
    const field = doc.form.steps.flatMap((s) => s.fields).find((f) => f.role === "deliveryChannel")!;
    field.options = field.options!.filter((o) => o.value !== "mfc" && o.delivery !== "mfc");
    expect(
      deliveryRemovalQuestion(
        doc,
        doc.deliveryChannels.findIndex((c) => c.code === "mfc"),
      ),
    ).toBeNull();
  });
});
