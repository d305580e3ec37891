"use client";
// Publishing a draft edition (issue 10 p.4, R11): the effective date and the amending act, checked
// in the browser by the schema the procedure parses with (zPublishForm); beside it, the preview the
// server recomputes as the dates change: what changes against the edition in force, whom it
// concerns, the R11 warning and the problems that forbid publishing. Publishing sends the row
// version of the preview shown, so a draft changed meanwhile by someone else is a conflict to look
// at again, not a silent publication of something unseen.
import { zodResolver } from "@hookform/resolvers/zod";
import { keepPreviousData, useMutation, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useEffect, useRef, useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { formatIsoDate } from "@/server/format/dates";
import { useTRPC } from "@/components/trpc-provider";
import { classifyRequestError } from "@/components/form/request-errors";
import type { PublishPreview } from "@/server/regulation/editions/data";
import { zPublishForm, type PublishForm as PublishFormValues } from "@/server/regulation/editions/schema";
import { applyRequestError, FailureMessage } from "../form-failure";
import { ChangeList, ProblemLinks } from "./change-list";
import { formatShortDate, impactSentences } from "./impact-text";

const FIELDS = ["effectiveFrom", "actNumber", "actDate", "basis"] as const;

type Published = { version: number; state: "in_force" | "scheduled"; effectiveFrom: Date; warnings: string[] };

export function PublishForm({
  editionId,
  serviceCode,
  initial,
  defaults,
}: {
  editionId: string;
  serviceCode: string;
  initial: PublishPreview;
  defaults: PublishFormValues;
}) {
  const trpc = useTRPC();
  const publish = useMutation(trpc.regulation.publish.mutationOptions());
  const [failure, setFailure] = useState<string | null>(null);
  const [published, setPublished] = useState<Published | null>(null);
  const done = useRef<HTMLDivElement>(null);
  const { register, handleSubmit, formState, setError, control } = useForm<PublishFormValues>({
    resolver: zodResolver(zPublishForm),
    defaultValues: defaults,
  });
  const errors = formState.errors;
  const [effectiveFrom, actDate] = useWatch({ control, name: ["effectiveFrom", "actDate"] });
  const previewQuery = useQuery({
    ...trpc.regulation.publishPreview.queryOptions({ id: editionId, effectiveFrom, actDate }),
    initialData:
      effectiveFrom === defaults.effectiveFrom && actDate === defaults.actDate && initial ? initial : undefined,
    placeholderData: keepPreviousData,
  });
  const preview = previewQuery.data ?? initial;

  useEffect(() => {
    if (published) done.current?.focus();
  }, [published]);

  const onSubmit = handleSubmit(async (values) => {
    setFailure(null);
    try {
      const result = await publish.mutateAsync({ ...values, id: editionId, expectedRowVersion: preview.rowVersion });
      setPublished({
        version: result.version,
        state: result.state,
        effectiveFrom: result.effectiveFrom,
        warnings: result.warnings,
      });
      // No router.refresh(): the page would then see a published edition and replace this
      // confirmation (and the R11 warning it carries) with its «already published» note. The
      // confirmation links to the service page, which is read afresh when opened.
    } catch (e) {
      if (classifyRequestError(e).kind === "conflict") void previewQuery.refetch();
      setFailure(applyRequestError(e, setError, FIELDS));
    }
  });

  if (published)
    return (
      <div ref={done} tabIndex={-1} role="status" className="rounded border-2 border-green-700 bg-green-50 p-4">
        <p className="text-lg font-semibold">
          Редакция № {published.version} опубликована.{" "}
          {published.state === "in_force"
            ? `Действует с ${formatShortDate(published.effectiveFrom)}.`
            : `Вступит в силу ${formatShortDate(published.effectiveFrom)}.`}
        </p>
        {published.warnings.map((w) => (
          <p key={w} className="mt-2">
            {w}
          </p>
        ))}
        <p className="mt-3">
          <Link href={`/admin/services/${encodeURIComponent(serviceCode)}`} className="text-brand-700 underline">
            К услуге и её редакциям
          </Link>
        </p>
      </div>
    );

  const blocked = preview.problems.length > 0;
  return (
    <div className="grid gap-8 lg:grid-cols-2">
      <form onSubmit={onSubmit} noValidate className="space-y-4" aria-label="Публикация редакции">
        <FormField
          id="publish-effectiveFrom"
          label="Дата вступления в силу"
          hint={`Сегодня (${formatIsoDate(preview.today)}) или позже: с этой даты заявления подаются по новой редакции`}
          required
          error={errors.effectiveFrom?.message}
          width="w-48"
        >
          {(c) => <input {...c} {...register("effectiveFrom")} type="date" />}
        </FormField>
        <FormField
          id="publish-actNumber"
          label="Номер акта"
          hint="Номер постановления (распоряжения), которым утверждены изменения"
          required
          error={errors.actNumber?.message}
          width="w-48"
        >
          {(c) => <input {...c} {...register("actNumber")} autoComplete="off" />}
        </FormField>
        <FormField id="publish-actDate" label="Дата акта" required error={errors.actDate?.message} width="w-48">
          {(c) => <input {...c} {...register("actDate")} type="date" />}
        </FormField>
        <FormField
          id="publish-basis"
          label="Наименование акта"
          hint="Например: «Постановление администрации сельского поселения Половинка о внесении изменений в административный регламент …»"
          required
          error={errors.basis?.message}
        >
          {(c) => <textarea {...c} {...register("basis")} rows={3} />}
        </FormField>
        {preview.warnings.length ? (
          <div className="rounded border-2 border-amber-600 bg-amber-50 p-3" data-testid="publish-warnings">
            <p className="font-semibold">Обратите внимание</p>
            <ul className="mt-1 list-disc space-y-1 pl-5">
              {preview.warnings.map((w) => (
                <li key={w}>{w}</li>
              ))}
            </ul>
          </div>
        ) : null}
        <FailureMessage message={failure} />
        <ProblemLinks problems={preview.problems} serviceCode={serviceCode} editionId={editionId} />
        <Button type="submit" disabled={blocked || publish.isPending} aria-describedby="publish-note">
          {publish.isPending ? "Публикация…" : `Опубликовать редакцию № ${preview.version}`}
        </Button>
        <p id="publish-note" className="text-sm text-slate-700">
          Опубликованная редакция не изменяется: дальнейшие изменения вносятся новой редакцией.
        </p>
      </form>
      <div className="space-y-6">
        <section aria-labelledby="impact-heading">
          <h2 id="impact-heading" className="text-xl font-semibold">
            Кого это затронет
          </h2>
          <ul className="mt-2 list-disc space-y-1 pl-5" data-testid="publish-impact">
            {impactSentences(preview.impact, preview.version).map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </section>
        <section aria-labelledby="changes-heading">
          <h2 id="changes-heading" className="text-xl font-semibold">
            Что изменится
          </h2>
          <div className="mt-2">
            <ChangeList
              changes={preview.changes}
              serviceCode={serviceCode}
              editionId={editionId}
              baseVersion={preview.base?.version ?? null}
            />
          </div>
        </section>
      </div>
    </div>
  );
}
