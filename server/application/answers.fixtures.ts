// A form with every kind of answer the renderers must agree on (tests of server/application/answers.ts
// and of the views that lay its rows out).
import type { FieldDef, StepDef } from "../regulation/document";

/** A list of options to tick: the value stored is the codes chosen. */
export const CHANNELS_FIELD: FieldDef = {
  key: "channels",
  type: "checkbox",
  label: "Как сообщить о готовности",
  options: [
    { value: "sms", label: "СМС на телефон" },
    { value: "email", label: "Письмо на электронную почту" },
    { value: "call", label: "Звонок" },
  ],
};

export const ANSWER_STEPS: StepDef[] = [
  {
    key: "applicant",
    title: "Сведения о заявителе",
    fields: [
      { key: "name", type: "full_name", label: "Фамилия, имя, отчество" },
      { key: "agree", type: "checkbox", label: "Согласен на обработку персональных данных" },
      CHANNELS_FIELD,
      { key: "phone", type: "phone", label: "Телефон" },
      { key: "born", type: "date", label: "Дата рождения" },
      { key: "org", type: "text", label: "Организация", showIf: { field: "agree", equals: false } },
    ],
  },
  {
    key: "persons",
    title: "Лица",
    fields: [
      {
        key: "people",
        type: "group",
        label: "Лица, о которых запрашиваются сведения",
        fields: [
          { key: "who", type: "full_name", label: "ФИО" },
          {
            key: "tags",
            type: "checkbox",
            label: "Сведения",
            options: [
              { value: "work", label: "О стаже" },
              { value: "pay", label: "О зарплате" },
            ],
          },
        ],
      },
    ],
  },
];

export const ANSWER_VALUES = {
  name: { lastName: "Иванов", firstName: "Иван", middleName: "Петрович" },
  agree: true,
  channels: ["email", "call"],
  phone: "+79991234567",
  born: "1960-02-03",
  people: [{ who: { lastName: "Петрова", firstName: "Анна" }, tags: ["pay"] }],
};
