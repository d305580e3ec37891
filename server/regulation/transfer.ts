// The file an edition of a regulation travels in between installations (issue 10 p.6: from a test
// installation to production) and in which the seed regulations are loaded (p.7). Pure and
// client-safe: the export writes it, the import reads it here, before anything touches the database.
//
// A file comes from outside, so reading it assumes the worst: its length is checked before it is
// parsed, its nesting before JSON.parse recurses into it (a file of a million «[» would otherwise
// blow the stack), it must be an object with the format's marker and version, and its document must
// be exactly a regulation document: a key the document does not know is refused and named (zod would
// silently drop it, and an administrator would publish something other than what the file says).
// A document that parses but has problems (a transition to a missing stage) is imported as a draft
// with those problems listed, so it can be fixed in the editor.
import { z } from "zod";
import { validateDocument, zRegulationDocument, type DocumentProblem, type RegulationDocument } from "./document";
import {
  jsonShapeProblem,
  MAX_ACT_YEAR,
  MAX_DOCUMENT_DEPTH,
  MAX_TRANSFER_CHARS,
  MIN_ACT_YEAR,
  zLocalDate,
} from "./editions/schema";

export const TRANSFER_FORMAT = "reglament.regulation";
export const TRANSFER_FORMAT_VERSION = 1;
export { MAX_TRANSFER_CHARS };

const isoDate = zLocalDate("дата в виде ГГГГ-ММ-ДД");
const isoInstant = z.iso.datetime({ offset: true, message: "момент времени в формате ISO 8601" }).refine((s) => {
  const year = new Date(s).getUTCFullYear();
  return year >= MIN_ACT_YEAR && year <= MAX_ACT_YEAR;
}, `год с ${MIN_ACT_YEAR} по ${MAX_ACT_YEAR}`);

const zEnvelope = z.strictObject({
  format: z.string(),
  formatVersion: z.unknown(),
  service: z.strictObject({ code: z.string().max(60), title: z.string().max(500) }),
  edition: z.strictObject({
    version: z.number().int().positive().nullable(),
    basis: z.string().max(2000).nullable(),
    actNumber: z.string().max(100).nullable(),
    actDate: isoDate.nullable(),
    effectiveFrom: isoInstant.nullable(),
  }),
  document: z.unknown(),
});

export type TransferFile = {
  format: typeof TRANSFER_FORMAT;
  formatVersion: typeof TRANSFER_FORMAT_VERSION;
  service: { code: string; title: string };
  edition: {
    version: number | null;
    basis: string | null;
    actNumber: string | null;
    /** The amending act's date, YYYY-MM-DD. */
    actDate: string | null;
    /** When the edition took effect, an ISO instant (null: a draft). */
    effectiveFrom: string | null;
  };
  document: RegulationDocument;
};

/** The file of an edition, as the export writes it and the seed builds it. */
export function transferFile(input: {
  service: { code: string; title: string };
  edition: {
    version: number | null;
    basis: string | null;
    actNumber: string | null;
    actDate: Date | string | null;
    effectiveFrom: Date | null;
  };
  document: unknown;
}): TransferFile {
  const actDate = input.edition.actDate;
  return {
    format: TRANSFER_FORMAT,
    formatVersion: TRANSFER_FORMAT_VERSION,
    service: { code: input.service.code, title: input.service.title },
    edition: {
      version: input.edition.version,
      basis: input.edition.basis,
      actNumber: input.edition.actNumber,
      actDate: actDate === null ? null : typeof actDate === "string" ? actDate : actDate.toISOString().slice(0, 10),
      effectiveFrom: input.edition.effectiveFrom?.toISOString() ?? null,
    },
    document: input.document as RegulationDocument,
  };
}

/** The file's text: indented, so that two exports compare line by line. */
export const transferText = (file: TransferFile) => `${JSON.stringify(file, null, 2)}\n`;

/** A safe file name for the download: latin, digits and dashes. */
export function transferFileName(serviceCode: string, version: number | null): string {
  const code = serviceCode.replace(/[^a-z0-9-]/gi, "-").slice(0, 60) || "regulation";
  return `${code}-${version === null ? "draft" : `v${version}`}.reglament.json`;
}

export type TransferRead =
  | { ok: true; file: TransferFile; problems: DocumentProblem[] }
  | { ok: false; message: string; problems: DocumentProblem[] };

const refuse = (message: string, problems: DocumentProblem[] = []): TransferRead => ({ ok: false, message, problems });

/**
 * How deep the text's arrays and objects nest, counted without parsing (strings skipped), stopping
 * as soon as `limit` is passed.
 */
export function nestingDepth(text: string, limit: number): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92 /* \ */) i++;
      else if (c === 34 /* " */) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 91 /* [ */ || c === 123 /* { */) {
      depth++;
      if (depth > max) {
        max = depth;
        if (max > limit) return max;
      }
    } else if (c === 93 /* ] */ || c === 125 /* } */) depth--;
  }
  return max;
}

