// What tests upload: a small file the content sniffer takes for a PDF (server/attachment/sniff.ts reads
// the signature, not the name), and the multipart bodies the file routes read.

/** `size` bytes starting with a PDF signature (and Cyrillic, so encodings are exercised too). */
export function pdfBytes(size = 2048): Uint8Array<ArrayBuffer> {
  const b = new Uint8Array(size);
  b.set(Buffer.from("%PDF-1.7\n%тест\n"));
  return b;
}

/** An upload form: one PDF under the field name the upload route reads, with a Cyrillic file name. */
export function fileForm(): FormData {
  const form = new FormData();
  form.append("file", new File([pdfBytes()], "скан паспорта.pdf", { type: "application/pdf" }));
  return form;
}

/** The body of an inter-agency request's answer (text only). */
export function answerForm(): FormData {
  const form = new FormData();
  form.append("answerText", "Документы хранятся в архиве района");
  return form;
}
