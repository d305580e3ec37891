// Result documents from the service's template (R9): an official letter on the authority's
// letterhead for the road information, an archival certificate/extract/copy/letter, or a motivated
// refusal notice naming its grounds (R25). The content comes from the regulation and the
// application; the official writes the body text.
import type { Passport } from "../regulation/document";
import { formatDate } from "../format/dates";
import { letterhead, renderPdf, type PdfBlock } from "./pdf";

export type ResultDocumentInput = {
  passport: Passport;
  resultTitle: string;
  kind: "positive" | "refusal";
  registrationNumber: string;
  registeredAt: Date;
  applicant: { name: string; address?: string | null; email?: string | null };
  serviceTitle: string;
  /** The official's text: the information given, or the motivation of a refusal. */
  body: string;
  grounds?: { text: string; ref?: string }[];
  createdAt: Date;
  /** Filled in at registration: the number and date replace the blanks of the letterhead. */
  outgoing?: { number: string; date: Date };
  /**
   * The signature of the signed original, shown on the copy as the stamp of GOST R 7.0.97-2016
   * p.5.23 (issue 15 p.3): from the real certificate, never on the signed file itself.
   */
  signature?: { owner: string; serial: string; issuer: string; notBefore: Date; notAfter: Date; signedAt: Date };
};

/** The template's inputs that come from the application and the official (stored with the document). */
export type ResultDocumentContent = Omit<ResultDocumentInput, "passport" | "outgoing" | "signature">;

export function renderResultDocument(d: ResultDocumentInput): Promise<Buffer> {
  const a = d.passport.authority;
  const blocks: PdfBlock[] = [
    ...letterhead(a),
    {
      kind: "paragraph",
      text: `${d.outgoing ? `Исх. № ${d.outgoing.number} от ${formatDate(d.outgoing.date)}` : "Исх. № ____________ от ____________"}\nНа № ${d.registrationNumber} от ${formatDate(d.registeredAt)}`,
      size: 10,
    },
    {
      kind: "paragraph",
      text: [d.applicant.name, d.applicant.address, d.applicant.email].filter(Boolean).join("\n"),
      align: "right",
    },
    { kind: "space" },
    { kind: "title", text: d.resultTitle },
  ];
  if (d.kind === "refusal") {
    blocks.push(
      {
        kind: "paragraph",
        text: `По результатам рассмотрения Вашего заявления о предоставлении муниципальной услуги «${d.serviceTitle}» принято решение об отказе в предоставлении муниципальной услуги по следующим основаниям:`,
        align: "justify",
      },
      ...(d.grounds ?? []).map((g, i) => ({
        kind: "paragraph" as const,
        text: `${i + 1}) ${g.text}${g.ref ? ` (${g.ref} административного регламента)` : ""}`,
        align: "justify" as const,
      })),
      { kind: "paragraph", text: `Мотивы отказа: ${d.body}`, align: "justify" },
      {
        kind: "paragraph",
        text: `Отказ может быть обжалован в досудебном (внесудебном) порядке. ${d.passport.appeal.text}`,
        align: "justify",
        size: 9,
      },
    );
  } else {
    blocks.push(
      {
        kind: "paragraph",
        text: `В ответ на Ваше заявление о предоставлении муниципальной услуги «${d.serviceTitle}» сообщаем следующее.`,
        align: "justify",
      },
      { kind: "paragraph", text: d.body, align: "justify" },
    );
  }
  blocks.push({ kind: "space", lines: 2 });
  if (d.signature) {
    // The stamp of GOST R 7.0.97-2016 p.5.23: «Документ подписан электронной подписью», the
    // certificate's serial number, its owner and validity, from the certificate the signature was
    // made with. The signed original and its `.sig` are kept with the document.
    const s = d.signature;
    blocks.push(
      { kind: "rule" },
      { kind: "paragraph", text: "ДОКУМЕНТ ПОДПИСАН ЭЛЕКТРОННОЙ ПОДПИСЬЮ", bold: true, size: 9 },
      {
        kind: "paragraph",
        text: `Сертификат: ${s.serial}\nВладелец: ${s.owner}\nДействителен: с ${formatDate(s.notBefore)} по ${formatDate(s.notAfter)}\nПодписан: ${formatDate(s.signedAt)}; удостоверяющий центр: ${s.issuer}`,
        size: 8,
      },
      ...(d.outgoing
        ? [
            {
              kind: "paragraph" as const,
              text: `Зарегистрирован: исх. № ${d.outgoing.number} от ${formatDate(d.outgoing.date)}`,
              size: 8,
            },
          ]
        : []),
      { kind: "rule" },
    );
  } else {
    blocks.push({ kind: "paragraph", text: "Уполномоченное должностное лицо ____________________", align: "left" });
  }
  blocks.push({
    kind: "paragraph",
    text: `Документ сформирован ${formatDate(d.createdAt)} в системе «Регламент»`,
    size: 8,
  });
  return renderPdf({ title: d.resultTitle, author: a.name }, blocks);
}
