// «предварительно» in the texts that state a due date (issue 11): the applicant's registration
// notice and the staff's due-soon notice.
import { describe, expect, it } from "vitest";
import { deadlineDueSoonMessage, registrationMessage } from "../notification/templates";
import { withProvisional } from "./provisional";

const at = new Date("2027-01-11T18:59:59.999Z");

describe("the provisional mark in notifications", () => {
  it("is added only to a provisional date", () => {
    expect(withProvisional("до 11.01.2027", true)).toBe("до 11.01.2027 (предварительно)");
    expect(withProvisional("до 11.01.2027", false)).toBe("до 11.01.2027");
  });

  it("marks the expected completion date of a registration notice", () => {
    const facts = {
      serviceTitle: "Архивная справка",
      registrationNumber: "ARCHIVE-2026-00001",
      registeredAt: new Date("2026-12-30T05:00:00Z"),
      expectedCompletionAt: at,
      cabinetUrl: "http://localhost/cabinet",
    };
    expect(registrationMessage({ ...facts, expectedCompletionProvisional: true }).body).toContain(
      "не позднее 11 января 2027 г. в 23:59 (предварительно)",
    );
    expect(registrationMessage(facts).body).not.toContain("предварительно");
  });

  it("marks the due date of a due-soon notice", () => {
    const body = deadlineDueSoonMessage({
      registrationNumber: "ARCHIVE-2026-00001",
      serviceTitle: "Архивная справка",
      stageTitle: "Рассмотрение",
      dueAt: at,
      dueProvisional: true,
      executorName: null,
      applicationUrl: "http://localhost/staff",
    }).body;
    expect(body).toContain("истекает 11 января 2027 г. (предварительно).");
  });
});
