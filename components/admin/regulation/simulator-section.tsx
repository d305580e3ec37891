"use client";
// The deadline simulator (issue 10 p.5): a channel and a receipt date and time in the municipality's
// time; regulation.simulate counts the document as it is in the editor (unsaved changes included) over
// the working calendar and answers with the due date of the registration, of each stage along each
// path to a final stage, and of the whole service.
import { useMutation } from "@tanstack/react-query";
import { useParams } from "next/navigation";
import { useState } from "react";
import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/api/root";
import { CHANNEL_LABEL, type Channel } from "@/server/regulation/document";
import { displayTimeZone, formatDateTime, formatDueBy } from "@/server/format/dates";
import { plural } from "@/server/format/plural";
import { PROVISIONAL_HINT } from "@/server/calendar/provisional";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { ProvisionalMark } from "@/components/ui/provisional-mark";
import { FailureMessage } from "@/components/admin/form-failure";
import { classifyRequestError } from "@/components/form/request-errors";
import { fromLocalInput, toLocalInput, utcOffsetLabel } from "@/components/intake/zoned-time";
import { useTRPC } from "@/components/trpc-provider";
import { editorId, sectionOfPath, type SectionProps } from "./section-props";

type Answer = inferRouterOutputs<AppRouter>["regulation"]["simulate"];
type Simulation = Extract<Answer, { ok: true }>["simulation"];

const DAYS_OFF: [string, string, string] = ["нерабочего дня", "нерабочих дней", "нерабочих дней"];
/** «с учётом 4 нерабочих дней»: the weekends and holidays the count crossed. */
const daysOffNote = (n: number) => (n > 0 ? `с учётом ${n} ${plural(n, DAYS_OFF)}` : "");

const ids = { channel: "simulator-channel", date: "simulator-date", time: "simulator-time" } as const;

