// PDF documents with Cyrillic text: the applicant's copy of an application (R15) now, result letters
// and receipts later. pdfkit with DejaVu Sans from npm (no font download at build or run time).
import { existsSync } from "node:fs";
import path from "node:path";
import PDFDocument from "pdfkit";
import { env } from "../env";

// Resolved from the working directory, not with require.resolve: the bundler that builds the server
// replaces require.resolve with module ids. Both `npm start` and the tests run from the project root.
function fontFile(name: string): string {
  const dirs = [env().fontsDir, path.join(process.cwd(), "node_modules", "dejavu-fonts-ttf", "ttf")].filter(
    (d): d is string => !!d,
  );
  const found = dirs.map((d) => path.join(d, name)).find((f) => existsSync(f));
  if (!found) throw new Error(`font ${name} not found (looked in ${dirs.join(", ")}); run npm install`);
  return found;
}

export type PdfBlock =
  | { kind: "title"; text: string }
  | { kind: "paragraph"; text: string; bold?: boolean; size?: number; align?: "left" | "right" | "center" | "justify" }
  // Titled label/answer lists: the answers of a form (server/application/answers.ts answerSections).
  | { kind: "sections"; sections: { title: string; rows: { label: string; text: string }[] }[] }
  | { kind: "space"; lines?: number }
  | { kind: "rule" }
  | { kind: "page" };

/** Renders blocks into a PDF (A4, 2 cm margins); resolves with the whole file. */
export function renderPdf(meta: { title: string; author?: string }, blocks: PdfBlock[]): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({
      size: "A4",
      margin: 57,
      info: { Title: meta.title, Author: meta.author ?? "Регламент" },
      lang: "ru-RU",
      pdfVersion: "1.7",
      tagged: false,
    });
    const chunks: Buffer[] = [];
    doc.on("data", (c: Buffer) => chunks.push(c));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
    doc.registerFont("regular", fontFile("DejaVuSans.ttf"));
    doc.registerFont("bold", fontFile("DejaVuSans-Bold.ttf"));
    doc.font("regular").fontSize(11);
    const width = doc.page.width - 2 * 57;
    for (const b of blocks) {
      switch (b.kind) {
        case "title":
          doc
            .font("bold")
            .fontSize(14)
            .text(b.text, { align: "center", width })
            .moveDown(0.6)
            .font("regular")
            .fontSize(11);
          break;
        case "paragraph":
          doc
            .font(b.bold ? "bold" : "regular")
            .fontSize(b.size ?? 11)
            .text(b.text, { align: b.align ?? "left", width })
            .moveDown(0.4)
            .font("regular")
            .fontSize(11);
          break;
        case "sections":
          for (const s of b.sections) {
            doc.moveDown(0.4).font("bold").fontSize(12).text(s.title, { width }).moveDown(0.2);
            for (const row of s.rows) {
              doc.font("bold").fontSize(10).text(`${row.label}:`, { width, continued: false });
              doc.font("regular").fontSize(11).text(row.text, { width, indent: 12 }).moveDown(0.2);
            }
          }
          doc.font("regular").fontSize(11);
          break;
        case "space":
          doc.moveDown(b.lines ?? 1);
          break;
        case "page":
          doc.addPage();
          break;
        case "rule":
          doc
            .moveTo(57, doc.y)
            .lineTo(57 + width, doc.y)
            .stroke()
            .moveDown(0.5);
          break;
      }
    }
    doc.end();
  });
}

/**
 * The authority's letterhead at the top of every letter it sends (a result, a complaint's decision, a
 * typo letter): its name, then its address, phone and e-mail where known, and a rule.
 */
export function letterhead(a: {
  name: string;
  address?: string | null;
  phone?: string | null;
  email?: string | null;
}): PdfBlock[] {
  const contacts = [a.address, a.phone && `тел. ${a.phone}`, a.email && `эл. почта ${a.email}`].filter(Boolean);
  return [
    { kind: "paragraph", text: a.name.toUpperCase(), bold: true, align: "center", size: 12 },
    ...(contacts.length
      ? [{ kind: "paragraph" as const, text: contacts.join(", "), align: "center" as const, size: 9 }]
      : []),
    { kind: "rule" },
  ];
}
