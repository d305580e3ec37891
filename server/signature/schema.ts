// What the browser sends to sign (issue 15 p.2), checked the same on both sides: the PIN of the key
// the server holds for the official, or the official's own detached signature (a `.sig` made by
// their program or the CryptoPro plug-in), base64. Client-safe.
import { z } from "zod";
import { SIGNATURE_MAX_BYTES } from "./limits";

export const PIN_MIN = 6;
export const PIN_MAX = 64;
export { SIGNATURE_MAX_BYTES };

export const zSigning = z.union([
  z.object({
    pin: z
      .string()
      .min(1, "Введите PIN-код ключа электронной подписи")
      .max(PIN_MAX, `PIN-код не длиннее ${PIN_MAX} знаков`),
  }),
  z.object({
    signature: z
      .string()
      .min(1, "Приложите файл подписи (.sig)")
      .max(Math.ceil(SIGNATURE_MAX_BYTES / 3) * 4, "Файл подписи слишком большой: не больше 256 КБ")
      .regex(/^[A-Za-z0-9+/]+={0,2}$/, "Файл подписи не прочитан: передайте его содержимое в base64"),
  }),
]);
export type SigningInput = z.infer<typeof zSigning>;

/** A small file (certificate, key, CRL) sent as base64 by the browser. */
const zSmallFile = (what: string, maxBytes: number) =>
  z
    .string()
    .min(1, `Выберите ${what}`)
    .max(
      Math.ceil(maxBytes / 3) * 4,
      `Файл слишком большой: ${what} не бывает больше ${Math.round(maxBytes / 1024)} КБ`,
    )
    .regex(/^[A-Za-z0-9+/]+={0,2}$/, "Файл не прочитан: передайте его содержимое в base64");

export const CERTIFICATE_MAX_BYTES = 64 * 1024;
/** A CA's CRL can list many thousands of certificates. */
export const CRL_MAX_BYTES = 20 * 1024 * 1024;

export const zRegisterCertificateInput = z.object({
  certificate: zSmallFile("файл сертификата (.cer, .crt)", CERTIFICATE_MAX_BYTES),
  /** With the key, the server holds it under `pin`; without, the key stays with the official. */
  key: zSmallFile("файл закрытого ключа", CERTIFICATE_MAX_BYTES).optional(),
  pin: z.string().max(PIN_MAX, `PIN-код не длиннее ${PIN_MAX} знаков`).optional(),
});

export const zTrustedCertificateInput = z.object({
  certificate: zSmallFile("файл сертификата удостоверяющего центра (.cer, .crt)", CERTIFICATE_MAX_BYTES),
});

export const zRevocationListInput = z.object({ crl: zSmallFile("файл списка отзыва (.crl)", CRL_MAX_BYTES) });
