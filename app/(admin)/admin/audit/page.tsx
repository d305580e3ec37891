import type { Metadata } from "next";
import Link from "next/link";
import { api } from "@/server/api/server";
import { requireRole } from "@/server/auth/session";
import { AUDIT_KINDS, CURSOR, auditFilterSchema, type AuditFilter } from "@/server/audit/log/schema";
import { formatDateTime } from "@/components/ui/format";
import { FormField } from "@/components/ui/form-field";
import { TextField } from "@/components/ui/field";
import { buttonClass } from "@/components/ui/button";
import { VerifyPanel } from "@/components/audit/verify-panel";

export const metadata: Metadata = { title: "Журнал действий" };
export const dynamic = "force-dynamic";

type SearchParams = Record<string, string | string[] | undefined>;
const FILTER_KEYS = ["person", "kind", "application", "from", "to"] as const;
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/** The filters as an address query: the page's own links and the export keep them. */
function query(filter: AuditFilter, extra: Record<string, string> = {}): string {
  const q = new URLSearchParams();
  for (const k of FILTER_KEYS) if (filter[k]) q.set(k, filter[k]!);
  for (const [k, v] of Object.entries(extra)) q.set(k, v);
  const s = q.toString();
  return s ? `?${s}` : "";
}

// The auditors' log (issue 11; R3; 152-FZ: access to personal data is recorded): every recorded
// action across applications and administration, newest first. The filter form is a plain GET form:
// a filtered view is an address to bookmark or hand over, and it works without scripts. Pages go by
// the keyset cursor (`after`), never by number: the log grows to millions of rows.
export default async function AuditPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await requireRole(["ADMIN", "AUDITOR"], "/admin/audit");
  const params = await searchParams;
  const raw = Object.fromEntries(FILTER_KEYS.map((k) => [k, one(params[k])]));
  const parsed = auditFilterSchema.safeParse(raw);
  const errors: Record<string, string> = parsed.success
    ? {}
    : Object.fromEntries(parsed.error.issues.map((i) => [i.path.join("."), i.message]));
  const filter = parsed.success ? parsed.data : {};
  const afterRaw = one(params.after);
  const after = afterRaw && CURSOR.test(afterRaw) ? afterRaw : undefined;
  const page = parsed.success ? await (await api()).audit.log({ filter, after }) : null;
  const value = (k: (typeof FILTER_KEYS)[number]) => raw[k] ?? "";

  return (
    <div>
      <h1 className="text-2xl font-bold">Журнал действий</h1>
      <p className="mt-2 max-w-3xl text-slate-700">
        Все записанные действия: по заявлениям (переходы, просмотры карточек, скачивание файлов, сообщения о нарушении
        сроков) и по администрированию (подразделения, учётные записи и роли, календарь, графики приёма, редакции
        регламентов). Сначала новые; время — по часовому поясу муниципалитета.
      </p>

      <form method="get" action="/admin/audit" className="mt-4 grid gap-4 rounded bg-white p-4 md:grid-cols-3">
        <TextField
          id="person"
          name="person"
          label="Кто (ФИО или e-mail)"
          defaultValue={value("person")}
          error={errors.person}
        />
        <FormField id="kind" label="Вид действия" error={errors.kind}>
          {(control) => (
            <select {...control} name="kind" defaultValue={value("kind")}>
              <option value="">Все виды</option>
              <optgroup label="Заявления">
                {AUDIT_KINDS.filter((k) => k.value.startsWith("application:")).map((k) => (
                  <option key={k.value} value={k.value}>
                    {k.label}
                  </option>
                ))}
              </optgroup>
              <optgroup label="Администрирование">
                {AUDIT_KINDS.filter((k) => k.value.startsWith("admin:")).map((k) => (
                  <option key={k.value} value={k.value}>
                    {k.label}
                  </option>
                ))}
              </optgroup>
            </select>
          )}
        </FormField>
        <TextField
          id="application"
          name="application"
          label="Регистрационный номер заявления"
          defaultValue={value("application")}
          error={errors.application}
        />
        <TextField id="from" name="from" type="date" label="С даты" defaultValue={value("from")} error={errors.from} />
        <TextField id="to" name="to" type="date" label="По дату" defaultValue={value("to")} error={errors.to} />
        <div className="flex flex-wrap items-end gap-2">
          <button type="submit" className={buttonClass("primary")}>
            Показать
          </button>
          <Link href="/admin/audit" className={buttonClass("link")}>
            Сбросить условия
          </Link>
        </div>
      </form>

      {page ? (
        <>
          <p className="mt-4">
            <a href={`/api/audit/export${query(filter)}`} className={buttonClass("secondary", "inline-block")} download>
              Выгрузить в CSV
            </a>{" "}
            <span className="text-sm text-slate-600">(все записи по этим условиям; файл открывается в Excel)</span>
          </p>
          {page.rows.length === 0 ? (
            <p className="mt-4" role="status">
              Записей по этим условиям нет.
            </p>
          ) : (
            <table className="mt-4 w-full border-collapse bg-white text-left text-sm">
              <caption className="sr-only">Записи журнала действий, сначала новые</caption>
              <thead>
                <tr className="border-b">
                  <th scope="col" className="p-2">
                    Когда
                  </th>
                  <th scope="col" className="p-2">
                    Кто
                  </th>
                  <th scope="col" className="p-2">
                    Действие
                  </th>
                  <th scope="col" className="p-2">
                    Предмет
                  </th>
                  <th scope="col" className="p-2">
                    Подробности
                  </th>
                </tr>
              </thead>
              <tbody>
                {page.rows.map((r) => (
                  <tr key={r.key} className="border-b align-top" data-testid="audit-row">
                    <td className="p-2 whitespace-nowrap">{formatDateTime(r.at)}</td>
                    <td className="p-2">
                      {r.actor ? (
                        <>
                          {r.actor.name}
                          <br />
                          <span className="text-slate-600">{r.actor.email}</span>
                        </>
                      ) : (
                        "система"
                      )}
                    </td>
                    <td className="p-2">{r.kind}</td>
                    <td className="p-2">
                      {r.application?.registrationNumber ? (
                        // Administrators and auditors are not staff: the card is not theirs to open. The
                        // link narrows the log to this application's events instead.
                        <Link
                          href={`/admin/audit?application=${encodeURIComponent(r.application.registrationNumber)}`}
                          className="text-brand-700 underline"
                          title="Все действия по этому заявлению"
                        >
                          {r.subject}
                        </Link>
                      ) : (
                        r.subject
                      )}
                    </td>
                    <td className="p-2">
                      {r.details}
                      {r.changes.length ? (
                        <ul className="list-none">
                          {r.changes.map((c) => (
                            <li key={c.key}>
                              <span className="font-medium">{c.key}</span>: {c.before} → {c.after}
                            </li>
                          ))}
                        </ul>
                      ) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <nav aria-label="Страницы журнала" className="mt-4 flex gap-4">
            {after ? (
              <Link href={`/admin/audit${query(filter)}`} className="text-brand-700 underline">
                К новым записям
              </Link>
            ) : null}
            {page.next ? (
              <Link href={`/admin/audit${query(filter, { after: page.next })}`} className="text-brand-700 underline">
                Следующие записи
              </Link>
            ) : null}
          </nav>
        </>
      ) : (
        <p className="mt-4 font-semibold text-red-700" role="alert">
          Исправьте условия отбора: записи не показаны.
        </p>
      )}

      <VerifyPanel />
    </div>
  );
}
