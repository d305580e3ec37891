"use client";
// The administrator loads a trusted CA certificate or a CRL (issue 15 p.4): one file, read here as
// base64 and checked against the procedure's own schema (size, encoding) before it is sent; the
// server's refusal (not a CA, a CRL of an unknown CA, already loaded) comes back on the field.
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { useForm } from "react-hook-form";
import { z } from "zod";
import { Button } from "@/components/ui/button";
import { ErrorSummary } from "@/components/ui/error-summary";
import { FormField } from "@/components/ui/form-field";
import { useTRPC } from "@/components/trpc-provider";
import { classifyRequestError } from "@/components/form/request-errors";
import { FailureMessage } from "@/components/admin/form-failure";
import { zRevocationListForm, zTrustedCertificateForm } from "./form-schema";
import { readFileAsBase64 } from "./read-file";

type Values = { file: string };

const KIND = {
  trusted: {
    id: "trusted-file",
    title: "Добавить сертификат удостоверяющего центра",
    label: "Файл сертификата УЦ",
    hint: "Корневой (или промежуточный) сертификат удостоверяющего центра: .cer, .crt или .pem.",
    accept: ".cer,.crt,.pem,application/pkix-cert,application/x-x509-ca-cert",
    button: "Добавить в доверенные",
    field: "certificate",
  },
  crl: {
    id: "crl-file",
    title: "Загрузить список отзыва",
    label: "Файл списка отзыва",
    hint: "CRL доверенного удостоверяющего центра: .crl (DER или PEM), до 20 МБ. Новый выпуск загружается рядом со старым; при проверке берётся самый свежий.",
    accept: ".crl,.pem,application/pkix-crl",
    button: "Загрузить список отзыва",
    field: "crl",
  },
} as const;

export function TrustUploadForm({ kind }: { kind: keyof typeof KIND }) {
  const k = KIND[kind];
  const trpc = useTRPC();
  const router = useRouter();
  const addTrusted = useMutation(trpc.signature.addTrusted.mutationOptions());
  const addCrl = useMutation(trpc.signature.addCrl.mutationOptions());
  const pending = addTrusted.isPending || addCrl.isPending;
  const [failure, setFailure] = useState<string | null>(null);
  const [done, setDone] = useState("");
  const [refusals, setRefusals] = useState(0);
  const [generation, setGeneration] = useState(0);
  const schema = kind === "trusted" ? zTrustedCertificateForm.shape.certificate : zRevocationListForm.shape.crl;
  const { register, handleSubmit, formState, setError, setValue, reset } = useForm<Values>({
    resolver: zodResolver(z.object({ file: schema })),
    defaultValues: { file: "" },
  });
  useEffect(() => {
    register("file");
  }, [register]);
  const error = formState.errors.file?.message;

  const input = useRef<HTMLInputElement>(null);

  // Read when sent, not on change: a file picked a moment before pressing the button is read all the same.
  const onSubmit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const file = input.current?.files?.[0];
    setValue("file", file ? await readFileAsBase64(file) : "");
    await send();
  };

  const send = handleSubmit(
    async ({ file }) => {
      setFailure(null);
      setDone("");
      try {
        if (kind === "trusted") {
          const r = await addTrusted.mutateAsync({ certificate: file });
          setDone(`Сертификат «${r.owner}» добавлен в доверенные.`);
        } else {
          const r = await addCrl.mutateAsync({ crl: file });
          setDone(`Список отзыва «${r.issuer}» загружен: отозванных сертификатов ${r.revoked}.`);
        }
        reset();
        setGeneration((g) => g + 1);
        router.refresh();
      } catch (e) {
        const f = classifyRequestError(e);
        const message = f.kind === "invalid" ? f.fieldErrors[k.field] : undefined;
        if (message) {
          setError("file", { type: "server", message });
          if (message !== f.message) setFailure(f.message);
        } else setFailure(f.message);
        setRefusals((n) => n + 1);
      }
    },
    () => setRefusals((n) => n + 1),
  );

  return (
    <form onSubmit={onSubmit} noValidate className="mt-4 space-y-3 rounded border border-slate-300 bg-white p-3">
      <h3 className="font-semibold">{k.title}</h3>
      <ErrorSummary
        errors={error ? [{ target: k.id, message: error }] : []}
        titleId={`${k.id}-summary-title`}
        focusToken={refusals}
      />
      <FormField key={generation} id={k.id} label={k.label} hint={k.hint} required error={error}>
        {(c) => <input {...c} ref={input} type="file" accept={k.accept} />}
      </FormField>
      <FailureMessage message={failure} />
      <Button type="submit" kind="secondary" disabled={pending}>
        {pending ? "Проверяем файл…" : k.button}
      </Button>
      <p role="status" aria-live="polite" className="text-green-900">
        {done}
      </p>
    </form>
  );
}
