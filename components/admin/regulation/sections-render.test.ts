// The sections rendered to HTML (React's server renderer, no browser): every control has a visible
// label, no two elements share an id, and every problem validateDocument reports about these
// sections lands on a control (its path's id, or its nearest ancestor's, as the problem list links).
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { roadInfoRegulation } from "@/prisma/seed/regulations/road-info";
import { validateDocument, type DocumentProblem, type RegulationDocument } from "@/server/regulation/document";
import { ChannelsSection } from "./channels-section";
import { GroundsSection } from "./grounds-section";
import { PassportSection } from "./passport-section";
import { ProcessSection } from "./process-section";
import { RequestsSection } from "./requests-section";
import { editorId, sectionOfPath, type EditorSection, type SectionProps } from "./section-props";

const SECTIONS: [EditorSection, (p: SectionProps) => React.ReactNode][] = [
  ["passport", PassportSection],
  ["process", ProcessSection],
  ["grounds", GroundsSection],
  ["channels", ChannelsSection],
  ["requests", RequestsSection],
];

const render = (Section: (p: SectionProps) => React.ReactNode, doc: RegulationDocument, problems: DocumentProblem[]) =>
  renderToStaticMarkup(createElement(Section, { doc, problems, readOnly: false, change: () => {} }));

const escape = (text: string) =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

const ids = (html: string) => [...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]!);

/** The id a problem's link lands on: its path's, or the nearest ancestor's that exists. */
function target(path: string, present: Set<string>): string | null {
  const parts = path.split(".");
  for (let n = parts.length; n > 0; n--) {
    const id = editorId(parts.slice(0, n).join("."));
    if (present.has(id)) return id;
  }
  return null;
}

/** S1 with a request type, so that every section has controls. */
function s1(): RegulationDocument {
  const doc = structuredClone(roadInfoRegulation);
  doc.interagencyRequestTypes.push({
    code: "egrn",
    title: "Выписка из ЕГРН",
    agency: "Росреестр",
    responseDeadline: { value: 5, unit: "working_days" },
  });
  return doc;
}

/**
 * S1 broken in ways an editor can break it. Two documents: the shape check (empty texts, no roles)
 * stops validateDocument before the rules of the process, so each gets its own.
 */
function broken(): [RegulationDocument, RegulationDocument] {
  const shape = s1();
  shape.passport.documents[0]!.title = "";
  shape.stages[2]!.responsibleRoles = [];
  shape.deliveryChannels[0]!.title = "";
  shape.interagencyRequestTypes[0]!.agency = "";
  const rules = s1();
  rules.passport.term.value = 0;
  rules.stages[1]!.deadline = { value: -1, unit: "working_days", from: "registration" };
  rules.transitions[0]!.to = "nowhere";
  rules.transitions[3]!.effects = ["generate_result"];
  rules.serviceRefusalGrounds.push({ code: "unauthorized_person", text: "Повтор" });
  rules.interagencyRequestTypes[0]!.responseDeadline.value = 0;
  return [shape, rules];
}

describe("the sections on S1", () => {
  for (const [name, Section] of SECTIONS) {
    it(`${name}: unique ids, every input labelled`, () => {
      const html = render(Section, s1(), []);
      const all = ids(html);
      expect(all.filter((id, i) => all.indexOf(id) !== i)).toEqual([]);
      const labelled = new Set([...html.matchAll(/<label[^>]*for="([^"]+)"/g)].map((m) => m[1]!));
      const controls = [...html.matchAll(/<(input|select|textarea)\b[^>]*\sid="([^"]+)"/g)].map((m) => m[2]!);
      expect(controls.length).toBeGreaterThan(0);
      expect(controls.filter((id) => !labelled.has(id))).toEqual([]);
    });
  }

  it.each(broken().map((doc, i) => [i === 0 ? "shape" : "rules", doc] as const))(
    "every problem (%s) of these sections is shown beside the control its link lands on",
    (_, doc) => {
      const result = validateDocument(doc);
      const problems = result.ok ? [] : result.problems;
      const ours = problems.filter((p) => SECTIONS.some(([name]) => name === sectionOfPath(p.path)));
      expect(ours.length).toBeGreaterThanOrEqual(4);
      for (const [name, Section] of SECTIONS) {
        const html = render(Section, doc, problems);
        const present = new Set(ids(html));
        for (const p of ours.filter((x) => sectionOfPath(x.path) === name)) {
          expect(target(p.path, present), `${p.path}: ${p.message}`).not.toBeNull();
          expect(html.includes(escape(p.message)), `${p.path} is shown: ${p.message}`).toBe(true);
        }
      }
    },
  );

  it("the process section draws every stage and transition of S1", () => {
    const html = render(ProcessSection, structuredClone(roadInfoRegulation), []);
    expect(html.match(/data-testid="graph-stage"/g)).toHaveLength(roadInfoRegulation.stages.length);
    expect(html.match(/data-testid="graph-edge"/g)).toHaveLength(roadInfoRegulation.transitions.length);
    expect(html).not.toContain('data-testid="graph-flags"');
  });

  it("read-only: every control is disabled and no list can be changed", () => {
    for (const [, Section] of SECTIONS) {
      const html = renderToStaticMarkup(
        createElement(Section, { doc: s1(), problems: [], readOnly: true, change: () => {} }),
      );
      const controls = [...html.matchAll(/<(input|select|textarea)\b[^>]*>/g)].map((m) => m[0]);
      expect(controls.filter((c) => !/\sdisabled=""/.test(c))).toEqual([]);
      expect(html).not.toMatch(/>(Удалить|Выше|Ниже|Добавить[^<]*)<\/button>/);
    }
  });
});
