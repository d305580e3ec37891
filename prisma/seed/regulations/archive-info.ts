// S2: «Предоставление архивной информации», administrative regulation of an unnamed city. Source:
// /work/shared/seeds/002_63ba86f2b97d60f1.txt, which holds ONLY section III (п. 46–74). The city,
// section II (documents, refusal grounds of п. 36, fee, indicators), section V and the appendices
// are missing, so several passport items are demo values. Each of them is named in `passport.notes`
// (the analysts' notes, which no page or document prints) and in the README, with what was assumed
// and why. What pages and documents print carries no «демо» marker (issue 12, S2 p.55): the text a
// lawyer reads against the regulation is only the regulation's wording and real clause numbers.
import type { RegulationDocument } from "../../../server/regulation/document";

const ATTACHMENT_TYPES = ["application/pdf", "image/jpeg", "image/png"];

export const archiveInfoRegulation: RegulationDocument = {
  passport: {
    name: "Предоставление архивной информации",
    shortName: "Архивная информация",
    // Issue 16 p.8: numbers a person can dictate over the phone («АРХ-2026-00001»).
    numberPrefix: "АРХ",
    summary:
      "Муниципальный архив Администрации города по запросу выдает архивную справку, архивную выписку, архивную копию или информационное письмо. Решение принимается в течение 30 дней со дня регистрации запроса, результат выдается или направляется способом, выбранным заявителем.",
    authority: {
      // п. 48, 55, 58: «Администрация города», its unit «муниципальный архив». The city and the
      // contacts are not in the excerpt: the contacts below are demo values (see notes, README).
      name: "Администрация города (муниципальный архив)",
      address: "ул. Советская, д. 1, каб. 5",
      phone: "+7 (900) 000-00-00",
      email: "archive@example.org",
      schedule: "Пн–Чт 9:00–18:00, Пт 9:00–16:45, перерыв 13:00–14:00",
    },
    applicantCategories: [
      "Физические лица или их представители (доверенные лица, законные представители)",
      "Юридические лица или их представители",
    ],
    legalBasis: [
      "Федеральный закон от 27.07.2010 № 210-ФЗ «Об организации предоставления государственных и муниципальных услуг» (статья 11.2)",
      "Постановление Правительства Российской Федерации от 12.12.2012 № 1284 «Об оценке гражданами эффективности деятельности руководителей территориальных органов федеральных органов исполнительной власти (их структурных подразделений) и территориальных органов государственных внебюджетных фондов (их региональных отделений) с учетом качества предоставления государственных услуг, руководителей многофункциональных центров предоставления государственных и муниципальных услуг с учетом качества организации предоставления государственных и муниципальных услуг, а также о применении результатов указанной оценки как основания для принятия решений о досрочном прекращении исполнения соответствующими руководителями своих должностных обязанностей»",
      "Постановление Правительства Российской Федерации от 20.11.2012 № 1198 «О федеральной государственной информационной системе, обеспечивающей процесс досудебного (внесудебного) обжалования решений и действий (бездействия), совершенных при предоставлении государственных и муниципальных услуг»",
      // Not named in the excerpt; added as the subject-matter law (demo assumption, README).
      "Федеральный закон от 22.10.2004 № 125-ФЗ «Об архивном деле в Российской Федерации»",
    ],
    documents: [
      {
        title: "Запрос (заявление) о предоставлении архивной информации",
        required: "always",
        providedBy: "applicant",
        ref: "п. 48, 49",
      },
      {
        title: "Документы, прилагаемые к запросу (при наличии)",
        required: "optional",
        providedBy: "applicant",
        ref: "п. 49, 52",
      },
      {
        title:
          "Доверенность, оформленная в установленном порядке, или документы, подтверждающие полномочия законного представителя",
        required: "conditional",
        condition: "при обращении представителя заявителя",
        providedBy: "applicant",
        ref: "п. 59.3",
      },
      {
        title: "Паспорт или иной документ, удостоверяющий личность (предъявляется при личном получении результата)",
        required: "conditional",
        condition: "при получении результата лично в муниципальном архиве",
        providedBy: "applicant",
        ref: "п. 59.3",
      },
    ],
    // The fee is set in section II, which the excerpt lacks; the service is taken as free (demo
    // assumption, README).
    fee: { free: true },
    term: {
      value: 30,
      unit: "calendar_days",
      // п. 58 says «30 дней» without a unit: calendar days are taken (notes, README).
      note: "Решение и оформление результата — в течение 30 дней со дня регистрации запроса (п. 58). Выдача (направление) — в течение 1 рабочего дня со дня подписания и регистрации результата (п. 59), но не более 3 рабочих дней со дня принятия решения (п. 63).",
    },
    maxQueueMinutes: 15,
    // Booking a visit (R18): the excerpt of S2 sets no slot length; 30 minutes is a DEMO value (README).
    appointment: { slotMinutes: 30, note: "Запись на личный приём в архив для подачи запроса." },
    registrationTerms: [
      {
        channel: "IN_PERSON",
        term: { value: 15, unit: "working_minutes" },
        note: "При личном обращении — в течение 15 минут, с выдачей расписки в двух экземплярах (п. 48).",
      },
      {
        channel: "POST",
        term: { value: 1, unit: "working_days" },
        note: "1 рабочий день с даты представления заявления в Администрацию города (п. 48).",
      },
      {
        channel: "PORTAL",
        term: { value: 1, unit: "working_days" },
        note: "Не позднее 1 рабочего дня с момента подачи на ЕПГУ, а при поступлении в нерабочий или праздничный день — в следующий за ним первый рабочий день (п. 66).",
      },
    ],
    accessibilityIndicators: [
      "возможность получения информации о порядке и сроках предоставления муниципальной услуги в электронной форме (п. 47)",
      "возможность формирования заявления посредством заполнения электронной формы на ЕПГУ и РПГУ без подачи заявления в иной форме (п. 64)",
      "возможность получения сведений о ходе рассмотрения заявления в личном кабинете на ЕПГУ в любое время (п. 70)",
      "возможность получения результата в форме электронного документа, подписанного усиленной квалифицированной электронной подписью, в личном кабинете (п. 69)",
    ],
    qualityIndicators: [
      "соблюдение сроков выполнения административных процедур (п. 48–63)",
      "соблюдение сроков исправления допущенных опечаток и ошибок (п. 72)",
      "отсутствие обоснованных жалоб на решения и действия (бездействие) Администрации города и ее должностных лиц (п. 74)",
    ],
    appeal: {
      text: [
        "Заявителю обеспечивается возможность направления жалобы на решения, действия или бездействие Администрации города, должностного лица Администрации города в соответствии со статьей 11.2 Федерального закона № 210-ФЗ и в порядке, установленном постановлением Правительства Российской Федерации от 20.11.2012 № 1198, в том числе через портал досудебного обжалования https://do.gosuslugi.ru/ (п. 47, 74).",
        "Срок рассмотрения жалобы — 15 рабочих дней со дня регистрации, а при обжаловании отказа в приеме документов или в исправлении опечаток и ошибок либо нарушения срока таких исправлений — 5 рабочих дней (часть 6 статьи 11.2 Федерального закона № 210-ФЗ).",
      ].join("\n"),
      reviewTerm: { value: 15, unit: "working_days" },
    },
    // п. 72: check within 2 WD, correction (or a letter that there is no error) within 5 WD, both
    // counted from the registration of the correction request.
    typoCorrection: {
      check: { value: 2, unit: "working_days" },
      fix: { value: 5, unit: "working_days" },
      ref: "п. 72",
    },
    // п. 57: not collected within 3 WD of the result's registration → registered post.
    uncollectedResultAfter: { value: 3, unit: "working_days" },
    notes: [
      "Допущение: раздел для созаявителей (совместный запрос нескольких заявителей, например наследников) добавлен по требованию к электронной форме (R15; S1 п. 30); в выдержке регламента совместные запросы не упоминаются.",
      "Источник содержит только раздел III регламента (п. 46–74). Наименование города, раздел II (стандарт услуги), раздел V и приложения 3 и 7 в выдержке отсутствуют.",
      "Адрес, телефон, электронная почта и график работы муниципального архива — демонстрационные данные: в выдержке их нет.",
      "Категории заявителей (физические и юридические лица и их представители) — демонстрационное допущение: раздел I отсутствует; в тексте упоминаются гражданин, его доверенное лицо и законный представитель (п. 59.3).",
      "Основания для отказа в предоставлении услуги установлены в п. 36, которого нет в выдержке. Перечень оснований — демонстрационный, составлен по проверкам п. 52.2–52.3 (правомочность получения сведений, полнота сведений для поиска). Отсутствие документов в архиве основанием для отказа не считается: в этом случае выдается информационное (сопроводительное) письмо (п. 58.4), при необходимости запрос направляется по принадлежности (п. 52.5).",
      "Оснований для отказа в приеме документов в выдержке нет: п. 70 лишь упоминает уведомление о мотивированном отказе в приеме как вид электронного уведомления. Поэтому отказ в приеме документов не настроен — придумывать такие основания нельзя.",
      "Срок «30 дней» (п. 58) указан без единицы измерения; приняты календарные дни. Срок «1 день» (п. 53) трактуется как 1 рабочий день (ср. п. 52).",
      "п. 50 определяет назначающего исполнителя по кругу («ответственный исполнитель … определяет … ответственного исполнителя»); принято, что исполнителя назначает начальник муниципального архива (роль «руководитель подразделения»). Результаты подписывает начальник муниципального архива либо лицо, его замещающее (роль «подписант»).",
      "Регистрация результата упоминается (п. 57, 59), но отдельного срока не имеет: исходящий номер присваивается при подписании (п. 55). Подписание результата входит в 30-дневный срок оформления (п. 58).",
      "Срок подписания уведомления об отказе в тексте не указан; принят 1 рабочий день (допущение). Направление уведомления — в течение 3 рабочих дней со дня подписания (п. 56).",
      "Выдача результата: в течение 1 рабочего дня со дня подписания и регистрации (п. 59); п. 63 допускает не более 3 рабочих дней со дня решения. Контрольный срок этапа — 1 рабочий день.",
      "Межведомственный запрос: в выдержке назван только порядок взаимодействия с иными органами и организациями (п. 46.2) и направление запроса по принадлежности (п. 52.5), без срока. Срок ответа 5 рабочих дней — стандартный срок части 3 статьи 7.2 Федерального закона № 210-ФЗ (допущение).",
      "Подача заявления по почте в п. 48 прямо не названа, но следует из срока регистрации «с даты представления заявления в Администрацию города» и п. 72; подача через МФЦ и по электронной почте в выдержке не предусмотрена.",
      "Плата за услугу, максимальное время ожидания в очереди (15 минут) и показатели доступности и качества взяты не из раздела II (его нет), а сформулированы по положениям раздела III и типовым требованиям — демонстрационные значения.",
      "Совместная подача запроса несколькими заявителями в выдержке не предусмотрена, поэтому шага для созаявителей нет.",
      "Поля формы (тема запроса, вид документа, хронологические рамки, сведения о лицах) в выдержке не перечислены; состав формы — типовой для архивных запросов и нужен для проверки полноты сведений (п. 52.3).",
      "Реквизиты постановления об утверждении регламента и дата вступления в силу в выдержке отсутствуют; в карточке версии они демонстрационные.",
    ],
  },

  form: {
    steps: [
      {
        key: "applicant",
        title: "Заявитель",
        section: "applicant",
        fields: [
          {
            key: "applicant_type",
            type: "radio",
            role: "applicantKind",
            label: "Кто обращается за услугой",
            required: true,
            options: [
              { value: "individual", label: "Физическое лицо" },
              { value: "legal", label: "Юридическое лицо", legalEntity: true },
            ],
          },
          {
            key: "full_name",
            type: "full_name",
            role: "applicantName",
            label: "Фамилия, имя, отчество (последнее — при наличии)",
            required: true,
            prefill: "fullName",
            showIf: { field: "applicant_type", equals: "individual" },
          },
          {
            // Social-legal requests (length of service, salary) are answered from personnel records
            // kept by name; the SNILS lets the archive tell namesakes apart. Optional: the regulation's
            // content requirements (п. 52.2) do not demand it.
            key: "snils",
            type: "snils",
            label: "СНИЛС",
            hint: "11 цифр, например 112-233-445 95. Необязательно, но помогает найти документы о стаже.",
            prefill: "snils",
            showIf: { field: "applicant_type", equals: "individual" },
          },
          {
            key: "org_name",
            type: "text",
            role: "organisationName",
            label: "Наименование организации",
            required: true,
            validation: { minLength: 2, maxLength: 500 },
            showIf: { field: "applicant_type", equals: "legal" },
          },
          {
            key: "org_inn",
            type: "inn_legal",
            label: "ИНН организации",
            hint: "Необязательно.",
            showIf: { field: "applicant_type", equals: "legal" },
          },
          {
            key: "org_ogrn",
            type: "ogrn",
            label: "ОГРН организации",
            hint: "Необязательно.",
            showIf: { field: "applicant_type", equals: "legal" },
          },
          {
            key: "is_representative",
            type: "checkbox",
            role: "representative",
            label: "Я представитель заявителя (доверенное лицо или законный представитель)",
          },
          {
            key: "representative_name",
            type: "full_name",
            role: "representativeName",
            label: "Фамилия, имя, отчество представителя",
            required: true,
            prefill: "fullName",
            showIf: { field: "is_representative", equals: true },
          },
          {
            key: "power_of_attorney",
            type: "file",
            role: "powerOfAttorney",
            label: "Доверенность или документы, подтверждающие полномочия законного представителя",
            required: true,
            accept: ATTACHMENT_TYPES,
            maxSizeMb: 10,
            maxFiles: 3,
            showIf: { field: "is_representative", equals: true },
          },
        ],
      },
      {
        // R15: several applicants may fill one form for a joint request (e.g. heirs asking about a
        // relative's records). Each invited co-applicant fills this section from their own account.
        key: "co_applicant",
        title: "Сведения о созаявителе",
        description: "Заполняется каждым созаявителем в своём личном кабинете, если запрос подаётся совместно.",
        section: "co_applicant",
        fields: [
          {
            key: "co_full_name",
            type: "full_name",
            label: "Фамилия, имя, отчество",
            required: true,
            prefill: "fullName",
          },
          { key: "co_snils", type: "snils", label: "СНИЛС", hint: "Необязательно.", prefill: "snils" },
          { key: "co_phone", type: "phone", label: "Телефон", prefill: "phone" },
          {
            key: "co_relation",
            type: "text",
            label: "Кем вы приходитесь лицу, о котором запрашиваются сведения",
            required: true,
            validation: { maxLength: 200 },
          },
          {
            key: "co_consent",
            type: "checkbox",
            label: "Подтверждаю участие в совместном запросе и согласие на обработку моих персональных данных",
            required: true,
          },
        ],
      },
      {
        key: "contacts",
        title: "Контактные данные",
        section: "applicant",
        fields: [
          {
            key: "postal_address",
            type: "address",
            role: "postalAddress",
            label: "Почтовый адрес",
            hint: "Если вы не получите документы лично в течение 3 рабочих дней, они будут направлены заказным письмом по этому адресу.",
            required: true,
            prefill: "address",
          },
          {
            key: "postal_index",
            type: "postal_index",
            role: "postalIndex",
            label: "Почтовый индекс",
            required: true,
          },
          {
            key: "phone",
            type: "phone",
            role: "phone",
            label: "Контактный телефон",
            prefill: "phone",
          },
          {
            key: "email",
            type: "email",
            role: "email",
            label: "Адрес электронной почты",
            prefill: "email",
          },
        ],
      },
      {
        key: "request",
        title: "Содержание запроса",
        section: "applicant",
        description: "Чем полнее сведения, тем быстрее архив найдет документы.",
        fields: [
          {
            key: "request_category",
            type: "radio",
            label: "Вид запроса",
            required: true,
            options: [
              {
                value: "social_legal",
                label: "Социально-правовой: стаж, заработная плата, награждения и другие сведения о гражданине",
              },
              {
                value: "thematic",
                label: "Тематический: сведения о событии, организации, объекте недвижимости, земельном участке",
              },
            ],
          },
          {
            key: "requested_document",
            type: "select",
            label: "Какой документ вам нужен",
            required: true,
            options: [
              { value: "archival_certificate", label: "Архивная справка" },
              { value: "archival_extract", label: "Архивная выписка" },
              { value: "archival_copy", label: "Архивная копия" },
            ],
          },
          {
            key: "request_subject",
            type: "textarea",
            label: "Тема запроса: какие сведения требуются",
            required: true,
            validation: { minLength: 10, maxLength: 2000 },
          },
          {
            key: "records_organisation",
            type: "text",
            label: "Организация (учреждение), к документам которой относится запрос",
            validation: { maxLength: 500 },
          },
          {
            key: "records_address",
            type: "address",
            label: "Адрес объекта, к которому относится запрос",
            hint: "Для запросов об объектах недвижимости и земельных участках.",
          },
          {
            key: "period_from",
            type: "date",
            label: "Хронологические рамки: с",
            hint: "Если точная дата неизвестна, укажите 1 января нужного года.",
            required: true,
            validation: { minDate: "1900-01-01", maxDate: "today" },
          },
          {
            key: "period_to",
            type: "date",
            label: "Хронологические рамки: по",
            hint: "Если точная дата неизвестна, укажите 31 декабря нужного года.",
            required: true,
            // R14 across fields (issue 16 p.1): a period that ends before it begins is no request.
            validation: { minDate: "1900-01-01", maxDate: "today", notBefore: "period_from" },
          },
          {
            key: "purpose",
            type: "text",
            label: "Цель запроса (для чего нужны сведения)",
            hint: "Например: для назначения пенсии.",
            validation: { maxLength: 500 },
          },
        ],
      },
      {
        // Issue 16 p.7: the people of a social-legal request on a screen of their own (the request step
        // was 4,800 px long on a phone); for a thematic request the step asks nothing and is skipped.
        key: "persons_list",
        title: "Лица, о которых запрашиваются сведения",
        description:
          "О ком нужны сведения о стаже, заработной плате или награждениях: до 10 человек, каждый — отдельной записью.",
        section: "applicant",
        fields: [
          {
            key: "persons",
            type: "group",
            label: "Лица, о которых запрашиваются сведения",
            required: true,
            minItems: 1,
            maxItems: 10,
            showIf: { field: "request_category", equals: "social_legal" },
            fields: [
              { key: "person_full_name", type: "full_name", label: "Фамилия, имя, отчество", required: true },
              {
                key: "person_former_names",
                type: "text",
                label: "Прежние фамилии (если менялись)",
                validation: { maxLength: 200 },
              },
              {
                key: "person_birth_date",
                type: "date",
                label: "Дата рождения",
                required: true,
                validation: { minDate: "1880-01-01", maxDate: "today" },
              },
              {
                key: "person_workplace",
                type: "text",
                label: "Место работы (учебы), подразделение",
                required: true,
                validation: { maxLength: 500 },
              },
              { key: "person_position", type: "text", label: "Должность (профессия)", validation: { maxLength: 200 } },
              {
                key: "work_year_from",
                type: "number",
                label: "Год начала работы",
                required: true,
                validation: { min: 1900, max: 2100 },
              },
              {
                key: "work_year_to",
                type: "number",
                label: "Год окончания работы",
                validation: { min: 1900, max: 2100, notBefore: "work_year_from" },
              },
            ],
          },
        ],
      },
      {
        key: "delivery",
        title: "Документы и способ получения результата",
        section: "applicant",
        fields: [
          {
            key: "attachments",
            type: "file",
            label: "Документы, прилагаемые к запросу",
            hint: "Например: копия трудовой книжки, документ о смене фамилии. PDF, JPEG или PNG, не более 10 МБ каждый, до 5 файлов.",
            accept: ATTACHMENT_TYPES,
            maxSizeMb: 10,
            maxFiles: 5,
          },
          {
            key: "delivery_channel",
            type: "radio",
            role: "deliveryChannel",
            label: "Способ получения результата",
            required: true,
            options: [
              {
                value: "cabinet",
                label:
                  "В личный кабинет на портале (электронный документ, подписанный усиленной квалифицированной электронной подписью)",
              },
              { value: "post", label: "Почтовым отправлением (заказным письмом) на бумажном носителе" },
              { value: "in_person", label: "Лично в муниципальном архиве" },
            ],
          },
        ],
      },
    ],
  },

  stages: [
    {
      key: "registration",
      shortTitle: "Приём заявления",
      title: "Прием и регистрация запросов и документов, необходимых для предоставления муниципальной услуги",
      description:
        "Должностное лицо, ответственное за прием и регистрацию, регистрирует заявление в системе электронного документооборота; при личном обращении выдает расписку в двух экземплярах. Заявления с ЕПГУ проверяются не реже 2 раз в день. Критерий: представление заявителем документов, необходимых для предоставления услуги.",
      responsibleRoles: ["REGISTRAR"],
      deadline: { value: 1, unit: "working_days", from: "stage_entry" },
      applicantNote:
        // Issue 16 p.8: the application is numbered and the applicant notified on receipt; this stage is
        // the registrar's check and hand-over (S2 p.48, 66), not a registration still to come.
        "Заявление зарегистрировано, уведомление с номером и сроком предоставления услуги отправлено вам. Специалист по приёму проверяет заявление и передаёт его руководителю архива не позднее следующего рабочего дня.",
      ref: "п. 46.1, 48, 66–68",
    },
    {
      key: "assignment",
      shortTitle: "Назначение исполнителя",
      title: "Определение ответственного исполнителя",
      description:
        "Начальник муниципального архива назначает исполнителя в течение 1 рабочего дня со дня регистрации запроса.",
      responsibleRoles: ["HEAD"],
      deadline: { value: 1, unit: "working_days", from: "registration" },
      applicantNote:
        "Заявление зарегистрировано. Архив назначает исполнителя; его фамилию и телефон можно узнать по вашему обращению.",
      ref: "п. 50, 51",
    },
    {
      key: "check",
      shortTitle: "Проверка запроса",
      title: "Проверка полноты и достоверности сведений запроса",
      description:
        "Исполнитель определяет согласованность сведений, правомочность получения заявителем запрашиваемой информации, полноту сведений для поиска, местонахождение архивных документов и адреса органов и организаций, куда по принадлежности следует направить запрос.",
      responsibleRoles: ["EXECUTOR"],
      // S2 p.52: «не позднее 1 рабочего дня со дня поступления в муниципальный архив запроса» — the
      // request arrives in the archive when it is registered, not when an executor is assigned.
      deadline: { value: 1, unit: "working_days", from: "registration" },
      applicantNote: "Исполнитель проверяет сведения запроса и определяет, где хранятся нужные документы.",
      ref: "п. 52, 53",
    },
    {
      key: "decision",
      shortTitle: "Поиск документов и подготовка ответа",
      title: "Рассмотрение документов и принятие решения о предоставлении муниципальной услуги, оформление результата",
      description:
        "Исполнитель проводит поиск и оформляет архивную справку, архивную выписку, архивную копию или информационное (сопроводительное) письмо в течение 30 дней со дня регистрации запроса.",
      responsibleRoles: ["EXECUTOR"],
      deadline: { value: 30, unit: "calendar_days", from: "registration" },
      applicantNote: "Оснований для отказа нет. Архив ищет документы и готовит ответ.",
      ref: "п. 58",
    },
    {
      key: "signing",
      shortTitle: "Подписание ответа",
      title: "Подписание документа, являющегося результатом предоставления муниципальной услуги",
      description:
        "Начальник муниципального архива либо лицо, его замещающее, подписывает документ, он заверяется печатью Администрации города и регистрируется. Подписание входит в 30-дневный срок оформления результата.",
      responsibleRoles: ["SIGNER"],
      deadline: { value: 30, unit: "calendar_days", from: "registration" },
      applicantNote: "Ответ подготовлен и передан на подпись начальнику муниципального архива.",
      ref: "п. 58.1–58.4",
    },
    {
      key: "issue",
      shortTitle: "Выдача ответа",
      title: "Выдача (направление) заявителю документа, являющегося результатом предоставления муниципальной услуги",
      description:
        "Исполнитель направляет документ в личный кабинет, передает его в Отдел делопроизводства для отправки заказным письмом или готовит к выдаче лично в архиве — в соответствии с выбором заявителя. Документы регистрируются в базе «Регистрация социально-правовых запросов». Не более 3 рабочих дней со дня решения (п. 63).",
      responsibleRoles: ["EXECUTOR"],
      deadline: { value: 1, unit: "working_days", from: "stage_entry" },
      applicantNote: "Ответ подписан и в течение 1 рабочего дня будет направлен выбранным вами способом.",
      ref: "п. 59–63",
    },
    {
      key: "awaiting_pickup",
      shortTitle: "Ответ ждёт вас в архиве",
      title: "Ожидание получения результата заявителем в муниципальном архиве",
      description:
        "Результат выдается под расписку при предъявлении паспорта (доверенному лицу — доверенности, законному представителю — документов о полномочиях). Если заявитель не явился в течение 3 рабочих дней, документы передаются в Отдел делопроизводства для направления заказным письмом по почтовому адресу из запроса.",
      responsibleRoles: ["EXECUTOR"],
      deadline: { value: 3, unit: "working_days", from: "stage_entry" },
      applicantNote:
        "Документы готовы. Получите их лично в муниципальном архиве, предъявив паспорт. Если вы не придете в течение 3 рабочих дней, документы будут направлены заказным письмом по почтовому адресу из запроса.",
      ref: "п. 57, 59.3",
    },
    {
      key: "refusal_drafting",
      shortTitle: "Подготовка ответа",
      title: "Подготовка мотивированного отказа в предоставлении муниципальной услуги",
      description:
        "Исполнитель в течение 1 рабочего дня со дня выявления оснований для отказа готовит уведомление о мотивированном отказе с указанием причин.",
      responsibleRoles: ["EXECUTOR"],
      deadline: { value: 1, unit: "working_days", from: "stage_entry" },
      applicantNote: "Исполнитель готовит ответ по вашему запросу.",
      ref: "п. 54",
    },
    {
      key: "refusal_signing",
      shortTitle: "Подписание ответа",
      title: "Подписание уведомления о мотивированном отказе",
      // The text sets no term for signing: 1 working day is assumed (notes, README).
      description:
        "Уведомление подписывает начальник муниципального архива либо замещающее его лицо, ему присваиваются исходящий номер, соответствующий регистрационному номеру, и дата.",
      responsibleRoles: ["SIGNER"],
      deadline: { value: 1, unit: "working_days", from: "stage_entry" },
      applicantNote: "Ответ подготовлен и передан на подпись начальнику муниципального архива.",
      ref: "п. 55, 58.5",
    },
    {
      key: "refusal_issue",
      shortTitle: "Направление ответа",
      title: "Направление заявителю уведомления о мотивированном отказе",
      description:
        "Исполнитель в течение 3 рабочих дней со дня подписания направляет уведомление в личный кабинет, через Отдел делопроизводства почтой или выдает лично в архиве — по выбору заявителя.",
      responsibleRoles: ["EXECUTOR"],
      deadline: { value: 3, unit: "working_days", from: "stage_entry" },
      applicantNote:
        "Принято решение об отказе в предоставлении услуги. Уведомление с указанием причин будет направлено выбранным вами способом в течение 3 рабочих дней.",
      ref: "п. 56",
    },
    {
      key: "granted",
      shortTitle: "Ответ выдан",
      title: "Архивная информация выдана (направлена) заявителю",
      responsibleRoles: ["EXECUTOR"],
      final: true,
      outcome: "granted",
      applicantNote:
        "Услуга предоставлена. Если в выданном документе есть опечатка или ошибка, подайте заявление об исправлении лично или по почте: проверка — до 2 рабочих дней, исправление — до 5 рабочих дней.",
      ref: "п. 59–63",
    },
    {
      key: "refused",
      shortTitle: "Отказано",
      title: "Отказано в предоставлении муниципальной услуги",
      responsibleRoles: ["EXECUTOR"],
      final: true,
      outcome: "refused",
      applicantNote:
        "В предоставлении услуги отказано, причины указаны в уведомлении. Решение можно обжаловать в досудебном порядке.",
      ref: "п. 54–56, 74",
    },
  ],
  initialStage: "registration",

  transitions: [
    {
      key: "register",
      from: "registration",
      to: "assignment",
      title: "Зарегистрировать заявление",
      roles: ["REGISTRAR"],
      kind: "normal",
      requires: {},
      ref: "п. 48",
    },
    {
      key: "assign_executor",
      from: "assignment",
      to: "check",
      title: "Назначить ответственного исполнителя",
      roles: ["HEAD"],
      kind: "normal",
      requires: { executor: true },
      ref: "п. 50",
    },
    {
      key: "no_grounds_found",
      from: "check",
      to: "decision",
      title: "Оснований для отказа не выявлено — исполнять запрос",
      roles: ["EXECUTOR"],
      kind: "normal",
      requires: {},
      ref: "п. 52, 58",
    },
    {
      key: "grounds_found",
      from: "check",
      to: "refusal_drafting",
      title: "Выявлены основания для отказа",
      roles: ["EXECUTOR"],
      kind: "normal",
      requires: { comment: true },
      ref: "п. 54",
    },
    {
      key: "prepare_result",
      from: "decision",
      to: "signing",
      title: "Оформить результат и передать на подпись",
      roles: ["EXECUTOR"],
      kind: "grant",
      requires: { resultType: true, comment: true },
      effects: ["generate_result"],
      ref: "п. 58",
    },
    {
      key: "sign_result",
      from: "signing",
      to: "issue",
      title: "Подписать и зарегистрировать",
      roles: ["SIGNER"],
      kind: "normal",
      requires: {},
      effects: ["register_result", "sign_result"],
      ref: "п. 58, 59",
    },
    {
      key: "return_result_for_rework",
      from: "signing",
      to: "decision",
      title: "Вернуть на доработку",
      roles: ["SIGNER"],
      kind: "normal",
      requires: { comment: true },
    },
    {
      key: "send_result",
      from: "issue",
      to: "granted",
      title: "Направить в личный кабинет или передать в Отдел делопроизводства для отправки заказным письмом",
      roles: ["EXECUTOR"],
      kind: "normal",
      requires: {},
      effects: ["issue_result"],
      ref: "п. 59.1, 59.2, 61",
    },
    {
      key: "ready_for_pickup",
      from: "issue",
      to: "awaiting_pickup",
      title: "Подготовить к выдаче лично в архиве",
      roles: ["EXECUTOR"],
      kind: "normal",
      requires: {},
      effects: ["await_pickup"],
      ref: "п. 59.3",
    },
    {
      key: "hand_over",
      from: "awaiting_pickup",
      to: "granted",
      title: "Выдать под расписку",
      roles: ["EXECUTOR"],
      kind: "normal",
      requires: {},
      effects: ["issue_result"],
      ref: "п. 59.3",
    },
    {
      key: "send_uncollected_by_post",
      from: "awaiting_pickup",
      to: "granted",
      title: "Заявитель не явился — передать в Отдел делопроизводства для отправки заказным письмом",
      roles: ["EXECUTOR"],
      kind: "normal",
      requires: {},
      effects: ["issue_by_post"],
      ref: "п. 57",
    },
    {
      key: "prepare_refusal",
      from: "refusal_drafting",
      to: "refusal_signing",
      title: "Оформить уведомление о мотивированном отказе и передать на подпись",
      roles: ["EXECUTOR"],
      kind: "refusal",
      requires: { refusalGrounds: "service", resultType: true },
      effects: ["generate_result"],
      ref: "п. 54, 55",
    },
    {
      key: "grounds_not_confirmed",
      from: "refusal_drafting",
      to: "decision",
      title: "Основания для отказа не подтвердились — исполнять запрос",
      roles: ["EXECUTOR", "HEAD"],
      kind: "normal",
      requires: { comment: true },
    },
    {
      key: "sign_refusal",
      from: "refusal_signing",
      to: "refusal_issue",
      title: "Подписать уведомление об отказе",
      roles: ["SIGNER"],
      kind: "normal",
      requires: {},
      effects: ["register_result", "sign_result"],
      ref: "п. 55",
    },
    {
      key: "return_refusal_for_rework",
      from: "refusal_signing",
      to: "refusal_drafting",
      title: "Вернуть на доработку",
      roles: ["SIGNER"],
      kind: "normal",
      requires: { comment: true },
    },
    {
      key: "send_refusal",
      from: "refusal_issue",
      to: "refused",
      title: "Направить (выдать) уведомление об отказе",
      roles: ["EXECUTOR"],
      kind: "normal",
      requires: {},
      effects: ["issue_result"],
      ref: "п. 56",
    },
  ],

  // DEMO: the real list is in п. 36, which the excerpt lacks; these follow the checks of п. 52.2–52.3
  // (see notes, README). The refs name those clauses and print no «демо» marker (issue 12).
  serviceRefusalGrounds: [
    {
      code: "insufficient_request_data",
      text: "отсутствие в запросе сведений, необходимых для проведения поисковой работы (фамилии, имени, отчества или наименования заявителя, почтового адреса, темы и хронологических рамок запрашиваемых сведений)",
      ref: "п. 36, 52.3",
    },
    {
      code: "no_right_to_information",
      text: "отсутствие у заявителя права на получение запрашиваемой информации, содержащей сведения, составляющие государственную тайну, или сведения конфиденциального характера",
      ref: "п. 36, 52.2",
    },
    {
      code: "unauthorized_person",
      text: "обращение неуполномоченного лица (не представлен документ, подтверждающий полномочия представителя заявителя)",
      ref: "п. 36, 52.2, 59.3",
    },
  ],
  intakeRefusalGrounds: [],

  resultTypes: [
    { code: "archival_certificate", title: "Архивная справка", kind: "positive", ref: "п. 58.1" },
    { code: "archival_extract", title: "Архивная выписка", kind: "positive", ref: "п. 58.2" },
    { code: "archival_copy", title: "Архивная копия", kind: "positive", ref: "п. 58.3" },
    { code: "info_letter", title: "Информационное (сопроводительное) письмо", kind: "positive", ref: "п. 58.4" },
    {
      code: "refusal_notice",
      title: "Уведомление об отказе в предоставлении муниципальной услуги",
      kind: "refusal",
      // S2 p.55: «присваиваются исходящий номер, соответствующий регистрационному номеру, и дата».
      outgoingNumber: "registration",
      ref: "п. 55, 58.5",
    },
  ],

  // п. 56, 59, 61: personal cabinet, registered post through the Отдел делопроизводства, in person.
  // The regulation names the cabinet of ЕПГУ (РПГУ); here the applicant's cabinet is this portal's,
  // and the option says so (issue 16 p.8: the applicant is not sent to look for it on Gosuslugi).
  deliveryChannels: [
    { code: "cabinet", title: "В личный кабинет на этом портале" },
    { code: "post", title: "Заказным письмом через Отдел делопроизводства" },
    { code: "in_person", title: "Лично в муниципальном архиве" },
  ],
  intakeChannels: ["PORTAL", "IN_PERSON", "POST"],

  interagencyRequestTypes: [
    {
      code: "forward_to_record_holder",
      title: "Направление запроса по принадлежности в орган (организацию), где хранятся запрашиваемые документы",
      agency:
        "Органы государственной власти, органы местного самоуправления и организации, хранящие запрашиваемые архивные документы",
      responseDeadline: { value: 5, unit: "working_days" },
      // The 5 working days are 210-FZ art. 7.2 part 3's standard term, not the excerpt's (notes, README).
      ref: "п. 46.2, 52.5",
    },
  ],
};
