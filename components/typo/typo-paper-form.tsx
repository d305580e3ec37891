"use client";
// A typo request received on paper (S2 p.72: in person, by post, by e-mail, through the MFC), entered by
// a registrar of the department on the application's card: the issued document, the error in the
// applicant's words and how it came. It is then the applicant's request like one filed in the cabinet.
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { PAPER_TYPO_CHANNEL_LABEL, PAPER_TYPO_CHANNELS, typoTermsText, zPaperTypoForm } from "@/server/typo/schema";
import type { Duration } from "@/server/regulation/document";
import { Button } from "@/components/ui/button";
import { ErrorSummary } from "@/components/ui/error-summary";
import { FormField, FormFieldset } from "@/components/ui/form-field";
import { classifyRequestError } from "@/components/form/request-errors";
import { useTRPC } from "@/components/trpc-provider";

type Values = z.input<typeof zPaperTypoForm>;
const FIELDS = ["documentId", "channel", "description"] as const;
const fieldId = (f: (typeof FIELDS)[number]) => `paper-typo-${f}`;

export function TypoPaperForm({
  applicationId,
  terms,
  documents,
}: {
  applicationId: string;
  terms: { check: Duration; fix: Duration };
  documents: { id: string; title: string; outgoingNumber: string | null }[];
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const [done, setDone] = useState<{ id: string; number: string } | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const mutation = useMutation(trpc.typo.registerPaper.mutationOptions());
  const { register, handleSubmit, formState, reset, setError } = useForm<Values>({
    resolver: zodResolver(zPaperTypoForm),
    defaultValues: { documentId: documents.length === 1 ? documents[0]!.id : "", description: "" },
  });
  const err = (f: (typeof FIELDS)[number]) => formState.errors[f]?.message;
  const summary = FIELDS.flatMap((f) => (err(f) ? [{ target: fieldId(f), message: err(f)! }] : []));

  const onSubmit = handleSubmit(async (values) => {
    setFailure(null);
    try {
      const r = await mutation.mutateAsync({ applicationId, ...values });
      setDone({ id: r.id, number: r.number });
      reset({ documentId: values.documentId, description: "" });
      router.refresh();
    } catch (e) {
      const f = classifyRequestError(e);
      const fields = f.kind === "invalid" ? FIELDS.filter((k) => f.fieldErrors[k]) : [];
      if (f.kind === "invalid" && fields.length)
        for (const k of fields) setError(k, { type: "server", message: f.fieldErrors[k] });
      else setFailure(`Заявление не зарегистрировано: ${f.message}`);
    }
  });

  return (
    <section aria-labelledby="paper-typo-title" className="mt-8 rounded-lg border border-slate-200 bg-white p-4">
      <h2 id="paper-typo-title" className="text-lg font-semibold">
        Заявление об исправлении опечатки, поступившее на бумаге
      </h2>
      <p className="mt-1 text-sm text-slate-700">
        Регистрируется от имени заявителя и ведётся так же, как поданное в личном кабинете (п. 72 регламента).
      </p>
      <ul className="mt-1 list-disc pl-5 text-sm text-slate-700">
        <li>{typoTermsText(terms).check}.</li>
        <li>{typoTermsText(terms).fix}.</li>
      </ul>
      <form onSubmit={onSubmit} noValidate className="mt-3 space-y-4">
        <ErrorSummary errors={summary} titleId="paper-typo-summary-title" />
        <FormFieldset id={fieldId("documentId")} legend="Документ с опечаткой" required radio error={err("documentId")}>
          {documents.map((d) => (
            <label key={d.id} className="flex items-start gap-2">
              <input type="radio" value={d.id} className="mt-1" {...register("documentId")} />
              <span>
                {d.title}
                {d.outgoingNumber ? `, исх. № ${d.outgoingNumber}` : ""}
              </span>
            </label>
          ))}
        </FormFieldset>
        <FormFieldset id={fieldId("channel")} legend="Как поступило заявление" required radio error={err("channel")}>
          {PAPER_TYPO_CHANNELS.map((c) => (
            <label key={c} className="flex items-start gap-2">
              <input type="radio" value={c} className="mt-1" {...register("channel")} />
              <span>{PAPER_TYPO_CHANNEL_LABEL[c]}</span>
            </label>
          ))}
        </FormFieldset>
        <FormField
          id={fieldId("description")}
          label="Где допущена опечатка и как должно быть написано"
          hint="Словами заявителя, как в поступившем заявлении."
          required
          error={err("description")}
        >
          {(control) => <textarea rows={3} {...control} {...register("description")} />}
        </FormField>
        <Button type="submit" disabled={mutation.isPending}>
          Зарегистрировать заявление
        </Button>
      </form>
      {failure ? (
        <p role="alert" className="mt-2 text-sm font-medium text-red-800">
          {failure}
        </p>
      ) : null}
      <p role="status" aria-live="polite" className="mt-2 text-sm text-green-900">
        {done ? (
          <>
            Зарегистрировано заявление № {done.number}.{" "}
            <Link className="underline" href={`/staff/typos/${done.id}`}>
              Открыть
            </Link>
          </>
        ) : null}
      </p>
    </section>
  );
}
