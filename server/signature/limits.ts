// Without zod: the form schema (in the browser too) reads it without ./schema's zod schemas.
/** A detached signature with a certificate chain is a few kilobytes; 256 KiB leaves room for long chains. */
export const SIGNATURE_MAX_BYTES = 256 * 1024;
