"use client";
// The passport of the service (issue 10 p.2, R8): what the catalogue and the applicant read about
// it — name, authority, applicants, legal basis, fee, terms, indicators, appeal, the exhaustive
// document list, typo correction. Every control edits one path of `passport` and carries its id.
import { VariantTags } from "./variant-tags";
import {
  CHANNELS,
  CHANNEL_LABEL,
  type Duration,
  type Passport,
  type RegulationDocument,
} from "@/server/regulation/document";
import { DurationInput } from "./controls/duration-input";
import { CheckboxRow, Group, NumberRow, SelectRow, TextRow, optionalText } from "./controls/fields";
import { ListEditor, StringListEditor } from "./controls/list-editor";
import { moveItem, removeItem } from "./controls/list-ops";
import { editorId, type SectionProps } from "./section-props";

type Doc = Passport["documents"][number];

export const DOCUMENT_REQUIRED_LABEL: Record<Doc["required"], string> = {
  always: "Обязателен всегда",
  conditional: "Обязателен при условии",
  optional: "Представляется по желанию заявителя",
};
export const DOCUMENT_PROVIDER_LABEL: Record<Doc["providedBy"], string> = {
  applicant: "Представляет заявитель",
  interagency: "Запрашивается по межведомственному запросу (заявитель вправе представить сам)",
};

const ONE_DAY: Duration = { value: 1, unit: "working_days" };

