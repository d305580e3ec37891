"use client";
// A department's reception hours (issue 11): the days of the week with their hours and lunch break,
// and how much earlier the office closes before a holiday. Minute deadlines (R7; S1 p.22: in person
// within 15 minutes) count these hours for applications received by the department.
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import {
  WEEKDAY_LABEL,
  defaultHours,
  departmentHoursSchema,
  type DepartmentHours,
} from "@/server/organisation/schedule";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { classifyRequestError } from "@/components/form/request-errors";
import { useTRPC } from "@/components/trpc-provider";

type Props = { departmentId: string; hours: DepartmentHours | null };

export function ScheduleForm({ departmentId, hours }: Props) {
  const trpc = useTRPC();
  const router = useRouter();
  const mutation = useMutation(trpc.schedule.save.mutationOptions());
  const [status, setStatus] = useState("");
  const [failure, setFailure] = useState<string | null>(null);
  const { register, handleSubmit, formState, setError } = useForm<DepartmentHours>({
    resolver: zodResolver(departmentHoursSchema),
    defaultValues: hours ?? defaultHours(),
  });
  const e = formState.errors;

  const save = async (value: DepartmentHours | null) => {
    setFailure(null);
    setStatus("");
    try {
      await mutation.mutateAsync({ departmentId, hours: value });
      setStatus(value ? "График приёма сохранён." : "График удалён: сроки в минутах считаются по календарю с 9:00.");
      router.refresh();
    } catch (err) {
      const f = classifyRequestError(err);
      const fields = f.kind === "invalid" ? Object.entries(f.fieldErrors) : [];
      for (const [path, message] of fields)
        setError(path.replace(/^hours\./, "") as "preHolidayShortening", { message });
      if (!fields.length) setFailure(`График не сохранён: ${f.message}`);
    }
  };

  const time = (i: number, name: "from" | "to" | "breakFrom" | "breakTo", label: string) => (
    <FormField
      id={`day-${i}-${name}`}
      label={label}
      error={e.days?.[i]?.[name]?.message}
      required={name === "from" || name === "to"}
      width="w-32"
    >
      {(c) => <input type="time" {...c} {...register(`days.${i}.${name}`)} />}
    </FormField>
  );

  return (
    <form onSubmit={handleSubmit(save)} noValidate className="mt-4 space-y-3">
      {e.days?.root?.message || e.days?.message ? (
        <p role="alert" className="font-semibold text-red-800">
          {e.days?.root?.message ?? e.days?.message}
        </p>
      ) : null}
      {[0, 1, 2, 3, 4, 5, 6].map((i) => (
        <fieldset key={i} className="rounded border border-slate-300 p-3">
          <legend className="px-1 font-semibold">{WEEKDAY_LABEL[i + 1]}</legend>
          <input type="hidden" {...register(`days.${i}.weekday`, { valueAsNumber: true })} />
          <label className="flex items-center gap-2">
            <input type="checkbox" {...register(`days.${i}.open`)} />
            Приёмный день
          </label>
          <div className="mt-1 flex flex-wrap gap-3">
            {time(i, "from", "Начало приёма")}
            {time(i, "to", "Окончание приёма")}
            {time(i, "breakFrom", "Перерыв с")}
            {time(i, "breakTo", "Перерыв до")}
          </div>
        </fieldset>
      ))}
      <FormField
        id="pre-holiday"
        label="Сокращение в предпраздничный день, минут"
        hint="Статья 95 ТК РФ: накануне нерабочего праздника — на 60 минут короче."
        error={e.preHolidayShortening?.message}
        required
        width="w-32"
      >
        {(c) => (
          <input
            type="number"
            min={0}
            max={240}
            {...c}
            {...register("preHolidayShortening", { valueAsNumber: true })}
          />
        )}
      </FormField>
      <div className="flex flex-wrap gap-3">
        <Button type="submit" disabled={mutation.isPending}>
          Сохранить график
        </Button>
        {hours ? (
          <Button kind="neutral" disabled={mutation.isPending} onClick={() => save(null)}>
            Удалить график
          </Button>
        ) : null}
      </div>
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
