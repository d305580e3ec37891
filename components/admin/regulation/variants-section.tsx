"use client";
// The regulation editor's section «Варианты и профилирование» (issue 10 p.8, Government Decree
// No. 1228): the questions the applicant answers about themself, the variants their answers lead to
// (per question the answers that lead here, and an own term), and the table of every combination of
// answers with the variant it leads to: a combination leading nowhere or to two variants is
// highlighted with its problem, and the document's validation refuses it. Which elements belong to
// which variant is set next to them in the other sections (variant-tags.tsx).
import { DURATION_UNIT_LABEL, type Duration, type RegulationDocument } from "@/server/regulation/document";
import {
  combinations,
  describeAnswers,
  MAX_COMBINATIONS,
  removeProfiling,
  retagVariant,
} from "@/server/regulation/variants";
import { editorId, problemsUnder, type SectionProps } from "./section-props";

type Profiling = NonNullable<RegulationDocument["profiling"]>;

const input = "mt-1 w-full rounded border border-slate-400 px-2 py-1.5 disabled:bg-slate-100";
const button = "rounded border border-slate-400 px-3 py-1.5 text-sm hover:bg-slate-100 disabled:opacity-50";

/** A first question and two variants to start from (the applicant in person or through a representative). */
function starterProfiling(): Profiling {
  return {
    questions: [
      {
        key: "who",
        label: "Кто обращается за услугой?",
        options: [
          { value: "own", label: "Заявитель лично" },
          { value: "representative", label: "Представитель заявителя" },
        ],
      },
    ],
    variants: [
      { code: "personal", title: "Личное обращение заявителя", when: { who: ["own"] } },
      { code: "representative", title: "Обращение через представителя", when: { who: ["representative"] } },
    ],
  };
}

/** A code not yet taken among `taken`: `base`, `base_2`, `base_3`... */
function freeCode(base: string, taken: string[]): string {
  if (!taken.includes(base)) return base;
  for (let i = 2; ; i++) if (!taken.includes(`${base}_${i}`)) return `${base}_${i}`;
}

function Problems({ problems, path }: { problems: SectionProps["problems"]; path: string }) {
  const here = problems.filter((p) => p.path === path);
  if (!here.length) return null;
  return (
    <ul className="mt-1 space-y-0.5 text-sm font-semibold text-red-800">
      {here.map((p, i) => (
        <li key={i}>{p.message}</li>
      ))}
    </ul>
  );
}

function TextInput(props: {
  path: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  disabled: boolean;
  problems: SectionProps["problems"];
  hint?: string;
}) {
  const id = editorId(props.path);
  const invalid = props.problems.some((p) => p.path === props.path);
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-semibold">
        {props.label}
      </label>
      {props.hint ? <p className="text-xs text-slate-600">{props.hint}</p> : null}
      <input
        id={id}
        className={input}
        value={props.value}
        disabled={props.disabled}
        aria-invalid={invalid || undefined}
        onChange={(e) => props.onChange(e.target.value)}
      />
      <Problems problems={props.problems} path={props.path} />
    </div>
  );
}

