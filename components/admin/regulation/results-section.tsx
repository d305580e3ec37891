"use client";
// The result types of the regulation (issue 10 p.2, R9, R26): code, title, kind, where the outgoing
// number comes from, the clause, and the document template with its placeholders — inserted from a
// menu of the form's fields and the built-ins — and a PDF preview of the saved draft on sample data
// (GET /api/admin/editions/[id]/result-preview).
import { useParams } from "next/navigation";
import { useRef, useState } from "react";
import type { RegulationDocument } from "@/server/regulation/document";
import { templateInsertions } from "@/server/regulation/template";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { editorId, type SectionProps } from "./section-props";

type ResultType = RegulationDocument["resultTypes"][number];

export const RESULT_KIND_LABEL: Record<ResultType["kind"], string> = {
  positive: "Положительный результат (предоставление услуги)",
  refusal: "Отказ в предоставлении услуги",
};

export const OUTGOING_NUMBER_LABEL: Record<NonNullable<ResultType["outgoingNumber"]>, string> = {
  counter: "Исходящий номер из журнала",
  registration: "Номер регистрации заявления",
};

/** The message of the problems exactly at a path (a control shows its own). */
const messageAt = (problems: SectionProps["problems"], path: string) =>
  problems
    .filter((p) => p.path === path)
    .map((p) => p.message)
    .join(" ") || undefined;

const title = (r: ResultType, i: number) => r.title.trim() || `Вид результата № ${i + 1}`;

export function ResultsSection({ doc, change, readOnly, problems }: SectionProps) {
  const { id: editionId } = useParams<{ id: string }>();
  const insertions = templateInsertions(doc);
  const add = () =>
    change("Добавлен вид результата", (d) => {
      let n = d.resultTypes.length + 1;
      while (d.resultTypes.some((r) => r.code === `result_${n}`)) n += 1;
      d.resultTypes.push({ code: `result_${n}`, title: "Новый вид результата", kind: "positive" });
    });

  return (
    <div className="space-y-6">
      <p className="text-slate-700">
        Документы, которыми заканчивается предоставление услуги. Шаблон — текст документа с подстановками: при
        оформлении результата должностное лицо получает его уже заполненным данными заявления и может исправить.
      </p>
      {messageAt(problems, "resultTypes") ? (
        <p id={editorId("resultTypes")} className="font-semibold text-red-700">
          {messageAt(problems, "resultTypes")}
        </p>
      ) : null}
      {doc.resultTypes.map((r, i) => (
        <ResultTypeCard
          key={i}
          index={i}
          result={r}
          count={doc.resultTypes.length}
          editionId={editionId}
          insertions={insertions}
          change={change}
          readOnly={readOnly}
          problems={problems}
        />
      ))}
      {readOnly ? null : (
        <Button kind="secondary" onClick={add}>
          Добавить вид результата
        </Button>
      )}
    </div>
  );
}

