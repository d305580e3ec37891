// The placeholder syntax of result document templates (issue 10 p.2), and its check. Imports nothing:
// document.ts (validateDocument) calls the check, and template.ts, which renders, imports document.ts.
//
// A template is the body text of a result document. `{{key}}` stands for the answer of a top-level
// field of the applicant's steps, by the field's key (latin, as the form editor shows it: {{purpose}});
// the built-ins are Russian words, so they can never be taken for a field key:
//   {{заявитель}}          the applicant's name (the organisation's for a legal entity, R16)
//   {{номер_регистрации}}  the application's registration number
//   {{дата_регистрации}}   its registration date («12 мая 2026 г.»)
//   {{услуга}}             the service's name
//   {{сегодня}}            the date the text is prepared
// Spaces inside the braces are allowed ({{ purpose }}). Anything else between double braces is a
// problem, as is an opening `{{` without its `}}`.

export const TEMPLATE_BUILTINS = ["заявитель", "номер_регистрации", "дата_регистрации", "услуга", "сегодня"] as const;
export type TemplateBuiltin = (typeof TEMPLATE_BUILTINS)[number];

export const TEMPLATE_BUILTIN_LABEL: Record<TemplateBuiltin, string> = {
  заявитель: "Заявитель (ФИО или наименование организации)",
  номер_регистрации: "Регистрационный номер заявления",
  дата_регистрации: "Дата регистрации заявления",
  услуга: "Наименование услуги",
  сегодня: "Дата подготовки документа",
};

export type TemplatePart = { text: string } | { placeholder: string };

/** The parts of a template, or where it is malformed (an unclosed `{{`, an empty `{{}}`). */
export function parseTemplate(template: string): { ok: true; parts: TemplatePart[] } | { ok: false; error: string } {
  const parts: TemplatePart[] = [];
  let at = 0;
  while (at < template.length) {
    const open = template.indexOf("{{", at);
    if (open < 0) {
      parts.push({ text: template.slice(at) });
      break;
    }
    if (open > at) parts.push({ text: template.slice(at, open) });
    const close = template.indexOf("}}", open + 2);
    const nextOpen = template.indexOf("{{", open + 2);
    if (close < 0 || (nextOpen >= 0 && nextOpen < close)) {
      const fragment = template.slice(open, open + 30).split("\n")[0]!;
      return { ok: false, error: `не закрыта подстановка ${fragment}${fragment.length < 30 ? "" : "…"}: добавьте }}` };
    }
    const name = template.slice(open + 2, close).trim();
    if (!name) return { ok: false, error: "пустая подстановка {{}}: укажите поле, например {{full_name}}" };
    parts.push({ placeholder: name });
    at = close + 2;
  }
  return { ok: true, parts };
}

/** The placeholders a template names, in order (empty when it is malformed). */
export function templatePlaceholders(template: string): string[] {
  const parsed = parseTemplate(template);
  return parsed.ok ? parsed.parts.flatMap((p) => ("placeholder" in p ? [p.placeholder] : [])) : [];
}

export const isBuiltin = (name: string): name is TemplateBuiltin =>
  (TEMPLATE_BUILTINS as readonly string[]).includes(name);

/**
 * What is wrong with a template, in Russian, given the keys of the fields it may name (top-level
 * fields of the applicant's steps) and the keys of fields that exist but cannot be printed (files).
 */
export function templateProblems(
  template: string,
  title: string,
  fields: { printable: ReadonlySet<string>; files: ReadonlySet<string> },
): string[] {
  const parsed = parseTemplate(template);
  if (title.length > 60) title = `${title.slice(0, 57).trimEnd()}…`;
  if (!parsed.ok) return [`В шаблоне «${title}» ${parsed.error}`];
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const part of parsed.parts) {
    if (!("placeholder" in part) || seen.has(part.placeholder)) continue;
    const name = part.placeholder;
    seen.add(name);
    if (isBuiltin(name) || fields.printable.has(name)) continue;
    if (fields.files.has(name))
      problems.push(`В шаблоне «${title}» поле {{${name}}} содержит файлы: их нельзя вставить в текст документа`);
    else problems.push(`В шаблоне «${title}» поле {{${name}}} не существует`);
  }
  return problems;
}
