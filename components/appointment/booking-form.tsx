"use client";
// Booking a visit (R18, S1 p.32): a free date and time of the reception schedule and the purpose of
// the visit; the identity comes from the account. A slot someone else took a moment ago comes back
// as an error on the time, with the next free times, and the list of times is refreshed.
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { zBookForm, type BookFormValues } from "@/server/appointment/schema";
import { Button } from "@/components/ui/button";
import { ErrorSummary, type SummaryError } from "@/components/ui/error-summary";
import { FormField, FormFieldset } from "@/components/ui/form-field";
import { classifyRequestError } from "@/components/form/request-errors";
import { formatDate, formatTime } from "@/components/ui/format";
import { useTRPC } from "@/components/trpc-provider";

export type OfferDay = { date: string; slots: { startsAt: Date | string; endsAt: Date | string }[] };
type Booked = { code: string; startsAt: Date | string; place: string; serviceTitle: string };

const iso = (d: Date | string) => new Date(d).toISOString();

export function BookingForm({ serviceCode, days }: { serviceCode: string; days: OfferDay[] }) {
  const trpc = useTRPC();
  const router = useRouter();
  const mutation = useMutation(trpc.appointment.book.mutationOptions());
  const [date, setDate] = useState(days[0]?.date ?? "");
  const [failure, setFailure] = useState<string | null>(null);
  const [booked, setBooked] = useState<Booked | null>(null);
  const [attempt, setAttempt] = useState(0);
  const { register, handleSubmit, formState, setError, setValue } = useForm<BookFormValues>({
    resolver: zodResolver(zBookForm),
    defaultValues: { startsAt: "", purpose: "" },
  });
  const errors = formState.errors;
  const day = days.find((d) => d.date === date) ?? days[0];

  const onSubmit = handleSubmit(
    async (values) => {
      setFailure(null);
      try {
        const result = await mutation.mutateAsync({ serviceCode, ...values });
        setBooked(result);
        router.refresh();
      } catch (e) {
        const f = classifyRequestError(e);
        if ((f.kind === "conflict" || f.kind === "invalid") && !("fieldErrors" in f && f.fieldErrors.purpose)) {
          setError("startsAt", { message: f.message });
          setValue("startsAt", "");
          router.refresh();
        } else if (f.kind === "invalid") {
          for (const [k, m] of Object.entries(f.fieldErrors))
            if (k === "purpose" || k === "startsAt") setError(k, { message: m });
        } else setFailure(f.message);
        setAttempt((n) => n + 1);
      }
    },
    () => setAttempt((n) => n + 1),
  );

  if (booked) {
    return (
      <section
        role="status"
        aria-labelledby="booked-title"
        className="rounded-lg border-l-4 border-green-700 bg-green-50 p-4"
        data-testid="booking-confirmation"
      >
        <h2 id="booked-title" className="text-lg font-semibold">
          Вы записаны на приём
        </h2>
        <dl className="mt-2 grid gap-1 sm:grid-cols-[10rem_1fr]">
          <dt className="text-slate-700">Услуга</dt>
          <dd>{booked.serviceTitle}</dd>
          <dt className="text-slate-700">Дата</dt>
          <dd>{formatDate(booked.startsAt)}</dd>
          <dt className="text-slate-700">Время</dt>
          <dd>{formatTime(booked.startsAt)}</dd>
          <dt className="text-slate-700">Место</dt>
          <dd>{booked.place}</dd>
          <dt className="text-slate-700">Код записи</dt>
          <dd className="font-mono font-bold" data-testid="booking-code">
            {booked.code}
          </dd>
        </dl>
        <p className="mt-2">Подтверждение отправлено на вашу электронную почту.</p>
        <p className="mt-2">
          <Link href="/cabinet/appointments" className="text-brand-700 underline">
            Мои записи на приём
          </Link>
        </p>
      </section>
    );
  }

  if (!days.length) return <p className="mt-4">Свободного времени в ближайшие 30 дней нет. Попробуйте позже.</p>;

  const summary: SummaryError[] = [
    errors.startsAt?.message ? { target: "slot-time", message: errors.startsAt.message } : null,
    errors.purpose?.message ? { target: "purpose", message: errors.purpose.message } : null,
  ].filter((e): e is SummaryError => !!e);

  return (
    <form onSubmit={onSubmit} noValidate className="mt-4 max-w-2xl space-y-5">
      <ErrorSummary errors={summary} focusToken={attempt} />
      {failure ? (
        <p role="alert" className="font-medium text-red-800">
          Запись не выполнена: {failure}
        </p>
      ) : null}
      <FormField id="slot-date" label="Дата приёма" hint="Показаны дни, в которые есть свободное время.">
        {(c) => (
          <select
            {...c}
            className={`${c.className} sm:w-80`}
            value={day?.date}
            onChange={(e) => {
              setDate(e.target.value);
              setValue("startsAt", "");
            }}
          >
            {days.map((d) => (
              <option key={d.date} value={d.date}>
                {formatDate(d.slots[0]!.startsAt)} — свободно: {d.slots.length}
              </option>
            ))}
          </select>
        )}
      </FormField>
      <FormFieldset id="slot-time" legend="Время приёма" required radio error={errors.startsAt?.message}>
        <div className="flex flex-wrap gap-2">
          {day?.slots.map((s) => (
            <label
              key={iso(s.startsAt)}
              className="flex items-center gap-2 rounded border border-slate-400 bg-white px-3 py-2 has-[:checked]:border-brand-700 has-[:checked]:bg-brand-50"
            >
              <input type="radio" value={iso(s.startsAt)} {...register("startsAt")} />
              {formatTime(s.startsAt)}
            </label>
          ))}
        </div>
      </FormFieldset>
      <FormField
        id="purpose"
        label="Цель визита"
        hint="Например: подать заявление, получить результат, проконсультироваться."
        required
        error={errors.purpose?.message}
      >
        {(c) => <textarea rows={3} {...c} {...register("purpose")} />}
      </FormField>
      <Button type="submit" disabled={mutation.isPending}>
        {mutation.isPending ? "Записываем…" : "Записаться"}
      </Button>
    </form>
  );
}
