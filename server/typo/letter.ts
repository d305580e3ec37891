// The reasoned letter that an issued document has no typo or error (S2 p.72: «должностное лицо ...
// письменно сообщает заявителю об отсутствии таких опечаток и ошибок»). Pure rendering.
import { formatDate } from "../format/dates";
import { letterhead, renderPdf, type PdfBlock } from "../document/pdf";

export type TypoLetterInput = {
  authority: { name: string; address?: string | null; phone?: string | null; email?: string | null };
  number: string;
  registeredAt: Date;
  applicationNumber: string | null;
  serviceTitle: string;
  document: { title: string; outgoingNumber: string | null };
  description: string;
  reasons: string;
  official: string;
  ref: string | null;
  at: Date;
};

export function renderTypoLetter(d: TypoLetterInput): Promise<Buffer> {
  const a = d.authority;
  const title = "Об отсутствии опечаток и ошибок";
  const blocks: PdfBlock[] = [
    ...letterhead(a),
    { kind: "paragraph", text: `На заявление № ${d.number} от ${formatDate(d.registeredAt)}`, size: 10 },
    { kind: "space" },
    { kind: "title", text: title },
    {
      kind: "paragraph",
      align: "justify",
      text: `Рассмотрено Ваше заявление об исправлении опечаток и ошибок в документе «${d.document.title}»${
        d.document.outgoingNumber ? ` (исх. № ${d.document.outgoingNumber})` : ""
      }, выданном по заявлению${d.applicationNumber ? ` № ${d.applicationNumber}` : ""} о предоставлении муниципальной услуги «${d.serviceTitle}».`,
    },
    { kind: "paragraph", align: "justify", text: `Указанные Вами сведения: ${d.description}` },
    {
      kind: "paragraph",
      align: "justify",
      text: `По результатам проверки опечаток и ошибок в выданном документе не выявлено${d.ref ? ` (${d.ref} административного регламента)` : ""}. ${d.reasons}`,
    },
    {
      kind: "paragraph",
      align: "justify",
      size: 9,
      text: "Отказ в исправлении опечаток и ошибок может быть обжалован в досудебном (внесудебном) порядке (статья 11.1 Федерального закона от 27.07.2010 № 210-ФЗ).",
    },
    { kind: "space", lines: 2 },
    { kind: "paragraph", text: `Должностное лицо: ${d.official}` },
    { kind: "paragraph", text: `Документ сформирован ${formatDate(d.at)} в системе «Регламент»`, size: 8 },
  ];
  return renderPdf({ title, author: a.name }, blocks);
}
