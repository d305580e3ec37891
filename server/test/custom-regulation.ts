// A third regulation, not a seed: the process of the road-information service with a form of its own
// whose field keys and option values are nothing like the seeds' (`zayavitel_fio`, `kind`, `company`,
// `mail`, `address_for_reply`, `how_to_receive`...). Its fields say what they are only through their
// roles, as an administrator's own service would: what the platform shows or sends must come from
// the roles, never from the seed keys.
import { roadInfoRegulation } from "../../prisma/seed/regulations/road-info";
import type { RegulationDocument } from "../regulation/document";

export const CUSTOM_REGULATION: RegulationDocument = {
  ...structuredClone(roadInfoRegulation),
  passport: {
    ...structuredClone(roadInfoRegulation.passport),
    name: "Предоставление сведений (услуга с собственной формой)",
    shortName: "Сведения",
    // Its own numbers (registration numbers are unique, issue 16 p.8).
    numberPrefix: "СВЕД",
  },
  form: {
    steps: [
      {
        key: "kto",
        title: "Кто обращается",
        section: "applicant",
        fields: [
          {
            key: "kind",
            type: "radio",
            role: "applicantKind",
            label: "Заявитель",
            required: true,
            options: [
              { value: "fl", label: "Гражданин" },
              { value: "ul", label: "Организация", legalEntity: true },
            ],
          },
          {
            key: "zayavitel_fio",
            type: "full_name",
            role: "applicantName",
            label: "ФИО",
            required: true,
            showIf: { field: "kind", equals: "fl" },
          },
          {
            key: "company",
            type: "text",
            role: "organisationName",
            label: "Название организации",
            required: true,
            showIf: { field: "kind", equals: "ul" },
          },
        ],
      },
      {
        key: "otvet",
        title: "Куда ответить",
        section: "applicant",
        fields: [
          { key: "vopros", type: "textarea", label: "Вопрос", required: true, validation: { maxLength: 2000 } },
          {
            key: "how_to_receive",
            type: "radio",
            role: "deliveryChannel",
            label: "Как получить ответ",
            required: true,
            options: [
              { value: "lk", label: "В личном кабинете", delivery: "cabinet" },
              { value: "lichno", label: "Лично", delivery: "in_person" },
              { value: "mfc_office", label: "В МФЦ", delivery: "mfc" },
              { value: "pochta", label: "Письмом", delivery: "post" },
              { value: "elpochta", label: "На электронную почту", delivery: "email" },
            ],
          },
          { key: "mail", type: "email", role: "email", label: "Электронная почта" },
          {
            key: "address_for_reply",
            type: "address",
            role: "postalAddress",
            label: "Адрес для ответа",
            required: true,
          },
          { key: "zip", type: "postal_index", role: "postalIndex", label: "Индекс" },
          { key: "tel", type: "phone", role: "phone", label: "Телефон" },
        ],
      },
    ],
  },
};

/** Values of a citizen's application under CUSTOM_REGULATION. */
export const CUSTOM_REQUEST = {
  kind: "fl",
  zayavitel_fio: { lastName: "Сидорова", firstName: "Мария", middleName: "Ильинична" },
  vopros: "Когда откроют движение по мосту через реку Конда?",
  how_to_receive: "elpochta",
  mail: "sidorova.reply@example.ru",
  address_for_reply: "п. Половинка, ул. Школьная, д. 3",
  zip: "628212",
  tel: "+79825550177",
};
