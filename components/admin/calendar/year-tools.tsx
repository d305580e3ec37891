"use client";
// One day's edit, a year's import from a file and its export (issue 11). The checks are the server's
// (server/calendar/schema.ts); a refused file names its line and nothing is written.
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { DAY_KINDS, DAY_KIND_LABEL, setDaySchema, type SetDayInput } from "@/server/calendar/schema";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { classifyRequestError } from "@/components/form/request-errors";
import { useTRPC } from "@/components/trpc-provider";

function Outcome({ failure, status }: { failure: string | null; status: string }) {
  return (
    <>
      {failure ? (
        <p role="alert" className="mt-2 text-sm font-medium text-red-800">
          {failure}
        </p>
      ) : null}
      <p role="status" aria-live="polite" className="mt-2 text-sm text-green-900">
        {status}
      </p>
    </>
  );
}

export function DayForm({ year }: { year: number }) {
  const trpc = useTRPC();
  const router = useRouter();
  const mutation = useMutation(trpc.calendar.setDay.mutationOptions());
  const [status, setStatus] = useState("");
  const [failure, setFailure] = useState<string | null>(null);
  const { register, handleSubmit, formState, setError } = useForm<SetDayInput>({
    resolver: zodResolver(setDaySchema),
    defaultValues: { date: `${year}-01-01`, kind: "working", note: "" },
  });
  const onSubmit = handleSubmit(async (input) => {
    setFailure(null);
    setStatus("");
    if (input.date.slice(0, 4) !== String(year)) {
      setError("date", { message: `Дата должна относиться к ${year} году` });
      return;
    }
    try {
      const r = await mutation.mutateAsync(input);
      setStatus(
        `День ${input.date.split("-").reverse().join(".")} изменён. Пересчитаны сроки заявлений: ${r.recomputed}.`,
      );
      router.refresh();
    } catch (e) {
      const f = classifyRequestError(e);
      const field = Object.entries(f.kind === "invalid" ? f.fieldErrors : {})[0];
      if (field) setError(field[0] as keyof SetDayInput, { message: field[1] });
      else setFailure(`День не изменён: ${f.message}`);
    }
  });
  return (
    <form onSubmit={onSubmit} noValidate className="mt-2">
      <div className="flex flex-wrap items-end gap-3">
        <FormField id="day-date" label="Дата" error={formState.errors.date?.message} required width="w-44">
          {(c) => <input type="date" min={`${year}-01-01`} max={`${year}-12-31`} {...c} {...register("date")} />}
        </FormField>
        <FormField id="day-kind" label="Вид дня" error={formState.errors.kind?.message} required width="w-80">
          {(c) => (
            <select {...c} {...register("kind")}>
              {DAY_KINDS.map((k) => (
                <option key={k} value={k}>
                  {DAY_KIND_LABEL[k]}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <FormField id="day-note" label="Примечание (основание)" error={formState.errors.note?.message} width="w-96">
          {(c) => <input type="text" {...c} {...register("note")} />}
        </FormField>
      </div>
      <Button type="submit" className="mt-3" disabled={mutation.isPending}>
        Сохранить день
      </Button>
      <Outcome failure={failure} status={status} />
    </form>
  );
}

export function ImportForm({ year }: { year: number }) {
  const trpc = useTRPC();
  const router = useRouter();
  const mutation = useMutation(trpc.calendar.importYear.mutationOptions());
  const [status, setStatus] = useState("");
  const [failure, setFailure] = useState<string | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});

  const onSubmit = async (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setFailure(null);
    setStatus("");
    setErrors({});
    const data = new FormData(event.currentTarget);
    const file = data.get("file");
    if (!(file instanceof File) || file.size === 0) {
      setErrors({ content: "Выберите файл" });
      return;
    }
    try {
      const r = await mutation.mutateAsync({
        year,
        content: await file.text(),
        decreeNumber: String(data.get("decreeNumber") ?? ""),
        decreeDate: String(data.get("decreeDate") ?? ""),
      });
      setStatus(`Календарь ${year} года загружен из файла. Пересчитаны сроки заявлений: ${r.recomputed}.`);
      router.refresh();
    } catch (e) {
      const f = classifyRequestError(e);
      if (f.kind === "invalid" && Object.keys(f.fieldErrors).length) setErrors(f.fieldErrors);
      else setFailure(`Файл не загружен: ${f.message}`);
    }
  };
  return (
    <form onSubmit={onSubmit} noValidate className="mt-2">
      <FormField
        id="import-file"
        label="Файл календаря"
        hint="CSV со строками «дата,вид[,примечание]» (вид: working, shortened, weekend, holiday, transferred_off, transferred_working или их русские названия) либо JSON, выгруженный кнопкой «Выгрузить год»; в файле должен быть весь год."
        error={errors.content}
        required
      >
        {(c) => <input type="file" name="file" accept=".csv,.json,text/csv,application/json" {...c} />}
      </FormField>
      <div className="mt-2 flex flex-wrap gap-3">
        <FormField
          id="import-decree-number"
          label="Номер постановления (если год официальный)"
          error={errors.decreeNumber}
          width="w-40"
        >
          {(c) => <input type="text" name="decreeNumber" {...c} />}
        </FormField>
        <FormField id="import-decree-date" label="Дата постановления" error={errors.decreeDate} width="w-44">
          {(c) => <input type="date" name="decreeDate" {...c} />}
        </FormField>
      </div>
      <Button type="submit" className="mt-3" disabled={mutation.isPending}>
        Загрузить файл
      </Button>
      <Outcome failure={failure} status={status} />
    </form>
  );
}

export function ExportButton({ year }: { year: number }) {
  const trpc = useTRPC();
  const client = useQueryClient();
  const [failure, setFailure] = useState<string | null>(null);
  const download = async () => {
    setFailure(null);
    try {
      const data = await client.fetchQuery(trpc.calendar.exportYear.queryOptions({ year }, { staleTime: 0 }));
      const url = URL.createObjectURL(new Blob([JSON.stringify(data, null, 2)], { type: "application/json" }));
      const a = document.createElement("a");
      a.href = url;
      a.download = `calendar-${year}.json`;
      a.click();
      URL.revokeObjectURL(url);
    } catch (e) {
      setFailure(`Не удалось выгрузить год: ${classifyRequestError(e).message}`);
    }
  };
  return (
    <>
      <Button kind="secondary" onClick={download}>
        Выгрузить год (JSON)
      </Button>
      {failure ? (
        <p role="alert" className="mt-2 text-sm font-medium text-red-800">
          {failure}
        </p>
      ) : null}
    </>
  );
}
