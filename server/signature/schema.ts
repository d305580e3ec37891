// What the browser sends to sign (issue 15 p.2), checked the same on both sides: the PIN of the key
// the server holds for the official, or the official's own detached signature (a `.sig` made by
// their program or the CryptoPro plug-in), base64. Client-safe.
import { z } from "zod";

export const PIN_MIN = 6;
export const PIN_MAX = 64;
/** A detached signature with a certificate chain is a few kilobytes; 256 KiB leaves room for long chains. */
export const SIGNATURE_MAX_BYTES = 256 * 1024;

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
