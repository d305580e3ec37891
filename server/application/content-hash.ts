// How the applicant's copies name the submitted content's hash (R17), in one place for the cabinet,
// the print page and the PDF copy. Issue 16 p.8: plain words for the applicant — what the number is
// for, not the algorithm's name (staff and the audit log keep theirs). Client-safe.

/** The line under a copy: signed online (a simple electronic signature) or only a checksum (paper, e-mail). */
export function contentHashLine(signedOnPortal: boolean, hash: string): string {
  return signedOnPortal
    ? `Подписано простой электронной подписью заявителя. Контрольная сумма содержимого: ${hash}`
    : `Контрольная сумма содержимого: ${hash}`;
}

/** What the checksum is for, said once where it is shown on screen. */
export const CONTENT_HASH_HINT =
  "По контрольной сумме можно убедиться, что заявление не изменялось после подачи: она меняется при любом изменении текста.";
