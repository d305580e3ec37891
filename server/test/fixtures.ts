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
