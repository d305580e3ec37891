// The two seeded regulations are real data: these tests pin the values taken from the sources
// (S1 Половинка road information, S2 archive information) and the process invariants the workflow
// relies on, so that an edit of a seed document cannot silently break either.
import { describe, expect, it } from "vitest";
import { archiveInfoRegulation, roadInfoRegulation, SEED_SERVICES } from "../../prisma/seed/regulations";
import { ROAD_INFO_REFUSAL_GROUND } from "../../prisma/seed/regulations/road-info";
import { ROLES, validateDocument, type FieldDef, type RegulationDocument } from "./document";
import { buildApplicationSchema } from "./form-zod";

const documents: [string, RegulationDocument][] = [
  ["road-info", roadInfoRegulation],
  ["archive-info", archiveInfoRegulation],
];

function allFields(doc: RegulationDocument): FieldDef[] {
  const walk = (list: FieldDef[]): FieldDef[] => list.flatMap((f) => [f, ...(f.fields ? walk(f.fields) : [])]);
  return doc.form.steps.flatMap((s) => walk(s.fields));
}

function field(doc: RegulationDocument, key: string): FieldDef {
  const found = allFields(doc).find((f) => f.key === key);
  if (!found) throw new Error(`no field ${key}`);
  return found;
}

describe("validating a regulation document", () => {
  it("reports structural problems in Russian, with their paths", () => {
    const broken = JSON.parse(JSON.stringify(documents[0]![1])) as Record<string, unknown>;
    delete broken.initialStage;
    const result = validateDocument(broken);
    expect(result.ok).toBe(false);
    const problems = result.ok ? [] : result.problems;
    expect(problems.map((p) => p.path)).toContain("initialStage");
    for (const p of problems) expect(p.message, p.path).toMatch(/[а-яё]/i);
  });
});

describe.each(documents)("seed regulation %s", (_code, doc) => {
  it("validates with zero problems", () => {
    const result = validateDocument(doc);
    expect(result.ok ? [] : result.problems).toEqual([]);
  });

  it("survives a JSON round trip unchanged (it is stored as Json)", () => {
    const result = validateDocument(JSON.parse(JSON.stringify(doc)));
    expect(result.ok && result.document).toEqual(doc);
  });

  it("gives every transition only valid roles, never the applicant", () => {
    for (const t of doc.transitions) {
      expect(t.roles.length).toBeGreaterThan(0);
      for (const role of t.roles) expect(ROLES).toContain(role);
      expect(t.roles).not.toContain("APPLICANT");
    }
  });

  it("has a positive deadline on every non-final stage and none on final ones", () => {
    for (const s of doc.stages) {
      if (s.final) {
        expect(s.deadline, s.key).toBeUndefined();
        expect(["granted", "refused"]).toContain(s.outcome);
      } else {
        expect(s.deadline, s.key).toBeDefined();
        expect(s.deadline!.value, s.key).toBeGreaterThan(0);
      }
    }
  });

  it("tells the applicant the next step at every stage", () => {
    for (const s of doc.stages) expect(s.applicantNote?.trim(), s.key).toBeTruthy();
  });

  it("starts at the registration stage and ends both ways", () => {
    expect(doc.initialStage).toBe("registration");
    expect(
      doc.stages
        .filter((s) => s.final)
        .map((s) => s.outcome)
        .sort(),
    ).toEqual(["granted", "refused"]);
  });

  it("makes grant and refusal transitions produce a result, refusals cite service grounds", () => {
    const deciding = doc.transitions.filter((t) => t.kind === "grant" || t.kind === "refusal");
    expect(deciding.map((t) => t.kind).sort()).toEqual(["grant", "refusal"]);
    for (const t of deciding) expect(t.requires.resultType, t.key).toBe(true);
    for (const t of doc.transitions.filter((t) => t.kind === "refusal"))
      expect(t.requires.refusalGrounds).toBe("service");
  });

  it("keeps the refusal branch apart from the grant branch", () => {
    // After the decision a refused application can end only as "refused" and a granted one only as
    // "granted". Returns for rework (they require a comment) lead back to drafting and are skipped.
    const finalsAfter = (stage: string) => {
      const seen = new Set([stage]);
      for (let grew = true; grew;) {
        grew = false;
        for (const t of doc.transitions) {
          if (t.requires.comment || !seen.has(t.from) || seen.has(t.to)) continue;
          seen.add(t.to);
          grew = true;
        }
      }
      return [...seen].filter((k) => doc.stages.find((s) => s.key === k)?.final);
    };
    const refusal = doc.transitions.find((t) => t.kind === "refusal")!;
    const grant = doc.transitions.find((t) => t.kind === "grant")!;
    expect(finalsAfter(refusal.to)).toEqual(["refused"]);
    expect(finalsAfter(grant.to)).toEqual(["granted"]);
  });

  it("offers exactly the document's delivery channels in the form", () => {
    const options = field(doc, "delivery_channel").options?.map((o) => o.value);
    expect(options?.sort()).toEqual(doc.deliveryChannels.map((c) => c.code).sort());
  });

  it("asks a representative for the power of attorney (R16)", () => {
    const poa = field(doc, "power_of_attorney");
    expect(poa.type).toBe("file");
    // S1 p.17: no grounds to refuse intake, so S1 does not require it to submit (p.19: refusal of the service).
    expect(!!poa.required).toBe(_code === "archive-info");
    expect(poa.showIf).toEqual({ field: "is_representative", equals: true });
  });

  it("gives a registration term for every intake channel", () => {
    expect(doc.passport.registrationTerms.map((r) => r.channel).sort()).toEqual([...doc.intakeChannels].sort());
  });
});

