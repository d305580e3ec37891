"use client";
// The decree on transferring days off of one year (issue 11): number and date, the transfers, extra
// holidays and shortened days, with the preview of the resulting year beside the current one. The
// preview is the very function the server saves with (server/calendar/schema.ts buildDecreeYear).
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useMemo, useState } from "react";
import { useFieldArray, useForm, useWatch, type FieldPath } from "react-hook-form";
import { buildDecreeYear, decreeSchema, summarizeYear, type DecreeInput } from "@/server/calendar/schema";
import type { CalendarDay } from "@/server/calendar/types";
import { Button } from "@/components/ui/button";
import { ErrorSummary } from "@/components/ui/error-summary";
import { FormField } from "@/components/ui/form-field";
import { classifyRequestError } from "@/components/form/request-errors";
import { useTRPC } from "@/components/trpc-provider";
import { YearComparison } from "./year-summary";

type Props = { year: number; current: CalendarDay[]; initial?: Partial<DecreeInput> };

const idOf = (path: string) => `decree-${path.replace(/\./g, "-")}`;

export function DecreeForm({ year, current, initial }: Props) {
  const trpc = useTRPC();
  const router = useRouter();
  const mutation = useMutation(trpc.calendar.loadDecree.mutationOptions());
  const [status, setStatus] = useState("");
  const [failure, setFailure] = useState<string | null>(null);
  const [serverErrors, setServerErrors] = useState<Record<string, string>>({});
  const [submits, setSubmits] = useState(0);
  const form = useForm<DecreeInput>({
    resolver: zodResolver(decreeSchema),
    defaultValues: {
      year,
      decreeNumber: initial?.decreeNumber ?? "",
      decreeDate: initial?.decreeDate ?? "",
      transfers: initial?.transfers ?? [{ from: "", to: "" }],
      holidays: initial?.holidays ?? [],
      shortened: initial?.shortened ?? [],
    },
  });
  const { register, control, handleSubmit, formState } = form;
  const transfers = useFieldArray({ control, name: "transfers" });
  const holidays = useFieldArray({ control, name: "holidays" });
  const shortened = useFieldArray({ control, name: "shortened" });
  const values = useWatch({ control }) as DecreeInput;

  // The preview: the year as it would be saved, once the input is complete enough to build it.
  const preview = useMemo(() => {
    const parsed = decreeSchema.safeParse({
      ...values,
      decreeNumber: values.decreeNumber || "—",
      decreeDate: values.decreeDate || `${year - 1}-01-01`,
    });
    if (!parsed.success) return null;
    return buildDecreeYear(parsed.data);
  }, [values, year]);

  const errorOf = (path: string): string | undefined => {
    const parts = path.split(".");
    let node: unknown = formState.errors;
    for (const p of parts) node = (node as Record<string, unknown> | undefined)?.[p];
    const message = (node as { message?: string } | undefined)?.message;
    return message ?? serverErrors[path] ?? (preview && !preview.ok && submits > 0 ? preview.errors[path] : undefined);
  };

  const summaryErrors = [
    ...Object.entries(serverErrors),
    ...(preview && !preview.ok && submits > 0 ? Object.entries(preview.errors) : []),
  ]
    .filter(([path], i, all) => all.findIndex(([p]) => p === path) === i)
    .map(([path, message]) => ({ target: idOf(path), message }));

  const onSubmit = handleSubmit(
    async (input) => {
      setSubmits((n) => n + 1);
      setFailure(null);
      setStatus("");
      setServerErrors({});
      const built = buildDecreeYear(input);
      if (!built.ok) return;
      try {
        const r = await mutation.mutateAsync(input);
        setStatus(
          `Постановление загружено: ${year} год больше не предварительный. Пересчитаны сроки заявлений: ${r.recomputed}.`,
        );
        router.refresh();
      } catch (e) {
        const f = classifyRequestError(e);
        if (f.kind === "invalid" && Object.keys(f.fieldErrors).length) setServerErrors(f.fieldErrors);
        else setFailure(`Постановление не загружено: ${f.message}`);
      }
    },
    () => setSubmits((n) => n + 1),
  );

  const dateInput = (path: FieldPath<DecreeInput>, label: string) => (
    <FormField id={idOf(path)} label={label} error={errorOf(path)} required width="w-44">
      {(c) => <input type="date" {...c} {...register(path)} />}
    </FormField>
  );

  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby="decree-title" className="mt-4 space-y-4">
      <ErrorSummary
        errors={[
          ...(formState.errors.decreeNumber
            ? [{ target: idOf("decreeNumber"), message: formState.errors.decreeNumber.message ?? "" }]
            : []),
          ...(formState.errors.decreeDate
            ? [{ target: idOf("decreeDate"), message: formState.errors.decreeDate.message ?? "" }]
            : []),
          ...summaryErrors,
        ]}
        focusToken={submits}
      />
      <input type="hidden" {...register("year", { valueAsNumber: true })} />
      <div className="flex flex-wrap gap-4">
        <FormField
          id={idOf("decreeNumber")}
          label="Номер постановления"
          hint="Например, 1466"
          error={errorOf("decreeNumber")}
          required
          width="w-40"
        >
          {(c) => <input type="text" {...c} {...register("decreeNumber")} />}
        </FormField>
        {dateInput("decreeDate", "Дата постановления")}
      </div>

      <fieldset className="rounded border border-slate-300 p-3">
        <legend className="px-1 font-semibold">Переносы выходных дней</legend>
        <p className="text-sm text-slate-600">
          «Перенести выходной день с субботы 2 января на пятницу 5 ноября»: с — выходной, на — рабочий день.
        </p>
        {transfers.fields.map((f, i) => (
          <div key={f.id} className="mt-2 flex flex-wrap items-end gap-3">
            {dateInput(`transfers.${i}.from`, `Перенос ${i + 1}: с`)}
            {dateInput(`transfers.${i}.to`, `Перенос ${i + 1}: на`)}
            <Button kind="link" onClick={() => transfers.remove(i)}>
              Удалить перенос {i + 1}
            </Button>
          </div>
        ))}
        <Button kind="neutral" className="mt-2" onClick={() => transfers.append({ from: "", to: "" })}>
          Добавить перенос
        </Button>
      </fieldset>

      <fieldset className="rounded border border-slate-300 p-3">
        <legend className="px-1 font-semibold">Дополнительные нерабочие праздничные дни</legend>
        {holidays.fields.map((f, i) => (
          <div key={f.id} className="mt-2 flex flex-wrap items-end gap-3">
            {dateInput(`holidays.${i}.date`, `Праздник ${i + 1}: дата`)}
            <FormField
              id={idOf(`holidays.${i}.note`)}
              label={`Праздник ${i + 1}: название`}
              error={errorOf(`holidays.${i}.note`)}
              width="w-72"
            >
              {(c) => <input type="text" {...c} {...register(`holidays.${i}.note`)} />}
            </FormField>
            <Button kind="link" onClick={() => holidays.remove(i)}>
              Удалить праздник {i + 1}
            </Button>
          </div>
        ))}
        <Button kind="neutral" className="mt-2" onClick={() => holidays.append({ date: "", note: "" })}>
          Добавить праздничный день
        </Button>
      </fieldset>

      <fieldset className="rounded border border-slate-300 p-3">
        <legend className="px-1 font-semibold">Дополнительные сокращённые дни</legend>
        <p className="text-sm text-slate-600">
          Дни перед праздниками сокращаются сами (ст. 95 ТК РФ); здесь — только особые случаи.
        </p>
        {shortened.fields.map((f, i) => (
          <div key={f.id} className="mt-2 flex flex-wrap items-end gap-3">
            {dateInput(`shortened.${i}.date`, `Сокращённый день ${i + 1}`)}
            <Button kind="link" onClick={() => shortened.remove(i)}>
              Удалить сокращённый день {i + 1}
            </Button>
          </div>
        ))}
        <Button kind="neutral" className="mt-2" onClick={() => shortened.append({ date: "" })}>
          Добавить сокращённый день
        </Button>
      </fieldset>

      <section aria-labelledby="preview-title" className="rounded border border-slate-300 bg-slate-50 p-3">
        <h3 id="preview-title" className="font-semibold">
          Предпросмотр {year} года
        </h3>
        {preview?.ok ? (
          <YearComparison
            caption={`Рабочие дни и часы ${year} года: сейчас и после загрузки постановления`}
            before={summarizeYear(current)}
            after={summarizeYear(preview.year.days)}
          />
        ) : preview && !preview.ok ? (
          <ul className="mt-2 list-disc pl-6 text-red-800">
            {Object.values(preview.errors).map((m) => (
              <li key={m}>{m}</li>
            ))}
          </ul>
        ) : (
          <p className="mt-2 text-sm text-slate-600">Заполните даты переносов, чтобы увидеть год.</p>
        )}
      </section>

      <Button type="submit" disabled={mutation.isPending}>
        Загрузить постановление
      </Button>
      {failure ? (
        <p role="alert" className="text-sm font-medium text-red-800">
          {failure}
        </p>
      ) : null}
      <p role="status" aria-live="polite" className="text-sm text-green-900">
        {status}
      </p>
    </form>
  );
}
