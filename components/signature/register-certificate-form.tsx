"use client";
// «Добавить сертификат» (issue 15 p.2): an official adds their signing certificate, either alone (the
// key stays with them: they sign with their own program and attach the .sig) or with the private key
// file and a PIN, and the server then holds the key sealed under that PIN. The files are read here as
// base64; the server checks the certificate (valid now, issued by a trusted CA), that the key is the
// certificate's, and the PIN's length; each refusal comes back on its field and in the summary.
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { useForm, useWatch } from "react-hook-form";
import type { z } from "zod";
import { PIN_MAX, PIN_MIN } from "@/server/signature/schema";
import { Button } from "@/components/ui/button";
import { ErrorSummary } from "@/components/ui/error-summary";
import { FormField, FormFieldset } from "@/components/ui/form-field";
import { useTRPC } from "@/components/trpc-provider";
import { classifyRequestError } from "@/components/form/request-errors";
import { FailureMessage } from "@/components/admin/form-failure";
import {
  KEY_PLACE_LABEL,
  KEY_PLACES,
  registerInput,
  zRegisterCertificateForm,
  type RegisterCertificateForm,
} from "./form-schema";
import { readFileAsBase64 } from "./read-file";

const FIELDS = ["certificate", "keyPlace", "key", "pin", "pinAgain"] as const;
type FieldName = (typeof FIELDS)[number];
const SERVER_FIELDS = ["certificate", "key", "pin"] as const;
const fieldId = (f: FieldName) => `signature-${f}`;

type Added = { owner: string; serial: string; serverKey: boolean; notes: string[] };

export function RegisterCertificateForm() {
  const trpc = useTRPC();
  const router = useRouter();
  const mutation = useMutation(trpc.signature.register.mutationOptions());
  const [failure, setFailure] = useState<string | null>(null);
  const [added, setAdded] = useState<Added | null>(null);
  const [refusals, setRefusals] = useState(0);
  // A new key remounts the file inputs: a reset form shows no stale file name.
  const [generation, setGeneration] = useState(0);
  const { register, handleSubmit, formState, setError, setValue, control, reset } = useForm<
    RegisterCertificateForm,
    unknown,
    z.output<typeof zRegisterCertificateForm>
  >({
    resolver: zodResolver(zRegisterCertificateForm),
    defaultValues: { certificate: "", keyPlace: "own", pin: "", pinAgain: "" },
  });
  useEffect(() => {
    register("certificate");
    register("key");
  }, [register]);
  const keyPlace = useWatch({ control, name: "keyPlace" });
  const err = (f: FieldName) => formState.errors[f]?.message;
  const summary = FIELDS.flatMap((f) => (err(f) ? [{ target: fieldId(f), message: err(f)! }] : []));

  const certificateFile = useRef<HTMLInputElement>(null);
  const keyFile = useRef<HTMLInputElement>(null);

  // The files are read when the form is sent (not on change): a file picked before the page came
  // alive, or a moment before pressing the button, is read all the same.
  const onSubmit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const certificate = certificateFile.current?.files?.[0];
    const key = keyFile.current?.files?.[0];
    setValue("certificate", certificate ? await readFileAsBase64(certificate) : "");
    setValue("key", key ? await readFileAsBase64(key) : undefined);
    await send();
  };

  const send = handleSubmit(
    async (values) => {
      setFailure(null);
      setAdded(null);
      try {
        const r = await mutation.mutateAsync(registerInput(values));
        setAdded(r);
        reset();
        setGeneration((g) => g + 1);
        router.refresh();
      } catch (e) {
        const f = classifyRequestError(e);
        const hit = f.kind === "invalid" ? SERVER_FIELDS.filter((k) => f.fieldErrors[k]) : [];
        if (f.kind === "invalid" && hit.length) {
          for (const k of hit) setError(k, { type: "server", message: f.fieldErrors[k] });
          // The summary names the refusal in full (the untrusted CA, the date it expired).
          if (!hit.some((k) => f.fieldErrors[k] === f.message)) setFailure(f.message);
        } else setFailure(`Сертификат не добавлен: ${f.message}`);
        setRefusals((n) => n + 1);
      }
    },
    () => setRefusals((n) => n + 1),
  );

  return (
    <section aria-labelledby="signature-add-title" className="mt-8 rounded-lg border border-slate-200 bg-white p-4">
      <h2 id="signature-add-title" className="text-xl font-semibold">
        Добавить сертификат
      </h2>
      <form onSubmit={onSubmit} noValidate className="mt-3 space-y-4" aria-labelledby="signature-add-title">
        <ErrorSummary errors={summary} titleId="signature-summary-title" focusToken={refusals} />
        <FormField
          key={`certificate-${generation}`}
          id={fieldId("certificate")}
          label="Файл сертификата"
          hint="Сертификат ключа проверки электронной подписи: .cer, .crt или .pem, как его выдал удостоверяющий центр."
          required
          error={err("certificate")}
        >
          {(c) => (
            <input
              {...c}
              type="file"
              ref={certificateFile}
              accept=".cer,.crt,.pem,application/pkix-cert,application/x-x509-ca-cert"
            />
          )}
        </FormField>
        <FormFieldset id={fieldId("keyPlace")} legend="Где хранится ключ" required radio error={err("keyPlace")}>
          {KEY_PLACES.map((p) => (
            <label key={p} className="flex items-start gap-2">
              <input type="radio" value={p} className="mt-1" {...register("keyPlace")} />
              <span>{KEY_PLACE_LABEL[p]}</span>
            </label>
          ))}
        </FormFieldset>
        {keyPlace === "system" ? (
          <div className="space-y-4 border-l-4 border-slate-300 pl-4">
            <FormField
              key={`key-${generation}`}
              id={fieldId("key")}
              label="Файл закрытого ключа"
              hint="Ключ ГОСТ Р 34.10-2012 (256 бит) в формате PKCS#8 без пароля: .key или .pem. Система хранит его зашифрованным под вашим PIN-кодом; без PIN-кода им подписать нельзя."
              required
              error={err("key")}
            >
              {(c) => <input {...c} ref={keyFile} type="file" accept=".key,.pem" />}
            </FormField>
            <FormField
              id={fieldId("pin")}
              label="PIN-код"
              hint={`От ${PIN_MIN} до ${PIN_MAX} знаков. Его спросят при каждом подписании; система его не хранит и восстановить не сможет.`}
              required
              error={err("pin")}
              width="w-64"
            >
              {(c) => <input {...c} type="password" autoComplete="new-password" {...register("pin")} />}
            </FormField>
            <FormField id={fieldId("pinAgain")} label="PIN-код ещё раз" required error={err("pinAgain")} width="w-64">
              {(c) => <input {...c} type="password" autoComplete="new-password" {...register("pinAgain")} />}
            </FormField>
          </div>
        ) : null}
        <FailureMessage message={failure} />
        <Button type="submit" disabled={mutation.isPending}>
          {mutation.isPending ? "Проверяем сертификат…" : "Добавить сертификат"}
        </Button>
      </form>
      <div role="status" aria-live="polite" className="mt-3 text-green-900">
        {added ? (
          <>
            <p>
              Сертификат добавлен: {added.owner}, № {added.serial}.{" "}
              {added.serverKey ? "Ключ хранится в системе под вашим PIN-кодом." : "Ключ остаётся у вас."}
            </p>
            {added.notes.length ? (
              <ul className="mt-1 list-disc pl-5 text-slate-800">
                {added.notes.map((n) => (
                  <li key={n}>{n}</li>
                ))}
              </ul>
            ) : null}
          </>
        ) : null}
      </div>
    </section>
  );
}
