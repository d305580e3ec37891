// Variants of a regulation and the applicant's profiling (issue 10 p.8). Regulations written under
// Government Decree No. 1228 of 20.07.2021 describe a service as variants: the applicant answers
// questions about their features, each combination of answers leads to exactly one variant, and a
// variant has its own documents, form, grounds, procedures and term.
//
// The regulation document keeps every variant in one place: list elements carry `variants` (absent:
// in every variant). Readers never see the tags: `documentForVariant` projects the document onto one
// variant, a plain regulation document like the seeds', so the form renderer, the state machine, the
// board and the documents work on it unchanged. A regulation without profiling is one implicit
// variant and its projection is itself. Client-safe (no server imports): the editor and the
// applicant's profiling page use it too.
import type { DocumentProblem, FieldDef, Profiling, RegulationDocument, StepDef } from "./document";

/** The applicant's answers: question key → the value of the chosen option. */
export type Answers = Record<string, string>;
export type VariantDef = Profiling["variants"][number];
export type QuestionDef = Profiling["questions"][number];

/** The editor refuses a table larger than this: nobody can review it, and every row is checked. */
export const MAX_COMBINATIONS = 256;

const belongs = (tags: string[] | undefined, code: string) => !tags || tags.includes(code);

type Tagged = { variants?: string[] };

/**
 * The projection of a document onto one variant, with where each kept element came from: projected
 * path → original path (`stages.1` → `stages.2` when the first stage belongs to another variant), so a
 * problem found in the projection points into the document the administrator edits.
 */
export function projectWithOrigins(
  doc: RegulationDocument,
  code: string,
): { document: RegulationDocument; origin: Map<string, string> } {
  const origin = new Map<string, string>();
  function keep<T extends Tagged>(
    list: T[],
    from: string,
    to: string,
    inner?: (item: T, from: string, to: string) => T,
  ) {
    const out: T[] = [];
    list.forEach((item, i) => {
      if (!belongs(item.variants, code)) return;
      const p = `${to}.${out.length}`;
      const o = `${from}.${i}`;
      if (p !== o) origin.set(p, o);
      const rest = { ...item };
      delete rest.variants;
      out.push(inner ? inner(rest, o, p) : rest);
    });
    return out;
  }
  const fields = (list: FieldDef[], from: string, to: string): FieldDef[] =>
    keep(list, from, to, (f, o, p) =>
      f.fields ? { ...f, fields: fields(f.fields, `${o}.fields`, `${p}.fields`) } : f,
    );
  const steps = keep<StepDef>(doc.form.steps, "form.steps", "form.steps", (s, o, p) => ({
    ...s,
    fields: fields(s.fields, `${o}.fields`, `${p}.fields`),
  }));
  const variantIndex = doc.profiling?.variants.findIndex((v) => v.code === code) ?? -1;
  const variant = doc.profiling?.variants[variantIndex];
  if (variant?.term) origin.set("passport.term", `profiling.variants.${variantIndex}.term`);
  const out: RegulationDocument = {
    ...doc,
    passport: {
      ...doc.passport,
      documents: keep(doc.passport.documents, "passport.documents", "passport.documents"),
      term: variant?.term ? { ...variant.term } : doc.passport.term,
    },
    form: { ...doc.form, steps },
    stages: keep(doc.stages, "stages", "stages"),
    transitions: keep(doc.transitions, "transitions", "transitions"),
    serviceRefusalGrounds: keep(doc.serviceRefusalGrounds, "serviceRefusalGrounds", "serviceRefusalGrounds"),
    intakeRefusalGrounds: keep(doc.intakeRefusalGrounds, "intakeRefusalGrounds", "intakeRefusalGrounds"),
    resultTypes: keep(doc.resultTypes, "resultTypes", "resultTypes"),
    interagencyRequestTypes: keep(doc.interagencyRequestTypes, "interagencyRequestTypes", "interagencyRequestTypes"),
  };
  delete out.profiling;
  return { document: out, origin };
}

/**
 * What every reader of an application gets: the document of the application's variant, without the
 * profiling and the tags, the term of the variant where it has one. A regulation without profiling
 * (or no variant code) is returned as it is.
 */
export function documentForVariant(doc: RegulationDocument, code: string | null | undefined): RegulationDocument {
  if (!doc.profiling || !code) return doc;
  return projectWithOrigins(doc, code).document;
}

/** The variant definition of a code, if the regulation has it. */
export function variantDef(doc: RegulationDocument, code: string | null | undefined): VariantDef | undefined {
  return code ? doc.profiling?.variants.find((v) => v.code === code) : undefined;
}

/** The variants a full set of answers leads to (a valid regulation gives exactly one). */
function variantsFor(profiling: Pick<ProfilingShape, "variants">, answers: Answers): string[] {
  return profiling.variants
    .filter((v) => Object.entries(v.when).every(([q, values]) => values.includes(answers[q] ?? "")))
    .map((v) => v.code);
}

/** What choosing a variant needs of the profiling: the questions' options and the variants' `when`. */
type ProfilingShape = {
  questions: { key: string; options: { value: string }[] }[];
  variants: { code: string; when: Record<string, string[]> }[];
};

