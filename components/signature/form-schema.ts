// The forms of the signature pages (issue 15 p.2, p.4), built on the procedures' own input schemas
// (server/signature/schema.ts): the files are read in the browser and kept in the form as base64,
// so the same size and encoding checks run before sending. What only the form knows is added here:
// where the official keeps the key, and the PIN typed twice. Client-safe.
import { z } from "zod";
import {
  PIN_MAX,
  PIN_MIN,
  zRegisterCertificateInput,
  zRevocationListInput,
  zTrustedCertificateInput,
} from "@/server/signature/schema";

export const KEY_PLACES = ["own", "system"] as const;
export type KeyPlace = (typeof KEY_PLACES)[number];
export const KEY_PLACE_LABEL: Record<KeyPlace, string> = {
  own: "У меня (КриптоПро, токен, своя программа)",
  system: "В системе, под PIN-кодом",
};

export const zRegisterCertificateForm = zRegisterCertificateInput
  .extend({
    keyPlace: z.enum(KEY_PLACES, { error: "Выберите, где хранится ключ" }),
    pinAgain: z.string(),
  })
  .superRefine((v, ctx) => {
    if (v.keyPlace !== "system") return;
    if (!v.key) ctx.addIssue({ code: "custom", path: ["key"], message: "Выберите файл закрытого ключа (.key, .pem)" });
    const pin = v.pin ?? "";
    if (pin.length < PIN_MIN)
      ctx.addIssue({
        code: "custom",
        path: ["pin"],
        message: `Придумайте PIN-код от ${PIN_MIN} до ${PIN_MAX} знаков`,
      });
    else if (v.pinAgain !== pin)
      ctx.addIssue({
        code: "custom",
        path: ["pinAgain"],
        message: "PIN-коды не совпадают: введите тот же PIN-код ещё раз",
      });
  });
export type RegisterCertificateForm = z.input<typeof zRegisterCertificateForm>;

/** What the form sends: the key and the PIN only when the server is to hold the key. */
export function registerInput(v: z.output<typeof zRegisterCertificateForm>): z.input<typeof zRegisterCertificateInput> {
  return v.keyPlace === "system"
    ? { certificate: v.certificate, key: v.key, pin: v.pin }
    : { certificate: v.certificate };
}

export const zTrustedCertificateForm = zTrustedCertificateInput;
export const zRevocationListForm = zRevocationListInput;