export function PassportSection({ doc, change, readOnly, problems }: SectionProps) {
  const p = doc.passport;
  const edit = (label: string, mutate: (passport: Passport, draft: RegulationDocument) => void) =>
    change(label, (draft) => mutate(draft.passport, draft));
  const common = { problems, readOnly };
  const text = (
    path: string,
    label: string,
    value: string | undefined,
    set: (passport: Passport, v: string) => void,
    extra: { multiline?: boolean; required?: boolean; hint?: string; width?: string } = {},
  ) => (
    <TextRow
      {...common}
      {...extra}
      path={path}
      label={label}
      value={value}
      onChange={(v) => edit(`Изменено «${label}»`, (pp) => set(pp, v))}
    />
  );

  return (
    <div className="space-y-8">
      <section aria-labelledby="passport-main" className="space-y-3">
        <h3 id="passport-main" className="text-lg font-semibold">
          Наименование и описание
        </h3>
        {text("passport.name", "Полное наименование услуги", p.name, (pp, v) => (pp.name = v), {
          multiline: true,
          required: true,
        })}
        {text(
          "passport.shortName",
          "Краткое наименование (для каталога и писем)",
          p.shortName,
          (pp, v) => (pp.shortName = optionalText(v)),
        )}
        {text(
          "passport.numberPrefix",
          "Префикс номеров заявлений",
          p.numberPrefix,
          (pp, v) => (pp.numberPrefix = optionalText(v)?.toUpperCase()),
          {
            width: "w-40",
            hint: "2–8 заглавных букв или цифр, например АРХ: номер «АРХ-2026-00001» легко продиктовать по телефону. Без префикса — код услуги.",
          },
        )}
        {text(
          "passport.summary",
          "Краткое описание для заявителя",
          p.summary,
          (pp, v) => (pp.summary = optionalText(v)),
          {
            multiline: true,
          },
        )}
      </section>

      <Group path="passport.authority" legend="Орган, предоставляющий услугу" problems={problems}>
        {text("passport.authority.name", "Наименование органа", p.authority.name, (pp, v) => (pp.authority.name = v), {
          required: true,
        })}
        {text(
          "passport.authority.address",
          "Адрес",
          p.authority.address,
          (pp, v) => (pp.authority.address = optionalText(v)),
        )}
        {text(
          "passport.authority.phone",
          "Телефон",
          p.authority.phone,
          (pp, v) => (pp.authority.phone = optionalText(v)),
          {
            width: "w-72",
          },
        )}
        {text(
          "passport.authority.email",
          "Адрес электронной почты",
          p.authority.email,
          (pp, v) => (pp.authority.email = optionalText(v)),
          { width: "w-96" },
        )}
        {text(
          "passport.authority.schedule",
          "График работы",
          p.authority.schedule,
          (pp, v) => (pp.authority.schedule = optionalText(v)),
          { multiline: true },
        )}
        {text(
          "passport.authority.website",
          "Официальный сайт",
          p.authority.website,
          (pp, v) => (pp.authority.website = optionalText(v)),
        )}
      </Group>

      <StringListEditor
        {...common}
        path="passport.applicantCategories"
        title="Категории заявителей"
        itemNoun="Категория"
        addLabel="Добавить категорию"
        minItems={1}
        onChange={(label, mutate) => edit(label, (pp) => mutate(pp.applicantCategories))}
        items={p.applicantCategories}
      />

      <StringListEditor
        {...common}
        path="passport.legalBasis"
        title="Нормативные правовые акты, регулирующие предоставление услуги"
        itemNoun="Акт"
        addLabel="Добавить акт"
        onChange={(label, mutate) => edit(label, (pp) => mutate(pp.legalBasis))}
        items={p.legalBasis}
      />

      <Group path="passport.fee" legend="Плата за предоставление услуги" problems={problems}>
        <CheckboxRow
          {...common}
          path="passport.fee.free"
          label="Услуга предоставляется бесплатно"
          checked={p.fee.free}
          onChange={(free) =>
            edit(free ? "Услуга стала бесплатной" : "Услуга стала платной", (pp) => {
              pp.fee.free = free;
              if (free) delete pp.fee.amount;
            })
          }
        />
        {p.fee.free ? null : (
          <NumberRow
            {...common}
            path="passport.fee.amount"
            label="Размер платы, руб."
            integer={false}
            allowEmpty
            value={p.fee.amount}
            onChange={(v) => edit("Изменён размер платы", (pp) => (pp.fee.amount = v))}
          />
        )}
        {text("passport.fee.note", "Пояснение о плате", p.fee.note, (pp, v) => (pp.fee.note = optionalText(v)), {
          multiline: true,
        })}
      </Group>

      <div className="space-y-3">
        <DurationInput
          {...common}
          path="passport.term"
          legend="Общий срок предоставления услуги"
          value={p.term}
          onChange={(v) => edit("Изменён общий срок предоставления услуги", (pp) => (pp.term = { ...pp.term, ...v! }))}
        />
        {text(
          "passport.term.note",
          "Пояснение к сроку (с какого дня исчисляется, что в него включается)",
          p.term.note,
          (pp, v) => (pp.term.note = optionalText(v)),
          { multiline: true },
        )}
      </div>

      <ListEditor
        {...common}
        path="passport.registrationTerms"
        title="Сроки регистрации заявления по способам подачи"
        items={p.registrationTerms}
        itemTitle={(r) => CHANNEL_LABEL[r.channel] ?? r.channel}
        addLabel="Добавить срок регистрации"
        emptyText="Сроки регистрации не указаны."
        onAdd={() =>
          edit("Добавлен срок регистрации", (pp) => {
            const used = new Set(pp.registrationTerms.map((r) => r.channel));
            const channel = CHANNELS.find((c) => !used.has(c)) ?? "PORTAL";
            pp.registrationTerms.push({ channel, term: { value: 1, unit: "working_days" } });
          })
        }
        onRemove={(i) => edit("Удалён срок регистрации", (pp) => void removeItem(pp.registrationTerms, i))}
        onMove={(i, d) => edit("Перемещён срок регистрации", (pp) => void moveItem(pp.registrationTerms, i, d))}
        renderItem={(r, i, path) => (
          <>
            <SelectRow
              {...common}
              path={`${path}.channel`}
              label="Способ подачи заявления"
              value={r.channel}
              options={CHANNELS.map((c) => ({ value: c, label: CHANNEL_LABEL[c] }))}
              onChange={(v) =>
                edit("Изменён способ подачи в сроке регистрации", (pp) => {
                  pp.registrationTerms[i]!.channel = v as (typeof CHANNELS)[number];
                })
              }
            />
            <DurationInput
              {...common}
              path={`${path}.term`}
              legend="Срок регистрации"
              hint="0 рабочих дней — в день поступления."
              value={r.term}
              onChange={(v) => edit("Изменён срок регистрации", (pp) => (pp.registrationTerms[i]!.term = v!))}
            />
            {text(`${path}.note`, "Пояснение", r.note, (pp, v) => (pp.registrationTerms[i]!.note = optionalText(v)))}
          </>
        )}
      />

      <NumberRow
        {...common}
        path="passport.maxQueueMinutes"
        label="Максимальный срок ожидания в очереди, минут"
        hint="Оставьте пустым, если регламент его не устанавливает."
        allowEmpty
        value={p.maxQueueMinutes}
        onChange={(v) => edit("Изменён срок ожидания в очереди", (pp) => (pp.maxQueueMinutes = v))}
      />

      <NumberRow
        {...common}
        path="passport.appointment.slotMinutes"
        label="Длительность приёма по записи, минут"
        hint="Часы приёма подразделения делятся на интервалы этой длины (R18). Оставьте пустым, если запись на приём не ведётся."
        allowEmpty
        value={p.appointment?.slotMinutes}
        onChange={(v) =>
          edit("Изменена запись на приём", (pp) => {
            pp.appointment = v === undefined ? undefined : { ...pp.appointment, slotMinutes: v };
          })
        }
      />

      <StringListEditor
        {...common}
        path="passport.accessibilityIndicators"
        title="Показатели доступности услуги"
        itemNoun="Показатель"
        addLabel="Добавить показатель доступности"
        onChange={(label, mutate) => edit(label, (pp) => mutate(pp.accessibilityIndicators))}
        items={p.accessibilityIndicators}
      />
      <StringListEditor
        {...common}
        path="passport.qualityIndicators"
        title="Показатели качества услуги"
        itemNoun="Показатель"
        addLabel="Добавить показатель качества"
        onChange={(label, mutate) => edit(label, (pp) => mutate(pp.qualityIndicators))}
        items={p.qualityIndicators}
      />

      <Group path="passport.appeal" legend="Досудебный (внесудебный) порядок обжалования" problems={problems}>
        {text("passport.appeal.text", "Порядок обжалования", p.appeal.text, (pp, v) => (pp.appeal.text = v), {
          multiline: true,
          required: true,
        })}
        <DurationInput
          {...common}
          path="passport.appeal.reviewTerm"
          legend="Срок рассмотрения жалобы"
          value={p.appeal.reviewTerm}
          optional={{ label: "Срок рассмотрения жалобы установлен", fallback: { value: 15, unit: "working_days" } }}
          onChange={(v) => edit("Изменён срок рассмотрения жалобы", (pp) => (pp.appeal.reviewTerm = v))}
        />
      </Group>

      <ListEditor
        {...common}
        path="passport.documents"
        title="Исчерпывающий перечень документов"
        hint="Все документы, которые нужны для предоставления услуги: и те, что представляет заявитель, и те, что запрашиваются по межведомственным запросам."
        items={p.documents}
        itemTitle={(d, i) => (d.title.trim() ? `Документ «${d.title}»` : `Документ ${i + 1}`)}
        addLabel="Добавить документ"
        emptyText="Документы не указаны."
        onAdd={() =>
          edit("Добавлен документ", (pp) =>
            pp.documents.push({ title: "Новый документ", required: "always", providedBy: "applicant" }),
          )
        }
        onRemove={(i) => edit("Удалён документ", (pp) => void removeItem(pp.documents, i))}
        onMove={(i, d) => edit("Перемещён документ", (pp) => void moveItem(pp.documents, i, d))}
        renderItem={(d, i, path) => (
          <>
            {text(`${path}.title`, "Наименование документа", d.title, (pp, v) => (pp.documents[i]!.title = v), {
              multiline: true,
              required: true,
            })}
            <SelectRow
              {...common}
              path={`${path}.required`}
              label="Обязательность"
              value={d.required}
              options={Object.entries(DOCUMENT_REQUIRED_LABEL).map(([value, label]) => ({ value, label }))}
              onChange={(v) =>
                edit("Изменена обязательность документа", (pp) => {
                  const item = pp.documents[i]!;
                  item.required = v as Doc["required"];
                  if (item.required !== "conditional") delete item.condition;
                })
              }
            />
            {d.required === "conditional"
              ? text(
                  `${path}.condition`,
                  "Условие, при котором документ обязателен",
                  d.condition,
                  (pp, v) => (pp.documents[i]!.condition = optionalText(v)),
                  { multiline: true },
                )
              : null}
            <SelectRow
              {...common}
              path={`${path}.providedBy`}
              label="Кто представляет документ"
              value={d.providedBy}
              options={Object.entries(DOCUMENT_PROVIDER_LABEL).map(([value, label]) => ({ value, label }))}
              onChange={(v) =>
                edit(
                  "Изменено, кто представляет документ",
                  (pp) => (pp.documents[i]!.providedBy = v as Doc["providedBy"]),
                )
              }
            />
            {text(`${path}.ref`, "Пункт регламента", d.ref, (pp, v) => (pp.documents[i]!.ref = optionalText(v)), {
              width: "w-48",
            })}
            <VariantTags
              doc={doc}
              value={d.variants}
              idPrefix={editorId(path)}
              disabled={readOnly}
              onChange={(v) =>
                edit("Изменены варианты документа", (pp) => {
                  if (v) pp.documents[i]!.variants = v;
                  else delete pp.documents[i]!.variants;
                })
              }
            />
          </>
        )}
      />

      <Group
        path="passport.typoCorrection"
        legend="Исправление опечаток и ошибок в выданных документах"
        problems={problems}
      >
        <CheckboxRow
          {...common}
          path="passport.typoCorrection.set"
          id="ed-passport-typoCorrection-set"
          label="Регламент устанавливает сроки исправления опечаток"
          checked={p.typoCorrection !== undefined}
          onChange={(on) =>
            edit(on ? "Включены сроки исправления опечаток" : "Отключены сроки исправления опечаток", (pp) => {
              pp.typoCorrection = on ? { check: { ...ONE_DAY }, fix: { value: 3, unit: "working_days" } } : undefined;
            })
          }
        />
        {p.typoCorrection ? (
          <>
            <DurationInput
              {...common}
              path="passport.typoCorrection.check"
              legend="Срок проверки заявления об исправлении"
              value={p.typoCorrection.check}
              onChange={(v) =>
                edit("Изменён срок проверки заявления об исправлении", (pp) => (pp.typoCorrection!.check = v!))
              }
            />
            <DurationInput
              {...common}
              path="passport.typoCorrection.fix"
              legend="Срок исправления опечаток"
              value={p.typoCorrection.fix}
              onChange={(v) => edit("Изменён срок исправления опечаток", (pp) => (pp.typoCorrection!.fix = v!))}
            />
            {text(
              "passport.typoCorrection.ref",
              "Пункт регламента",
              p.typoCorrection.ref,
              (pp, v) => (pp.typoCorrection!.ref = optionalText(v)),
              { width: "w-48" },
            )}
          </>
        ) : null}
      </Group>

      <DurationInput
        {...common}
        path="passport.uncollectedResultAfter"
        legend="Невостребованный результат"
        hint="Через какой срок результат, не полученный лично, направляется заявителю почтой."
        value={p.uncollectedResultAfter}
        optional={{ label: "Регламент устанавливает такой срок", fallback: { value: 30, unit: "calendar_days" } }}
        onChange={(v) =>
          edit("Изменён срок хранения невостребованного результата", (pp) => (pp.uncollectedResultAfter = v))
        }
      />

      <StringListEditor
        {...common}
        path="passport.notes"
        title="Примечания"
        itemNoun="Примечание"
        addLabel="Добавить примечание"
        emptyText="Примечаний нет."
        onChange={(label, mutate) =>
          edit(label, (pp) => {
            const list = [...(pp.notes ?? [])];
            mutate(list);
            pp.notes = list.length ? list : undefined;
          })
        }
        items={p.notes ?? []}
      />
    </div>
  );
}