export function SimulatorSection({ doc }: SectionProps) {
  const trpc = useTRPC();
  const { id: editionId } = useParams<{ id: string }>();
  const timeZone = displayTimeZone();
  const [now] = useState(() => toLocalInput(new Date(), timeZone));
  const channels = doc.intakeChannels?.length ? doc.intakeChannels : (["PORTAL"] as Channel[]);
  const [channel, setChannel] = useState<Channel>(channels[0]!);
  const [date, setDate] = useState(now.slice(0, 10));
  const [time, setTime] = useState(now.slice(11, 16));
  const [errors, setErrors] = useState<{ date?: string; time?: string }>({});
  const [failure, setFailure] = useState<string | null>(null);
  const simulate = useMutation(trpc.regulation.simulate.mutationOptions());
  const chosen = channels.includes(channel) ? channel : channels[0]!;

  const run = async () => {
    setFailure(null);
    const next: typeof errors = {};
    if (!date) next.date = "Укажите дату поступления заявления";
    if (!time) next.time = "Укажите время поступления заявления";
    const receivedAt = date && time ? fromLocalInput(`${date}T${time}`, timeZone) : null;
    if (date && time && !receivedAt) next.date = "Такой даты нет в календаре";
    setErrors(next);
    if (!receivedAt) return;
    try {
      await simulate.mutateAsync({ editionId, document: doc, channel: chosen, receivedAt: receivedAt.toISOString() });
    } catch (error) {
      setFailure(classifyRequestError(error).message);
    }
  };

  return (
    <div className="space-y-6">
      <p className="text-slate-700">
        Выберите способ подачи и момент поступления заявления: сроки регистрации, каждого этапа и всей услуги будут
        рассчитаны по производственному календарю и текущему тексту регламента (в том числе несохранённым правкам).
      </p>
      <form
        noValidate
        className="flex flex-wrap items-end gap-4"
        onSubmit={(e) => {
          e.preventDefault();
          void run();
        }}
      >
        <FormField id={ids.channel} label="Способ подачи заявления" width="w-72">
          {(c) => (
            <select {...c} value={chosen} onChange={(e) => setChannel(e.target.value as Channel)}>
              {channels.map((ch) => (
                <option key={ch} value={ch}>
                  {CHANNEL_LABEL[ch]}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <FormField
          id={ids.date}
          label="Дата поступления"
          required
          error={errors.date}
          width="w-48"
          hint={`Местное время (${utcOffsetLabel(timeZone)})`}
        >
          {(c) => <input {...c} type="date" value={date} onChange={(e) => setDate(e.target.value)} />}
        </FormField>
        <FormField id={ids.time} label="Время поступления" required error={errors.time} width="w-36">
          {(c) => <input {...c} type="time" step={60} value={time} onChange={(e) => setTime(e.target.value)} />}
        </FormField>
        <Button type="submit" disabled={simulate.isPending}>
          {simulate.isPending ? "Считаем…" : "Рассчитать сроки"}
        </Button>
      </form>
      <FailureMessage message={failure} />
      <div aria-live="polite">
        {simulate.data && !simulate.data.ok ? (
          <div role="alert" className="rounded border-2 border-red-700 bg-red-50 p-3 text-red-900">
            <p className="font-semibold">Сроки нельзя рассчитать, пока в регламенте есть ошибки:</p>
            <ul className="mt-2 list-disc pl-6">
              {simulate.data.problems.map((p) => (
                <li key={`${p.path}:${p.message}`}>
                  <a className="underline" href={`?section=${sectionOfPath(p.path)}#${editorId(p.path)}`}>
                    {p.message}
                  </a>
                </li>
              ))}
            </ul>
          </div>
        ) : null}
        {simulate.data?.ok ? <SimulationTables simulation={simulate.data.simulation} /> : null}
      </div>
    </div>
  );
}

function Due({ at, provisional }: { at: Date | null; provisional: boolean }) {
  if (!at) return <>срок не установлен</>;
  return (
    <>
      до {formatDueBy(at)}
      <ProvisionalMark provisional={provisional} />
    </>
  );
}

function SimulationTables({ simulation: s }: { simulation: Simulation }) {
  return (
    <div className="space-y-6" data-testid="simulation">
      <dl className="grid gap-x-6 gap-y-2 sm:grid-cols-[max-content_1fr]">
        <dt className="font-medium">Поступление</dt>
        <dd>
          {formatDateTime(s.receivedAt)}, {CHANNEL_LABEL[s.channel].toLowerCase()}
        </dd>
        <dt className="font-medium">Регистрация</dt>
        <dd data-testid="simulation-registration">
          {s.registration.term ? (
            <>
              {s.registration.term}: <Due at={s.registration.dueAt} provisional={s.registration.provisional} />
              {s.registration.daysOff ? ` (${daysOffNote(s.registration.daysOff)})` : null}
            </>
          ) : (
            "срок регистрации для этого способа подачи не установлен: заявление считается зарегистрированным при поступлении"
          )}
        </dd>
        <dt className="font-medium">Вся услуга</dt>
        <dd data-testid="simulation-service">
          {s.service.term}: <Due at={s.service.dueAt} provisional={s.service.provisional} />
          {s.service.daysOff ? ` (${daysOffNote(s.service.daysOff)})` : null}
        </dd>
      </dl>
      {s.provisionalYears.length ? (
        <p className="rounded border border-amber-700 bg-amber-50 p-3 text-amber-900">
          Календарь на {s.provisionalYears.join(" и ")} {s.provisionalYears.length > 1 ? "годы" : "год"}{" "}
          предварительный: он рассчитан по Трудовому кодексу без постановления о переносе выходных дней.{" "}
          {PROVISIONAL_HINT}.
        </p>
      ) : null}
      <p className="text-sm text-slate-700">
        Как считается: заявление, поданное через портал, регистрируется в момент поступления, поданное иначе — не
        позднее окончания срока регистрации (расчёт берёт этот последний момент). Срок этапа «с поступления на этап»
        считается так, будто предыдущий этап использовал весь свой срок. Срок в днях истекает в конце последнего дня;
        срок в минутах считается в часы приёма подразделения услуги.
      </p>
      {s.paths.map((path) => (
        <div key={path.finalStage} className="overflow-x-auto">
          <table className="w-full border-collapse text-left" data-testid={`simulation-path-${path.finalStage}`}>
            <caption className="mb-2 text-left text-lg font-semibold">Путь до итога «{path.title}»</caption>
            <thead>
              <tr className="border-b-2 border-slate-400">
                <th scope="col" className="p-2">
                  Этап
                </th>
                <th scope="col" className="p-2">
                  Ответственный
                </th>
                <th scope="col" className="p-2">
                  Срок по регламенту
                </th>
                <th scope="col" className="p-2">
                  Истекает
                </th>
              </tr>
            </thead>
            <tbody>
              {path.stages.map((st) => (
                <tr key={st.key} className="border-b border-slate-300 align-top">
                  <th scope="row" className="p-2 font-normal">
                    {st.title}
                  </th>
                  <td className="p-2">{st.responsible.join(", ")}</td>
                  <td className="p-2">{st.final ? "конечный этап" : (st.term ?? "срок не установлен")}</td>
                  <td className="p-2">
                    {st.final ? (
                      "—"
                    ) : (
                      <>
                        <Due at={st.dueAt} provisional={st.provisional} />
                        {st.daysOff ? (
                          <span className="block text-sm text-slate-600">{daysOffNote(st.daysOff)}</span>
                        ) : null}
                      </>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {path.exceedsService ? (
            <p className="mt-2 font-semibold text-red-700">
              Сроки этапов этого пути в сумме выходят за срок предоставления услуги ({formatDueBy(s.service.dueAt)}):
              проверьте сроки этапов.
            </p>
          ) : null}
        </div>
      ))}
    </div>
  );
}
