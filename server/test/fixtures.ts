import { DEMO_SIGNING_PIN } from "../../prisma/seed/demo-constants";
// Form values shared by the integration and end-to-end tests: a complete archive-information request
// of the demo applicant (prisma/seed/regulations/archive-info.ts), valid under the seed regulation.
export const ARCHIVE_REQUEST = {
  applicant_type: "individual",
  full_name: { lastName: "Иванов", firstName: "Иван", middleName: "Петрович" },
  snils: "112-233-445 95",
  postal_address: "628212, п. Половинка, ул. Комсомольская, д. 5, кв. 2",
  postal_index: "628212",
  phone: "+79825550101",
  email: "applicant@demo.reglament.ru",
  request_category: "thematic",
  requested_document: "archival_copy",
  request_subject: "Решение о выделении земельного участка",
  records_organisation: "Администрация п. Половинка",
  period_from: "1992-01-01",
  period_to: "1993-12-31",
  purpose: "Оформление наследства",
  delivery_channel: "cabinet",
};

/** An archive-information request brought on paper (R23), to be collected in person: the applicant
 * section of the form as the registrar enters it (no files: the originals are on paper). */
export const PAPER_ARCHIVE_REQUEST = {
  applicant_type: "individual",
  full_name: { lastName: "Петров", firstName: "Семён" },
  postal_address: "628212, п. Половинка, ул. Лесная, 7",
  postal_index: "628212",
  phone: "+79825550199",
  request_category: "thematic",
  requested_document: "archival_copy",
  request_subject: "Решение о предоставлении земельного участка по ул. Лесной, 7",
  records_organisation: "Администрация п. Половинка",
  period_from: "1995-01-01",
  period_to: "1996-12-31",
  purpose: "Оформление права собственности",
  delivery_channel: "in_person",
};

/**
 * What a move sends to sign as a demo signer (issue 15): the PIN of the key the demo database holds
 * for signer@ and archive-head@ (prisma/seed/demo.ts). Moves that do not sign send nothing.
 */
export function withDemoSigning(request: { transition: string }): { signing?: { pin: string } } {
  return /^sign_/.test(request.transition) ? { signing: { pin: DEMO_SIGNING_PIN } } : {};
}