function ResultTypeCard({
  index: i,
  result: r,
  count,
  editionId,
  insertions,
  change,
  readOnly,
  problems,
}: {
  index: number;
  result: ResultType;
  count: number;
  editionId: string;
  insertions: { token: string; label: string }[];
} & Pick<SectionProps, "change" | "readOnly" | "problems">) {
  const base = `resultTypes.${i}`;
  const textarea = useRef<HTMLTextAreaElement>(null);
  const [token, setToken] = useState("");
  const name = title(r, i);
  // `coalesce`: typing in one control is one undo step (the key is the control's path).
  const set = (label: string, mutate: (t: ResultType) => void, coalesce?: string) =>
    change(
      `${label} («${name}»)`,
      (d) => {
        const t = d.resultTypes[i];
        if (t) mutate(t);
      },
      coalesce ? { coalesce: `${base}.${coalesce}` } : undefined,
    );
  const insert = () => {
    if (!token) return;
    const el = textarea.current;
    const text = r.template ?? "";
    const at = el ? el.selectionStart : text.length;
    const end = el ? el.selectionEnd : text.length;
    set("Вставлено поле в шаблон", (t) => {
      t.template = text.slice(0, at) + token + text.slice(end);
    });
    // The cursor after the inserted placeholder, for the next one.
    requestAnimationFrame(() => {
      if (!el) return;
      el.focus();
      el.setSelectionRange(at + token.length, at + token.length);
    });
  };
  const previewHref = `/api/admin/editions/${editionId}/result-preview?type=${encodeURIComponent(r.code)}`;

  return (
    <section
      aria-labelledby={`${editorId(base)}-heading`}
      id={editorId(base)}
      className="space-y-4 rounded border border-slate-300 p-4"
    >
      <h3 id={`${editorId(base)}-heading`} className="text-lg font-semibold">
        {name}
      </h3>
      {messageAt(problems, base) ? <p className="font-semibold text-red-700">{messageAt(problems, base)}</p> : null}
      <div className="grid gap-4 md:grid-cols-2">
        <FormField
          id={editorId(`${base}.code`)}
          label="Код"
          hint="Латиница в нижнем регистре, цифры и _"
          required
          error={messageAt(problems, `${base}.code`)}
        >
          {(c) => (
            <input
              {...c}
              value={r.code}
              readOnly={readOnly}
              onChange={(e) => set("Изменён код вида результата", (t) => void (t.code = e.target.value), "code")}
            />
          )}
        </FormField>
        <FormField
          id={editorId(`${base}.ref`)}
          label="Пункт регламента"
          hint="Например: п. 9"
          error={messageAt(problems, `${base}.ref`)}
        >
          {(c) => (
            <input
              {...c}
              value={r.ref ?? ""}
              readOnly={readOnly}
              onChange={(e) =>
                set(
                  "Изменён пункт регламента вида результата",
                  (t) => {
                    if (e.target.value) t.ref = e.target.value;
                    else delete t.ref;
                  },
                  "ref",
                )
              }
            />
          )}
        </FormField>
      </div>
      <FormField
        id={editorId(`${base}.title`)}
        label="Наименование документа"
        required
        error={messageAt(problems, `${base}.title`)}
      >
        {(c) => (
          <textarea
            {...c}
            rows={2}
            value={r.title}
            readOnly={readOnly}
            onChange={(e) =>
              set("Изменено наименование вида результата", (t) => void (t.title = e.target.value), "title")
            }
          />
        )}
      </FormField>
      <div className="grid gap-4 md:grid-cols-2">
        <FormField id={editorId(`${base}.kind`)} label="Вид" required error={messageAt(problems, `${base}.kind`)}>
          {(c) => (
            <select
              {...c}
              value={r.kind}
              disabled={readOnly}
              onChange={(e) =>
                set("Изменён вид результата", (t) => void (t.kind = e.target.value as ResultType["kind"]))
              }
            >
              {(Object.keys(RESULT_KIND_LABEL) as ResultType["kind"][]).map((k) => (
                <option key={k} value={k}>
                  {RESULT_KIND_LABEL[k]}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <FormField
          id={editorId(`${base}.outgoingNumber`)}
          label="Исходящий номер документа"
          hint="Какой номер получает документ при регистрации"
          error={messageAt(problems, `${base}.outgoingNumber`)}
        >
          {(c) => (
            <select
              {...c}
              value={r.outgoingNumber ?? "counter"}
              disabled={readOnly}
              onChange={(e) =>
                set("Изменён источник исходящего номера", (t) => {
                  if (e.target.value === "registration") t.outgoingNumber = "registration";
                  else delete t.outgoingNumber;
                })
              }
            >
              {(Object.keys(OUTGOING_NUMBER_LABEL) as NonNullable<ResultType["outgoingNumber"]>[]).map((k) => (
                <option key={k} value={k}>
                  {OUTGOING_NUMBER_LABEL[k]}
                </option>
              ))}
            </select>
          )}
        </FormField>
      </div>
      <FormField
        id={editorId(`${base}.template`)}
        label="Шаблон текста документа"
        hint={
          <>
            Подстановки в двойных фигурных скобках: {"{{заявитель}}"}, {"{{номер_регистрации}}"} или ключ поля формы,
            например {"{{full_name}}"}. Вариант выбора печатается своим названием, дата — как 05.03.2026. Без шаблона
            должностное лицо пишет текст само.
          </>
        }
        error={messageAt(problems, `${base}.template`)}
      >
        {(c) => (
          <textarea
            {...c}
            ref={textarea}
            rows={8}
            value={r.template ?? ""}
            readOnly={readOnly}
            onChange={(e) =>
              set(
                "Изменён шаблон документа",
                (t) => {
                  if (e.target.value) t.template = e.target.value;
                  else delete t.template;
                },
                "template",
              )
            }
          />
        )}
      </FormField>
      <div className="flex flex-wrap items-end gap-3">
        {readOnly ? null : (
          <>
            <div>
              <label htmlFor={`${editorId(base)}-insert`} className="block font-medium">
                Вставить поле
              </label>
              <select
                id={`${editorId(base)}-insert`}
                className="mt-1 block rounded border border-slate-500 bg-white px-3 py-2"
                value={token}
                onChange={(e) => setToken(e.target.value)}
              >
                <option value="">— выберите поле —</option>
                {insertions.map((x) => (
                  <option key={x.token} value={x.token}>
                    {x.label} {x.token}
                  </option>
                ))}
              </select>
            </div>
            <Button kind="neutral" onClick={insert} disabled={!token}>
              Вставить в шаблон
            </Button>
          </>
        )}
        <a
          href={previewHref}
          target="_blank"
          rel="noopener"
          className="px-2 py-2 text-brand-700 underline"
          data-testid={`result-preview-${r.code}`}
        >
          Предпросмотр PDF<span className="sr-only"> документа «{name}» (откроется в новой вкладке)</span>
        </a>
      </div>
      <p className="text-sm text-slate-600">
        Образец строится по сохранённому черновику на примерных данных (Иванов Иван Иванович и т. п.). Изменения
        сохраняются автоматически примерно через секунду после правки.
      </p>
      {readOnly || count <= 1 ? null : (
        <Button
          kind="link"
          onClick={() => change(`Удалён вид результата «${name}»`, (d) => void d.resultTypes.splice(i, 1))}
        >
          Удалить вид результата «{name}»
        </Button>
      )}
    </section>
  );
}