/**
 * The variant the applicant's answers lead to: null when an answer is missing or not one of the
 * question's options, or the answers lead nowhere or to two variants. Client-safe: the profiling page
 * names the variant as the applicant answers.
 */
export function matchVariant(profiling: ProfilingShape, answers: Answers): string | null {
  for (const q of profiling.questions) {
    if (!q.options.some((o) => o.value === answers[q.key])) return null;
  }
  const found = variantsFor(profiling, answers);
  return found.length === 1 ? found[0]! : null;
}

/** The variant of a regulation the answers lead to; null also for a regulation without profiling. */
export function variantFor(doc: RegulationDocument, answers: Answers): string | null {
  return doc.profiling ? matchVariant(doc.profiling, answers) : null;
}

export type Combination = { answers: Answers; variants: string[] };

/**
 * The table of the editor: every combination of answers (the cartesian product of the questions'
 * options) with the variants it leads to. `total` is the number of combinations; above
 * MAX_COMBINATIONS the rows are not built.
 */
export function combinations(doc: RegulationDocument): { total: number; rows: Combination[] } {
  const profiling = doc.profiling;
  if (!profiling) return { total: 0, rows: [] };
  const total = profiling.questions.reduce((n, q) => n * Math.max(q.options.length, 1), 1);
  if (total > MAX_COMBINATIONS) return { total, rows: [] };
  let partial: Answers[] = [{}];
  for (const q of profiling.questions) {
    partial = partial.flatMap((a) => q.options.map((o) => ({ ...a, [q.key]: o.value })));
  }
  return { total, rows: partial.map((answers) => ({ answers, variants: variantsFor(profiling, answers) })) };
}

/** «Заявитель: представитель; Результат: копия». */
export function describeAnswers(doc: RegulationDocument, answers: Answers): string {
  return (doc.profiling?.questions ?? [])
    .map((q) => `${q.label}: ${q.options.find((o) => o.value === answers[q.key])?.label ?? "—"}`)
    .join("; ");
}

/** Every list whose elements may carry variant tags, with its path; fields are walked with their nesting. */
function taggedElements(doc: RegulationDocument): { path: string; tags: string[] | undefined }[] {
  const out: { path: string; tags: string[] | undefined }[] = [];
  const list = (items: Tagged[], path: string) =>
    items.forEach((t, i) => out.push({ path: `${path}.${i}`, tags: t.variants }));
  const fields = (items: FieldDef[], path: string) =>
    items.forEach((f, i) => {
      out.push({ path: `${path}.${i}`, tags: f.variants });
      if (f.fields) fields(f.fields, `${path}.${i}.fields`);
    });
  doc.form.steps.forEach((s, i) => {
    out.push({ path: `form.steps.${i}`, tags: s.variants });
    fields(s.fields, `form.steps.${i}.fields`);
  });
  list(doc.passport.documents, "passport.documents");
  list(doc.serviceRefusalGrounds, "serviceRefusalGrounds");
  list(doc.intakeRefusalGrounds, "intakeRefusalGrounds");
  list(doc.stages, "stages");
  list(doc.transitions, "transitions");
  list(doc.resultTypes, "resultTypes");
  list(doc.interagencyRequestTypes, "interagencyRequestTypes");
  return out;
}

/** A projected path as a path of the original document: the longest prefix that has an origin. */
function originalPath(path: string, origin: Map<string, string>): string {
  const parts = path.split(".");
  for (let n = parts.length; n > 0; n--) {
    const prefix = parts.slice(0, n).join(".");
    const found = origin.get(prefix);
    if (found) return [found, ...parts.slice(n)].join(".");
  }
  return path;
}

/**
 * The problems of a regulation with profiling, in Russian with their paths: duplicate question keys,
 * answers and variant codes; a `when` naming an unknown question or answer; a tag naming an unknown
 * variant; every combination of answers leading to no variant or to two; a variant no combination
 * leads to; and each variant's own document checked by `check` (the checks of a regulation without
 * variants), prefixed with the variant's title and pointing into the original document. A problem
 * every variant has is reported once, without a prefix.
 */