/**
 * The paths of keys in `input` that the parsed document does not have: what zod stripped. Walked
 * side by side with an explicit stack (the depth is already bounded).
 */
export function unknownKeys(input: unknown, parsed: unknown): string[] {
  const found: string[] = [];
  const stack: { a: unknown; b: unknown; path: string }[] = [{ a: input, b: parsed, path: "" }];
  while (stack.length) {
    const { a, b, path } = stack.pop()!;
    if (Array.isArray(a) && Array.isArray(b)) {
      a.forEach((item, i) => stack.push({ a: item, b: b[i], path: path ? `${path}.${i}` : String(i) }));
    } else if (a && typeof a === "object" && b && typeof b === "object" && !Array.isArray(a) && !Array.isArray(b)) {
      const bo = b as Record<string, unknown>;
      for (const [k, v] of Object.entries(a)) {
        const p = path ? `${path}.${k}` : k;
        if (!Object.prototype.hasOwnProperty.call(bo, k)) found.push(p);
        else stack.push({ a: v, b: bo[k], path: p });
      }
    }
  }
  return found.sort();
}

/**
 * Reads a file: refused (with a Russian message and, for a document that is not a regulation, every
 * problem with its path) or accepted with the document parsed and its remaining problems.
 */
export function readTransferFile(content: string): TransferRead {
  if (content.length > MAX_TRANSFER_CHARS)
    return refuse(
      `Файл больше ${Math.round(MAX_TRANSFER_CHARS / 1000)} КБ: регламент столько не занимает. Проверьте, что выбран файл выгрузки регламента`,
    );
  // The envelope adds two levels (the file, its document) to the document's own.
  if (nestingDepth(content, MAX_DOCUMENT_DEPTH + 2) > MAX_DOCUMENT_DEPTH + 2)
    return refuse(`Файл вложен глубже ${MAX_DOCUMENT_DEPTH} уровней: это не выгрузка регламента`);
  let json: unknown;
  try {
    json = JSON.parse(content);
  } catch {
    return refuse("Файл не в формате JSON: выберите файл, выгруженный кнопкой «Выгрузить» (.json)");
  }
  if (json === null || typeof json !== "object" || Array.isArray(json))
    return refuse("В файле не выгрузка регламента: ожидается объект JSON с полями format, edition и document");
  const marker = (json as Record<string, unknown>).format;
  if (marker !== TRANSFER_FORMAT)
    return refuse(`В файле не выгрузка регламента: поле format должно быть «${TRANSFER_FORMAT}»`);
  const version = (json as Record<string, unknown>).formatVersion;
  if (version !== TRANSFER_FORMAT_VERSION)
    return refuse(
      `Версия формата файла (${JSON.stringify(version) ?? "не указана"}) не поддерживается: ожидается ${TRANSFER_FORMAT_VERSION}`,
    );
  const shape = jsonShapeProblem(json);
  if (shape) return refuse(shape);
  const envelope = zEnvelope.safeParse(json);
  if (!envelope.success) {
    const issues = envelope.error.issues.filter(
      (i, n, all) => all.findIndex((j) => j.path.join(".") === i.path.join(".")) === n,
    );
    const problems = issues.map((i) => ({
      path: i.path.join("."),
      message:
        i.code === "unrecognized_keys"
          ? `Неизвестные поля: ${i.keys.join(", ")}`
          : i.path.length
            ? `${i.path.join(".")}: ${i.message}`
            : i.message,
    }));
    return refuse("Описание услуги или редакции в файле неверно", problems);
  }
  const { document } = envelope.data;
  if (document === null || typeof document !== "object" || Array.isArray(document))
    return refuse("В файле нет документа регламента (поле document должно быть объектом)");
  const parsed = zRegulationDocument.safeParse(document);
  if (!parsed.success) {
    const checked = validateDocument(document);
    return refuse(
      "Документ в файле не является регламентом: исправьте ошибки в файле или выгрузите его заново",
      checked.ok ? [] : checked.problems,
    );
  }
  const unknown = unknownKeys(document, parsed.data);
  if (unknown.length)
    return refuse(
      `В документе есть поля, которых нет в формате регламента: ${unknown.slice(0, 10).join(", ")}${unknown.length > 10 ? ` и ещё ${unknown.length - 10}` : ""}`,
      unknown.map((path) => ({ path, message: "Неизвестное поле" })),
    );
  const checked = validateDocument(parsed.data);
  return {
    ok: true,
    file: {
      ...(envelope.data as Omit<TransferFile, "document">),
      format: TRANSFER_FORMAT,
      formatVersion: TRANSFER_FORMAT_VERSION,
      document: parsed.data,
    },
    problems: checked.ok ? [] : checked.problems,
  };
}