describe("road-info (S1, Половинка)", () => {
  const doc = roadInfoRegulation;

  it("has no intake refusal grounds and no intake refusal transition (п. 17)", () => {
    expect(doc.intakeRefusalGrounds).toEqual([]);
    expect(doc.transitions.some((t) => t.kind === "intake_refusal" || t.requires.refusalGrounds === "intake")).toBe(
      false,
    );
  });

  it("has exactly the п. 19 ground for refusing the service", () => {
    expect(doc.serviceRefusalGrounds).toEqual([
      { code: "unauthorized_person", text: ROAD_INFO_REFUSAL_GROUND, ref: "п. 19" },
    ]);
    expect(ROAD_INFO_REFUSAL_GROUND).toBe(
      "обращение с заявлением неуполномоченного лица (не представлен документ, подтверждающий полномочия представителя заявителя, в случае обращения с заявлением представителя заявителя)",
    );
  });

  it("rejects an intake refusal if someone adds one (the validator guards п. 17)", () => {
    const broken: RegulationDocument = {
      ...doc,
      stages: [
        ...doc.stages,
        {
          key: "intake_refused",
          title: "Отказ в приеме",
          responsibleRoles: ["REGISTRAR"],
          final: true,
          outcome: "intake_refused",
        },
      ],
      transitions: [
        ...doc.transitions,
        {
          key: "refuse_intake",
          from: "registration",
          to: "intake_refused",
          title: "Отказать в приеме",
          roles: ["REGISTRAR"],
          kind: "intake_refusal",
          requires: { refusalGrounds: "intake" },
        },
      ],
    };
    const result = validateDocument(broken);
    expect(result.ok).toBe(false);
  });

  it("provides the service in 15 working days, free, with a 15-minute queue", () => {
    expect(doc.passport.term).toMatchObject({ value: 15, unit: "working_days" });
    expect(doc.passport.fee.free).toBe(true);
    expect(doc.passport.maxQueueMinutes).toBe(15);
    // Issue 14 (R18, S1 p.32): visits are booked in 15-minute slots (a demo value: p.22's in-person term).
    expect(doc.passport.appointment?.slotMinutes).toBe(15);
  });

  it("has the stage deadlines of п. 22, 37, 38 and they fit into the 15 working days", () => {
    const deadline = (key: string) => doc.stages.find((s) => s.key === key)?.deadline;
    expect(deadline("registration")).toEqual({ value: 1, unit: "working_days", from: "stage_entry" });
    expect(deadline("review")).toEqual({ value: 11, unit: "working_days", from: "registration" });
    for (const key of [
      "signing",
      "result_registration",
      "issue",
      "refusal_signing",
      "refusal_registration",
      "refusal_issue",
    ])
      expect(deadline(key), key).toEqual({ value: 1, unit: "working_days", from: "stage_entry" });
    // Counted from registration: review 11 + signing 1 + registering 1 + issue 1 = 14 ≤ 15.
    const grantPath = ["review", "signing", "result_registration", "issue"].map((k) => deadline(k)!.value);
    expect(grantPath.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(doc.passport.term.value);
  });

  it("registers per channel as п. 22 says", () => {
    const term = (channel: string) => doc.passport.registrationTerms.find((r) => r.channel === channel)?.term;
    expect(term("POST")).toEqual({ value: 1, unit: "working_days" });
    expect(term("IN_PERSON")).toEqual({ value: 15, unit: "working_minutes" });
    expect(term("PORTAL")).toEqual({ value: 0, unit: "working_days" });
  });

  it("has the two result types of п. 9 and the signer, no typo rule and no inter-agency requests", () => {
    expect(doc.resultTypes.map((r) => r.kind)).toEqual(["positive", "refusal"]);
    expect(doc.resultTypes.every((r) => r.ref === "п. 9")).toBe(true);
    expect(doc.stages.find((s) => s.key === "signing")?.responsibleRoles).toEqual(["SIGNER"]);
    expect(doc.passport.typoCorrection).toBeUndefined();
    expect(doc.passport.uncollectedResultAfter).toBeUndefined();
    expect(doc.interagencyRequestTypes).toEqual([]);
  });

  it("asks for e-mail only for e-mail delivery and for the postal address only for post (п. 13)", () => {
    expect(field(doc, "email").showIf).toEqual({ field: "delivery_channel", equals: "email" });
    expect(field(doc, "postal_address").showIf).toEqual({ field: "delivery_channel", equals: "post" });
    expect(field(doc, "phone").required).toBeFalsy();
  });

  it("lets a representative without a power of attorney submit, warned of the p.19 refusal (S1 p.17, p.19)", () => {
    const schema = buildApplicationSchema(doc.form.steps, { mode: "submit", today: new Date("2026-03-10T05:00:00Z") });
    const values = {
      applicant_type: "individual",
      full_name: { lastName: "Иванов", firstName: "Иван" },
      is_representative: true,
      info_kind: "road_condition",
      road_name: "ул. Лесная",
      delivery_channel: "cabinet",
    };
    const r = schema.safeParse(values);
    expect(r.success ? [] : r.error.issues.map((i) => i.message)).toEqual([]);
    expect(field(doc, "power_of_attorney").hint).toBe(
      "Заявление можно подать и без этого документа, но тогда в предоставлении услуги будет отказано (п. 17, 19).",
    );
    // p.19: for staff it is the one ground to refuse the service.
    expect(doc.serviceRefusalGrounds.map((g) => [g.code, g.ref])).toEqual([["unauthorized_person", "п. 19"]]);
    // p.13 asks for the applicant's name, not the representative's: not required.
    expect(field(doc, "representative_name").required).toBeFalsy();
  });

  it("requires a legal entity's legal address only when the answer goes by post (S1 p.13)", () => {
    const schema = buildApplicationSchema(doc.form.steps, { mode: "submit", today: new Date("2026-03-10T05:00:00Z") });
    const issues = (values: Record<string, unknown>) => {
      const r = schema.safeParse({ info_kind: "road_condition", road_name: "ул. Лесная", ...values });
      return r.success ? [] : r.error.issues.map((i) => i.path.join("."));
    };
    const legal = { applicant_type: "legal", org_name: "ООО «Дорстрой»" };
    const post = {
      delivery_channel: "post",
      postal_address: "628212, п. Половинка, ул. Лесная, 7",
      postal_index: "628212",
    };
    expect(issues({ ...legal, ...post })).toEqual(["legal_address"]);
    expect(issues({ ...legal, ...post, legal_address: "628212, п. Половинка, ул. Центральная, 1" })).toEqual([]);
    expect(issues({ ...legal, delivery_channel: "cabinet" })).toEqual([]);
    expect(
      issues({ applicant_type: "individual", full_name: { lastName: "Иванов", firstName: "Иван" }, ...post }),
    ).toEqual([]);
  });
});

describe("archive-info (S2, архивная информация)", () => {
  const doc = archiveInfoRegulation;

  it("corrects typos: check within 2, fix within 5 working days (п. 72)", () => {
    expect(doc.passport.typoCorrection).toEqual({
      check: { value: 2, unit: "working_days" },
      fix: { value: 5, unit: "working_days" },
      ref: "п. 72",
    });
  });

  it("sends an uncollected result by registered post after 3 working days (п. 57)", () => {
    expect(doc.passport.uncollectedResultAfter).toEqual({ value: 3, unit: "working_days" });
    const pickup = doc.stages.find((s) => s.key === "awaiting_pickup");
    expect(pickup?.deadline).toMatchObject(doc.passport.uncollectedResultAfter!);
    expect(doc.transitions.some((t) => t.from === "awaiting_pickup" && t.ref === "п. 57")).toBe(true);
  });

  it("has the deadlines of п. 48–63", () => {
    const deadline = (key: string) => doc.stages.find((s) => s.key === key)?.deadline;
    expect(deadline("registration")).toEqual({ value: 1, unit: "working_days", from: "stage_entry" });
    expect(deadline("assignment")).toEqual({ value: 1, unit: "working_days", from: "registration" });
    // S2 p.52 (issue 12 p.4): «не позднее 1 рабочего дня со дня поступления в муниципальный архив
    // запроса» — from its registration, not from the executor's assignment.
    expect(deadline("check")).toEqual({ value: 1, unit: "working_days", from: "registration" });
    expect(deadline("decision")).toEqual({ value: 30, unit: "calendar_days", from: "registration" });
    expect(deadline("refusal_drafting")).toEqual({ value: 1, unit: "working_days", from: "stage_entry" });
    expect(deadline("refusal_issue")).toEqual({ value: 3, unit: "working_days", from: "stage_entry" });
    expect(deadline("issue")).toEqual({ value: 1, unit: "working_days", from: "stage_entry" });
  });

  it("has the head assign the executor (п. 50)", () => {
    const assign = doc.transitions.filter((t) => t.requires.executor);
    expect(assign.map((t) => [t.from, t.to, t.roles])).toEqual([["assignment", "check", ["HEAD"]]]);
  });

  it("has the five result types of п. 58 and offers the three archival documents in the form", () => {
    expect(doc.resultTypes.map((r) => r.title)).toEqual([
      "Архивная справка",
      "Архивная выписка",
      "Архивная копия",
      "Информационное (сопроводительное) письмо",
      "Уведомление об отказе в предоставлении муниципальной услуги",
    ]);
    const codes = doc.resultTypes.map((r) => r.code);
    for (const o of field(doc, "requested_document").options ?? []) expect(codes).toContain(o.value);
  });

  it("prints no demo marker: refusal grounds cite real clauses, assumptions stay in the analysts' notes (issue 12)", () => {
    expect(doc.serviceRefusalGrounds.map((g) => g.ref)).toEqual(["п. 36, 52.3", "п. 36, 52.2", "п. 36, 52.2, 59.3"]);
    expect(doc.intakeRefusalGrounds).toEqual([]);
    expect(doc.passport.notes?.some((n) => n.includes("п. 36"))).toBe(true);
    expect(doc.interagencyRequestTypes.map((r) => r.ref)).toEqual(["п. 46.2, 52.5"]);
    // Everything a page or a document prints, i.e. the document without the analysts' notes.
    const printed = JSON.stringify({ ...doc, passport: { ...doc.passport, notes: [] } });
    expect(printed).not.toMatch(/демо|допущени|не указан/i);
    const basis = SEED_SERVICES.find((s) => s.code === "archive-info")!.basis;
    expect(basis).not.toMatch(/демо/i);
  });

  it("numbers the refusal notice with the registration number, other results from the register (S2 p.55)", () => {
    expect(doc.resultTypes.map((r) => [r.code, r.outgoingNumber ?? "counter"])).toEqual([
      ["archival_certificate", "counter"],
      ["archival_extract", "counter"],
      ["archival_copy", "counter"],
      ["info_letter", "counter"],
      ["refusal_notice", "registration"],
    ]);
  });

  it("collects 1 to 10 persons for a social-legal request and limits attachments", () => {
    const persons = field(doc, "persons");
    expect(persons).toMatchObject({
      type: "group",
      minItems: 1,
      maxItems: 10,
      showIf: { field: "request_category", equals: "social_legal" },
    });
    expect(field(doc, "attachments")).toMatchObject({
      type: "file",
      maxSizeMb: 10,
      maxFiles: 5,
      accept: ["application/pdf", "image/jpeg", "image/png"],
    });
    expect(field(doc, "postal_address").required).toBe(true);
  });

  it("offers one optional co-applicant section for joint requests, noted as an assumption (R15)", () => {
    const co = doc.form.steps.filter((s) => s.section === "co_applicant");
    expect(co).toHaveLength(1);
    expect(co[0]!.fields.find((f) => f.key === "co_consent")?.required).toBe(true);
    expect(doc.passport.notes?.some((n) => n.includes("совместн"))).toBe(true);
  });
});

describe("SEED_SERVICES", () => {
  it("lists both services with their departments and amending acts", () => {
    expect(SEED_SERVICES.map((s) => [s.code, s.departmentCode])).toEqual([
      ["road-info", "roads"],
      ["archive-info", "archive"],
    ]);
    expect(SEED_SERVICES[0]?.basis).toMatch(/№ 193/);
    expect(SEED_SERVICES[0]?.effectiveFrom).toBe("2019-06-03");
    for (const s of SEED_SERVICES) {
      expect(s.title).toBe(s.document.passport.name);
      expect(Number.isNaN(Date.parse(s.effectiveFrom))).toBe(false);
    }
  });
});

describe("file types of file fields (one definition with the upload's content check)", () => {
  const withAccept = (accept: string[]): RegulationDocument => {
    const doc = structuredClone(archiveInfoRegulation);
    const attachments = doc.form.steps.flatMap((s) => s.fields).find((f) => f.key === "attachments")!;
    attachments.accept = accept;
    return doc;
  };
  const problemsOf = (doc: RegulationDocument) => {
    const result = validateDocument(doc);
    return result.ok ? [] : result.problems;
  };

  it("publishes MIME types the upload recognises by content", () => {
    expect(problemsOf(withAccept(["application/pdf", "image/tiff", "image/webp"]))).toEqual([]);
  });

  it("refuses extensions, wildcards and types it cannot recognise, each with a clear message at its path", () => {
    const problems = problemsOf(withAccept(["application/pdf", ".docx", "image/*", "application/msword"]));
    const step = archiveInfoRegulation.form.steps.findIndex((s) => s.fields.some((f) => f.key === "attachments"));
    const index = archiveInfoRegulation.form.steps[step]!.fields.findIndex((f) => f.key === "attachments");
    const base = `form.steps.${step}.fields.${index}.accept`;
    expect(problems.map((p) => p.path)).toEqual([`${base}.1`, `${base}.2`, `${base}.3`]);
    expect(problems[0]!.message).toMatch(
      /Тип файла «\.docx» не поддерживается: укажите MIME-типы, которые система распознаёт по содержимому файла: application\/pdf \(PDF\)/,
    );
    expect(problemsOf(withAccept([]))[0]!.message).toMatch(/Список допустимых типов файлов пуст/);
  });
});