export function VariantsSection({ doc, change, readOnly, problems }: SectionProps) {
  const profiling = doc.profiling;
  const own = problemsUnder(problems, "profiling");
  if (!profiling) {
    return (
      <section aria-labelledby="variants-heading">
        <h2 id="variants-heading" className="text-xl font-bold">
          Варианты и профилирование
        </h2>
        <p className="mt-2 max-w-prose text-slate-700">
          У услуги один вариант: все заявители заполняют одну форму и проходят одни процедуры. Если регламент описывает
          варианты предоставления услуги (по постановлению Правительства РФ от 20.07.2021 № 1228), добавьте вопросы,
          которые заявитель ответит о себе, и варианты, к которым ведут ответы.
        </p>
        {readOnly ? null : (
          <button
            type="button"
            className={`${button} mt-3`}
            onClick={() => change("Добавлены варианты услуги", (d) => void (d.profiling = starterProfiling()))}
          >
            Добавить варианты и вопросы
          </button>
        )}
      </section>
    );
  }

  const edit = (label: string, mutate: (p: Profiling, d: RegulationDocument) => void) =>
    change(label, (d) => mutate(d.profiling!, d));
  const table = combinations(doc);

  return (
    <section aria-labelledby="variants-heading" className="space-y-8">
      <div>
        <h2 id="variants-heading" className="text-xl font-bold">
          Варианты и профилирование
        </h2>
        <p className="mt-2 max-w-prose text-slate-700">
          Заявитель сначала отвечает на вопросы, и каждое сочетание ответов ведёт ровно к одному варианту. Какие поля,
          документы, этапы, переходы и основания относятся к варианту, отмечается в соответствующих разделах («Варианты
          услуги» у элемента).
        </p>
        {own.length ? (
          <p className="mt-2 font-semibold text-red-800" role="status">
            Проблем в вариантах: {own.length}
          </p>
        ) : null}
      </div>

      <section aria-labelledby="questions-heading">
        <h3 id="questions-heading" className="text-lg font-semibold">
          Вопросы заявителю
        </h3>
        <Problems problems={problems} path="profiling.questions" />
        <ol className="mt-3 space-y-4">
          {profiling.questions.map((q, qi) => {
            const at = `profiling.questions.${qi}`;
            return (
              <li key={qi} id={editorId(at)} className="rounded border border-slate-300 bg-white p-4">
                <div className="grid gap-3 sm:grid-cols-3">
                  <TextInput
                    path={`${at}.label`}
                    label={`Вопрос ${qi + 1}`}
                    value={q.label}
                    disabled={readOnly}
                    problems={problems}
                    onChange={(v) => edit("Изменён вопрос", (p) => void (p.questions[qi]!.label = v))}
                  />
                  <TextInput
                    path={`${at}.key`}
                    label="Код вопроса"
                    hint="латиница, цифры и _"
                    value={q.key}
                    disabled={readOnly}
                    problems={problems}
                    onChange={(v) =>
                      edit("Изменён код вопроса", (p) => {
                        const old = p.questions[qi]!.key;
                        p.questions[qi]!.key = v;
                        for (const variant of p.variants) {
                          if (old in variant.when) {
                            variant.when[v] = variant.when[old]!;
                            delete variant.when[old];
                          }
                        }
                      })
                    }
                  />
                  <TextInput
                    path={`${at}.hint`}
                    label="Подсказка"
                    value={q.hint ?? ""}
                    disabled={readOnly}
                    problems={problems}
                    onChange={(v) =>
                      edit("Изменена подсказка вопроса", (p) => {
                        if (v) p.questions[qi]!.hint = v;
                        else delete p.questions[qi]!.hint;
                      })
                    }
                  />
                </div>
                <fieldset className="mt-3">
                  <legend className="text-sm font-semibold">Ответы</legend>
                  <Problems problems={problems} path={`${at}.options`} />
                  <ul className="mt-1 space-y-2">
                    {q.options.map((o, oi) => (
                      <li key={oi} className="grid items-end gap-3 sm:grid-cols-[1fr_1fr_auto]">
                        <TextInput
                          path={`${at}.options.${oi}.label`}
                          label={`Ответ ${oi + 1}`}
                          value={o.label}
                          disabled={readOnly}
                          problems={problems}
                          onChange={(v) => edit("Изменён ответ", (p) => void (p.questions[qi]!.options[oi]!.label = v))}
                        />
                        <TextInput
                          path={`${at}.options.${oi}.value`}
                          label={`Код ответа ${oi + 1}`}
                          value={o.value}
                          disabled={readOnly}
                          problems={problems}
                          onChange={(v) =>
                            edit("Изменён код ответа", (p) => {
                              const question = p.questions[qi]!;
                              const old = question.options[oi]!.value;
                              question.options[oi]!.value = v;
                              for (const variant of p.variants) {
                                const chosen = variant.when[question.key];
                                if (chosen) variant.when[question.key] = chosen.map((x) => (x === old ? v : x));
                              }
                            })
                          }
                        />
                        {readOnly ? null : (
                          <button
                            type="button"
                            className={button}
                            disabled={q.options.length <= 2}
                            onClick={() =>
                              edit(`Удалён ответ «${o.label}»`, (p) => {
                                const question = p.questions[qi]!;
                                const [gone] = question.options.splice(oi, 1);
                                for (const variant of p.variants) {
                                  const chosen = variant.when[question.key];
                                  if (chosen) variant.when[question.key] = chosen.filter((x) => x !== gone!.value);
                                }
                              })
                            }
                          >
                            Удалить ответ {oi + 1}
                          </button>
                        )}
                      </li>
                    ))}
                  </ul>
                </fieldset>
                {readOnly ? null : (
                  <div className="mt-3 flex flex-wrap gap-2">
                    <button
                      type="button"
                      className={button}
                      onClick={() =>
                        edit("Добавлен ответ", (p) => {
                          const question = p.questions[qi]!;
                          const value = freeCode(
                            "answer",
                            question.options.map((x) => x.value),
                          );
                          question.options.push({ value, label: "Новый ответ" });
                        })
                      }
                    >
                      Добавить ответ
                    </button>
                    <button
                      type="button"
                      className={button}
                      disabled={profiling.questions.length <= 1}
                      onClick={() =>
                        edit(`Удалён вопрос «${q.label}»`, (p) => {
                          const [gone] = p.questions.splice(qi, 1);
                          for (const variant of p.variants) delete variant.when[gone!.key];
                        })
                      }
                    >
                      Удалить вопрос {qi + 1}
                    </button>
                  </div>
                )}
              </li>
            );
          })}
        </ol>
        {readOnly ? null : (
          <button
            type="button"
            className={`${button} mt-3`}
            onClick={() =>
              edit("Добавлен вопрос", (p) =>
                p.questions.push({
                  key: freeCode(
                    "question",
                    p.questions.map((x) => x.key),
                  ),
                  label: "Новый вопрос",
                  options: [
                    { value: "yes", label: "Да" },
                    { value: "no", label: "Нет" },
                  ],
                }),
              )
            }
          >
            Добавить вопрос
          </button>
        )}
      </section>

      <section aria-labelledby="variant-list-heading">
        <h3 id="variant-list-heading" className="text-lg font-semibold">
          Варианты услуги
        </h3>
        <Problems problems={problems} path="profiling.variants" />
        <ol className="mt-3 space-y-4">
          {profiling.variants.map((v, vi) => {
            const at = `profiling.variants.${vi}`;
            return (
              <li key={vi} id={editorId(at)} className="rounded border border-slate-300 bg-white p-4">
                <Problems problems={problems} path={at} />
                <div className="grid gap-3 sm:grid-cols-2">
                  <TextInput
                    path={`${at}.title`}
                    label={`Вариант ${vi + 1}: название`}
                    value={v.title}
                    disabled={readOnly}
                    problems={problems}
                    onChange={(x) => edit("Изменено название варианта", (p) => void (p.variants[vi]!.title = x))}
                  />
                  <TextInput
                    path={`${at}.code`}
                    label="Код варианта"
                    hint="латиница, цифры и _; отметки элементов следуют за кодом"
                    value={v.code}
                    disabled={readOnly}
                    problems={problems}
                    onChange={(x) =>
                      edit("Изменён код варианта", (p, d) => {
                        const old = p.variants[vi]!.code;
                        p.variants[vi]!.code = x;
                        retagVariant(d, old, x);
                      })
                    }
                  />
                </div>
                <div className="mt-3">
                  <label htmlFor={editorId(`${at}.description`)} className="block text-sm font-semibold">
                    Описание для заявителя
                  </label>
                  <textarea
                    id={editorId(`${at}.description`)}
                    className={input}
                    rows={2}
                    value={v.description ?? ""}
                    disabled={readOnly}
                    onChange={(e) =>
                      edit("Изменено описание варианта", (p) => {
                        if (e.target.value) p.variants[vi]!.description = e.target.value;
                        else delete p.variants[vi]!.description;
                      })
                    }
                  />
                </div>
                <div className="mt-3 space-y-3" id={editorId(`${at}.when`)}>
                  <Problems problems={problems} path={`${at}.when`} />
                  {profiling.questions.map((q) => {
                    const chosen = v.when[q.key];
                    const groupId = editorId(`${at}.when.${q.key}`);
                    return (
                      <fieldset key={q.key} id={groupId} className="rounded border border-slate-200 p-3">
                        <legend className="px-1 text-sm font-semibold">К варианту ведут ответы на «{q.label}»</legend>
                        <div className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
                          <label className="flex items-center gap-2">
                            <input
                              type="checkbox"
                              id={`${groupId}-any`}
                              checked={chosen === undefined}
                              disabled={readOnly}
                              onChange={(e) =>
                                edit("Изменены условия варианта", (p) => {
                                  if (e.target.checked) delete p.variants[vi]!.when[q.key];
                                  else p.variants[vi]!.when[q.key] = q.options.map((o) => o.value);
                                })
                              }
                            />
                            Любой ответ
                          </label>
                          {q.options.map((o) => (
                            <label key={o.value} className="flex items-center gap-2">
                              <input
                                type="checkbox"
                                id={`${groupId}-${o.value}`}
                                checked={chosen === undefined || chosen.includes(o.value)}
                                disabled={readOnly || chosen === undefined}
                                onChange={(e) =>
                                  edit("Изменены условия варианта", (p) => {
                                    const current = p.variants[vi]!.when[q.key] ?? [];
                                    p.variants[vi]!.when[q.key] = e.target.checked
                                      ? q.options
                                          .map((x) => x.value)
                                          .filter((x) => x === o.value || current.includes(x))
                                      : current.filter((x) => x !== o.value);
                                  })
                                }
                              />
                              {o.label}
                            </label>
                          ))}
                        </div>
                        <Problems problems={problems} path={`${at}.when.${q.key}`} />
                      </fieldset>
                    );
                  })}
                </div>
                <VariantTerm
                  at={at}
                  term={v.term}
                  passportTerm={doc.passport.term}
                  readOnly={readOnly}
                  problems={problems}
                  onChange={(term) =>
                    edit("Изменён срок варианта", (p) => {
                      if (term) p.variants[vi]!.term = term;
                      else delete p.variants[vi]!.term;
                    })
                  }
                />
                {readOnly ? null : (
                  <button
                    type="button"
                    className={`${button} mt-3`}
                    disabled={profiling.variants.length <= 1}
                    onClick={() =>
                      edit(`Удалён вариант «${v.title}»`, (p, d) => {
                        const [gone] = p.variants.splice(vi, 1);
                        retagVariant(d, gone!.code, null);
                      })
                    }
                  >
                    Удалить вариант {vi + 1}
                  </button>
                )}
              </li>
            );
          })}
        </ol>
        {readOnly ? null : (
          <div className="mt-3 flex flex-wrap gap-2">
            <button
              type="button"
              className={button}
              onClick={() =>
                edit("Добавлен вариант", (p) =>
                  p.variants.push({
                    code: freeCode(
                      "variant",
                      p.variants.map((x) => x.code),
                    ),
                    title: "Новый вариант",
                    when: Object.fromEntries(p.questions.map((q) => [q.key, []])),
                  }),
                )
              }
            >
              Добавить вариант
            </button>
            <button
              type="button"
              className={button}
              onClick={() => change("Варианты услуги убраны", (d) => removeProfiling(d))}
            >
              Убрать варианты (одна форма для всех)
            </button>
          </div>
        )}
      </section>

      <section aria-labelledby="combinations-heading">
        <h3 id="combinations-heading" className="text-lg font-semibold">
          Сочетания ответов и варианты
        </h3>
        {table.total > MAX_COMBINATIONS ? (
          <p className="mt-2 font-semibold text-red-800">
            Сочетаний ответов {table.total}: таблица строится не больше чем для {MAX_COMBINATIONS}.
          </p>
        ) : (
          <div className="mt-2 overflow-x-auto">
            <table className="min-w-full border-collapse text-sm">
              <caption className="sr-only">Каждое сочетание ответов и вариант, к которому оно ведёт</caption>
              <thead>
                <tr>
                  {profiling.questions.map((q) => (
                    <th key={q.key} scope="col" className="border border-slate-300 bg-slate-50 px-2 py-1 text-left">
                      {q.label}
                    </th>
                  ))}
                  <th scope="col" className="border border-slate-300 bg-slate-50 px-2 py-1 text-left">
                    Вариант
                  </th>
                </tr>
              </thead>
              <tbody>
                {table.rows.map((row, ri) => {
                  const ok = row.variants.length === 1;
                  const titles = row.variants.map((c) => profiling.variants.find((v) => v.code === c)?.title ?? c);
                  return (
                    <tr key={ri} className={ok ? undefined : "bg-red-50"} data-testid="combination">
                      {profiling.questions.map((q) => (
                        <td key={q.key} className="border border-slate-300 px-2 py-1">
                          {q.options.find((o) => o.value === row.answers[q.key])?.label}
                        </td>
                      ))}
                      <td className="border border-slate-300 px-2 py-1">
                        {ok ? (
                          titles[0]
                        ) : (
                          <span className="font-semibold text-red-800">
                            {row.variants.length
                              ? `Ведёт к нескольким вариантам: ${titles.join(", ")}`
                              : "Не ведёт ни к одному варианту"}
                            <span className="sr-only"> ({describeAnswers(doc, row.answers)})</span>
                          </span>
                        )}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </section>
  );
}

const UNITS: Duration["unit"][] = ["working_days", "calendar_days", "working_minutes"];

function VariantTerm(props: {
  at: string;
  term: Duration | undefined;
  passportTerm: Duration;
  readOnly: boolean;
  problems: SectionProps["problems"];
  onChange: (term: Duration | undefined) => void;
}) {
  const { at, term } = props;
  const own = term !== undefined;
  return (
    <fieldset className="mt-3 rounded border border-slate-200 p-3" id={editorId(`${at}.term`)}>
      <legend className="px-1 text-sm font-semibold">Срок предоставления услуги в этом варианте</legend>
      <label className="flex items-center gap-2 text-sm">
        <input
          type="checkbox"
          id={`${editorId(`${at}.term`)}-own`}
          checked={own}
          disabled={props.readOnly}
          onChange={(e) =>
            props.onChange(
              e.target.checked ? { value: props.passportTerm.value, unit: props.passportTerm.unit } : undefined,
            )
          }
        />
        Свой срок (иначе — общий срок из паспорта услуги)
      </label>
      {term ? (
        <div className="mt-2 grid max-w-md grid-cols-2 gap-3">
          <div>
            <label htmlFor={editorId(`${at}.term.value`)} className="block text-sm">
              Срок
            </label>
            <input
              id={editorId(`${at}.term.value`)}
              type="number"
              min={1}
              className={input}
              value={term.value}
              disabled={props.readOnly}
              onChange={(e) => props.onChange({ ...term, value: Math.trunc(Number(e.target.value) || 0) })}
            />
          </div>
          <div>
            <label htmlFor={editorId(`${at}.term.unit`)} className="block text-sm">
              Единица
            </label>
            <select
              id={editorId(`${at}.term.unit`)}
              className={input}
              value={term.unit}
              disabled={props.readOnly}
              onChange={(e) => props.onChange({ ...term, unit: e.target.value as Duration["unit"] })}
            >
              {UNITS.map((u) => (
                <option key={u} value={u}>
                  {DURATION_UNIT_LABEL[u][2]}
                </option>
              ))}
            </select>
          </div>
        </div>
      ) : null}
      <Problems problems={props.problems} path={`${at}.term.value`} />
    </fieldset>
  );
}