export function profilingProblems(
  doc: RegulationDocument,
  check: (doc: RegulationDocument) => DocumentProblem[],
): DocumentProblem[] {
  const profiling = doc.profiling;
  if (!profiling) return check(doc);
  const problems: DocumentProblem[] = [];
  const add = (path: string, message: string) => problems.push({ path, message });

  const questionKeys = new Map<string, Set<string>>();
  profiling.questions.forEach((q, qi) => {
    if (questionKeys.has(q.key)) add(`profiling.questions.${qi}.key`, `Вопрос «${q.key}» повторяется`);
    const values = new Set<string>();
    q.options.forEach((o, oi) => {
      if (values.has(o.value))
        add(`profiling.questions.${qi}.options.${oi}.value`, `Ответ «${o.value}» вопроса «${q.label}» повторяется`);
      values.add(o.value);
    });
    if (!questionKeys.has(q.key)) questionKeys.set(q.key, values);
  });
  const codes = new Set<string>();
  profiling.variants.forEach((v, vi) => {
    if (codes.has(v.code)) add(`profiling.variants.${vi}.code`, `Вариант «${v.code}» повторяется`);
    codes.add(v.code);
    for (const [q, values] of Object.entries(v.when)) {
      const options = questionKeys.get(q);
      if (!options) {
        add(`profiling.variants.${vi}.when`, `Вариант «${v.title}» ссылается на несуществующий вопрос «${q}»`);
        continue;
      }
      const question = profiling.questions.find((x) => x.key === q)!;
      if (!values.length)
        add(
          `profiling.variants.${vi}.when.${q}`,
          `Вариант «${v.title}»: не выбран ни один ответ на вопрос «${question.label}», к варианту не ведёт ни одно сочетание`,
        );
      for (const value of values) {
        if (!options.has(value))
          add(
            `profiling.variants.${vi}.when.${q}`,
            `Вариант «${v.title}» ссылается на несуществующий ответ «${value}» вопроса «${question.label}»`,
          );
      }
    }
    if (v.term && v.term.value <= 0)
      add(`profiling.variants.${vi}.term.value`, `Срок варианта «${v.title}» должен быть положительным`);
  });
  for (const e of taggedElements(doc)) {
    if (!e.tags) continue;
    if (!e.tags.length) add(`${e.path}.variants`, "Элемент не входит ни в один вариант: отметьте хотя бы один");
    for (const t of e.tags) if (!codes.has(t)) add(`${e.path}.variants`, `Вариант «${t}» не существует`);
  }

  const table = combinations(doc);
  if (table.total > MAX_COMBINATIONS) {
    add(
      "profiling.questions",
      `Слишком много сочетаний ответов (${table.total}): допускается не больше ${MAX_COMBINATIONS}. Сократите число вопросов или ответов`,
    );
  } else {
    const reached = new Set<string>();
    for (const row of table.rows) {
      row.variants.forEach((c) => reached.add(c));
      const words = describeAnswers(doc, row.answers);
      if (!row.variants.length) add("profiling.variants", `Ответы «${words}» не ведут ни к одному варианту`);
      else if (row.variants.length > 1) {
        const titles = row.variants.map((c) => `«${profiling.variants.find((v) => v.code === c)!.title}»`);
        add("profiling.variants", `Ответы «${words}» ведут к нескольким вариантам: ${titles.join(", ")}`);
      }
    }
    profiling.variants.forEach((v, vi) => {
      if (!reached.has(v.code) && !Object.values(v.when).some((values) => !values.length))
        add(`profiling.variants.${vi}`, `К варианту «${v.title}» не ведёт ни одно сочетание ответов`);
    });
  }

  // Each variant's own document. A problem of every variant (same place, same words) is the
  // regulation's, not a variant's: reported once.
  const perVariant = profiling.variants.map((v) => {
    const { document, origin } = projectWithOrigins(doc, v.code);
    return check(document).map((p) => ({ path: originalPath(p.path, origin), message: p.message }));
  });
  const key = (p: DocumentProblem) => `${p.path}\u0000${p.message}`;
  const common = new Set(
    perVariant[0]?.map(key).filter((k) => perVariant.every((list) => list.some((p) => key(p) === k))) ?? [],
  );
  common.forEach((k) => {
    const [path, message] = k.split("\u0000");
    add(path!, message!);
  });
  perVariant.forEach((list, vi) => {
    for (const p of list)
      if (!common.has(key(p))) add(p.path, `Вариант «${profiling.variants[vi]!.title}»: ${p.message}`);
  });
  return problems;
}

/** Every element that may carry variant tags, fields of groups included (for the editor's edits). */
function taggable(doc: RegulationDocument): Tagged[] {
  const out: Tagged[] = [];
  const fields = (list: FieldDef[]) =>
    list.forEach((f) => {
      out.push(f);
      if (f.fields) fields(f.fields);
    });
  doc.form.steps.forEach((s) => {
    out.push(s);
    fields(s.fields);
  });
  out.push(
    ...doc.passport.documents,
    ...doc.serviceRefusalGrounds,
    ...doc.intakeRefusalGrounds,
    ...doc.stages,
    ...doc.transitions,
    ...doc.resultTypes,
    ...doc.interagencyRequestTypes,
  );
  return out;
}

/**
 * The editor renames a variant (`to` a code) or deletes it (`to` null) in place: every tag follows,
 * so no element is left naming a variant that is gone. An element tagged with the deleted variant
 * only keeps an empty list, which the validation names («не входит ни в один вариант»).
 */
export function retagVariant(doc: RegulationDocument, from: string, to: string | null): void {
  for (const e of taggable(doc)) {
    if (!e.variants?.includes(from)) continue;
    e.variants = to === null ? e.variants.filter((c) => c !== from) : e.variants.map((c) => (c === from ? to : c));
  }
}

/** The editor removes the profiling in place: the regulation is one variant again, every element in it. */
export function removeProfiling(doc: RegulationDocument): void {
  delete doc.profiling;
  for (const e of taggable(doc)) delete e.variants;
}
