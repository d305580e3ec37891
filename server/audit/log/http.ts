// GET /api/audit/export?person=&kind=&application=&from=&to= — the auditors' log (issue 11) as CSV,
// filtered exactly as the page is (the same schema, ./schema.ts). For the administrator and the
// auditor (restRoute auth "audit": the role is re-read from the database).
//
// Streamed, never held: the rows are read a thousand at a time by the same keyset pages as the list
// (./data.ts: no OFFSET, each batch an index range scan below the last row's key) and written out as
// they come, so memory stays flat whatever the log's size. It is bounded too: at most EXPORT_MAX_ROWS
// rows, after which a last line says the export was cut and asks for a narrower filter.
import { z } from "zod";
import { restRoute } from "../../api/rest";
import { config } from "../../config";
import { AppError } from "../../errors";
import { formatDateTime } from "../../format/dates";
import { changesText } from "./changes";
import { CSV_BOM, csvLine } from "./csv";
import { auditLog, type AuditRow } from "./data";
import { auditFilterSchema, type AuditFilter } from "./schema";
import type { Db } from "../../db/client";

export const EXPORT_BATCH = 1_000;
export const EXPORT_MAX_ROWS = 1_000_000;

export const EXPORT_HEADER = [
  "Дата и время",
  "Время (UTC, ISO 8601)",
  "Журнал",
  "Вид действия",
  "Кто",
  "Электронная почта",
  "Регистрационный номер заявления",
  "Предмет",
  "Подробности",
  "Изменения (было → стало)",
  "Номер записи",
];

export function exportCells(row: AuditRow, timeZone: string): (string | null)[] {
  return [
    formatDateTime(row.at, timeZone),
    row.at.toISOString(),
    row.log === "application" ? "Заявления" : "Администрирование",
    row.kind,
    row.actor?.name ?? "система",
    row.actor?.email ?? null,
    row.application?.registrationNumber ?? null,
    row.subject,
    row.details,
    changesText(row.changes) || null,
    `${row.log === "application" ? "З" : "А"}-${row.id}`,
  ];
}

/** The CSV's bytes, batch after batch. */
export function exportStream(
  db: Db,
  filter: AuditFilter,
  options: { maxRows?: number } = {},
): ReadableStream<Uint8Array> {
  const { timeZone, utcOffsetMinutes } = config();
  const maxRows = options.maxRows ?? EXPORT_MAX_ROWS;
  const encoder = new TextEncoder();
  let after: string | undefined;
  let written = 0;
  let started = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        if (!started) {
          started = true;
          controller.enqueue(encoder.encode(CSV_BOM + csvLine(EXPORT_HEADER)));
          return;
        }
        const limit = Math.min(EXPORT_BATCH, maxRows - written);
        if (limit <= 0) {
          controller.enqueue(
            encoder.encode(
              csvLine([
                `Выгрузка ограничена ${maxRows} строками: сузьте период или другие условия и выгрузите остальное.`,
              ]),
            ),
          );
          controller.close();
          return;
        }
        const page = await auditLog(db, { filter, after, limit }, { utcOffsetMinutes });
        controller.enqueue(encoder.encode(page.rows.map((r) => csvLine(exportCells(r, timeZone))).join("")));
        written += page.rows.length;
        after = page.next ?? undefined;
        if (!page.next) controller.close();
      } catch (error) {
        console.error("[rest] audit export failed while streaming:", error);
        controller.error(error);
      }
    },
  });
}

const filterOf = (url: string) => {
  const q = new URL(url).searchParams;
  return auditFilterSchema.safeParse(
    Object.fromEntries(["person", "kind", "application", "from", "to"].map((k) => [k, q.get(k) ?? undefined])),
  );
};

export const auditExportRoute = restRoute({
  name: "audit export",
  auth: "audit",
  params: z.object({}),
  notFound: "Не найдено",
  async handler({ req, db }) {
    const parsed = filterOf(req.url);
    if (!parsed.success) {
      const fieldErrors = Object.fromEntries(parsed.error.issues.map((i) => [i.path.join("."), i.message]));
      throw new AppError("INVALID", "Проверьте условия отбора", fieldErrors);
    }
    const day = new Date().toISOString().slice(0, 10);
    const name = `журнал-действий-${day}.csv`;
    return new Response(exportStream(db, parsed.data), {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="audit-log-${day}.csv"; filename*=UTF-8''${encodeURIComponent(name)}`,
        "x-content-type-options": "nosniff",
        "cache-control": "private, no-store",
      },
    });
  },
});
