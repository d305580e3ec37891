// The receipt for an application accepted in person (R23, S2 p.48): two copies, one for the
// applicant and one for the file, on two pages of one PDF.
import { renderPdf, type PdfBlock } from "./pdf";
import { plural } from "../format/plural";

export type ReceiptInput = {
  authority: string;
  serviceTitle: string;
  registrationNumber: string;
  registeredAt: string;
  dueAt: string;
  applicant: string;
  channel: string;
  /** What was received (issue 16 p.12), with its sheets. */
  documents: ReceiptDocument[];
  registrar: string;
};

export type ReceiptDocument = { title: string; sheets: number };

/** «3 листа», «1 лист», «5 листов». */
const sheetsText = (n: number) => `${n} ${plural(n, ["лист", "листа", "листов"])}`;

export function renderReceipt(r: ReceiptInput): Promise<Buffer> {
  const copy = (label: string): PdfBlock[] => [
    { kind: "paragraph", text: label, align: "right", size: 9 },
    { kind: "title", text: "Расписка в получении заявления и документов" },
    { kind: "paragraph", text: r.authority, align: "center" },
    { kind: "rule" },
    {
      kind: "paragraph",
      text: `Заявление о предоставлении муниципальной услуги «${r.serviceTitle}» принято ${r.registeredAt} и зарегистрировано.`,
      align: "justify",
    },
    { kind: "paragraph", text: `Регистрационный номер: ${r.registrationNumber}`, bold: true },
    { kind: "paragraph", text: `Заявитель: ${r.applicant}` },
    { kind: "paragraph", text: `Способ подачи: ${r.channel}` },
    { kind: "paragraph", text: "Принятые документы:", bold: true },
    ...(r.documents.length
      ? [
          ...r.documents.map((d, i) => ({
            kind: "paragraph" as const,
            text: `${i + 1}. ${d.title} — ${sheetsText(d.sheets)}`,
          })),
          {
            kind: "paragraph" as const,
            text: `Всего: ${r.documents.length} ${plural(r.documents.length, ["документ", "документа", "документов"])}, ${sheetsText(r.documents.reduce((n, d) => n + d.sheets, 0))}`,
          },
        ]
      : [{ kind: "paragraph" as const, text: "Документы при приёме не отмечены." }]),
    { kind: "paragraph", text: `Ожидаемый срок предоставления услуги: не позднее ${r.dueAt}` },
    { kind: "space" },
    { kind: "paragraph", text: `Документы принял: ${r.registrar} ____________ (подпись)` },
    { kind: "paragraph", text: "Расписку получил: ____________________ (подпись заявителя)" },
  ];
  return renderPdf({ title: `Расписка ${r.registrationNumber}` }, [
    ...copy("Экземпляр заявителя"),
    { kind: "page" },
    ...copy("Экземпляр администрации"),
  ]);
}
