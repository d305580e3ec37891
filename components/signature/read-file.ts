// A file the user picked, as base64 for a tRPC call (certificates, keys, CRLs: the procedures take
// the bytes as base64). readAsDataURL does the encoding natively, also for a CRL of many megabytes.
export function readFileAsBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result ?? "");
      resolve(url.slice(url.indexOf(",") + 1));
    };
    reader.onerror = () => reject(reader.error ?? new Error("Файл не прочитан"));
    reader.readAsDataURL(file);
  });
}
