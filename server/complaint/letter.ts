// The written answer to a complaint (210-FZ art. 11.2 part 8): the decision, its reasons and, for an
// upheld complaint, the remedy, on the authority's letterhead, signed by the official who considered
// it, with the further appeal the law leaves open (part 9: to court). Pure rendering: the facts in,
// the PDF out.
import { formatDate } from "../format/dates";
import { letterhead, renderPdf, type PdfBlock } from "../document/pdf";

export type ComplaintLetterInput = {
  authority: { name: string; address?: string | null; phone?: string | null; email?: string | null };
  number: string;
  registeredAt: Date;
  complainant: { name: string; address?: string | null; email?: string | null };
  subjectLabel: string;
  applicationNumber: string | null;
  serviceTitle: string | null;
  outcome: "UPHELD" | "REJECTED";
  decisionText: string;
  remedy: string | null;
  reviewer: string;
  decidedAt: Date;
};

export function renderComplaintLetter(d: ComplaintLetterInput): Promise<Buffer> {
  const a = d.authority;
  const title = `Решение по жалобе № ${d.number}`;
  const blocks: PdfBlock[] = [
    ...letterhead(a),
    { kind: "paragraph", text: `На жалобу № ${d.number} от ${formatDate(d.registeredAt)}`, size: 10 },
    {
      kind: "paragraph",
      text: [d.complainant.name, d.complainant.address, d.complainant.email].filter(Boolean).join("\n"),
      align: "right",
    },
    { kind: "space" },
    { kind: "title", text: title },
    {
      kind: "paragraph",
      text: `Рассмотрена Ваша жалоба (${d.subjectLabel.toLowerCase()})${
        d.applicationNumber ? ` по заявлению № ${d.applicationNumber}` : ""
      }${d.serviceTitle ? ` о предоставлении муниципальной услуги «${d.serviceTitle}»` : ""}.`,
      align: "justify",
    },
    {
      kind: "paragraph",
      bold: true,
      text: d.outcome === "UPHELD" ? "Решение: жалоба удовлетворена." : "Решение: в удовлетворении жалобы отказано.",
    },
    { kind: "paragraph", text: `Мотивы решения: ${d.decisionText}`, align: "justify" },
  ];
  if (d.outcome === "UPHELD" && d.remedy)
    blocks.push({
      kind: "paragraph",
      text: `Меры по устранению выявленного нарушения: ${d.remedy}`,
      align: "justify",
    });
  blocks.push(
    {
      kind: "paragraph",
      text: "Решение по жалобе может быть обжаловано в судебном порядке (статья 11.2 Федерального закона от 27.07.2010 № 210-ФЗ «Об организации предоставления государственных и муниципальных услуг»).",
      align: "justify",
      size: 9,
    },
    { kind: "space", lines: 2 },
    { kind: "paragraph", text: `Должностное лицо, рассмотревшее жалобу: ${d.reviewer}` },
    { kind: "paragraph", text: `Дата решения: ${formatDate(d.decidedAt)}`, size: 10 },
    { kind: "paragraph", text: `Документ сформирован ${formatDate(d.decidedAt)} в системе «Регламент»`, size: 8 },
  );
  return renderPdf({ title, author: a.name }, blocks);
}
