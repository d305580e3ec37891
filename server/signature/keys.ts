// A private key the server holds for an official (issue 15 p.2, "a server-side key per official
// protected by a PIN"): sealed under a key derived from the PIN with scrypt and encrypted with
// AES-256-GCM, so the database alone signs nothing; a wrong PIN fails the authentication tag.
import "server-only";
import { createCipheriv, createDecipheriv, randomBytes, scryptSync } from "node:crypto";

const VERSION = 1;
// N = 2^15, r = 8: about 32 MiB and a few tens of milliseconds per attempt.
const SCRYPT = { N: 1 << 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 } as const;

export { PIN_MIN, PIN_MAX } from "./schema";

function derive(pin: string, salt: Buffer): Buffer {
  return scryptSync(pin.normalize("NFC"), salt, 32, SCRYPT);
}

/** version(1) | salt(16) | iv(12) | tag(16) | ciphertext */
export function sealKey(privateKey: Uint8Array, pin: string): Uint8Array<ArrayBuffer> {
  const salt = randomBytes(16);
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", derive(pin, salt), iv);
  const ct = Buffer.concat([cipher.update(privateKey), cipher.final()]);
  return new Uint8Array(Buffer.concat([Buffer.from([VERSION]), salt, iv, cipher.getAuthTag(), ct]));
}

/** The private key, or null when the PIN is wrong (or the sealed key damaged). */
export function unsealKey(sealed: Uint8Array, pin: string): Uint8Array | null {
  const b = Buffer.from(sealed);
  if (b[0] !== VERSION || b.length < 1 + 16 + 12 + 16 + 1) return null;
  const salt = b.subarray(1, 17);
  const iv = b.subarray(17, 29);
  const tag = b.subarray(29, 45);
  try {
    const decipher = createDecipheriv("aes-256-gcm", derive(pin, salt), iv);
    decipher.setAuthTag(tag);
    return new Uint8Array(Buffer.concat([decipher.update(b.subarray(45)), decipher.final()]));
  } catch {
    return null;
  }
}
