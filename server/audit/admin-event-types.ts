// The kinds of administrators' changes (recordAdminEvent in server/audit/mutations.ts) and their Russian labels for
// the auditors' log. Client-safe. A new kind is added here first: the type checker then asks for
// its label.

export const ADMIN_EVENT_LABEL = {
  department_created: "Подразделение создано",
  department_updated: "Подразделение изменено",
  department_moved: "Подразделение перемещено",
  department_closed: "Подразделение закрыто",
  schedule_changed: "График приёма изменён",
  account_invited: "Сотрудник приглашён",
  account_updated: "Учётная запись изменена",
  account_deactivated: "Учётная запись отключена",
  account_reactivated: "Учётная запись включена",
  role_granted: "Роль назначена",
  role_revoked: "Роль снята",
  calendar_year_loaded: "Производственный календарь загружен",
  calendar_day_changed: "День календаря изменён",
  deadlines_recomputed: "Сроки пересчитаны",
  service_created: "Услуга создана",
  service_updated: "Услуга изменена",
  edition_created: "Редакция регламента создана",
  edition_updated: "Редакция регламента изменена",
  edition_published: "Редакция регламента опубликована",
  edition_discarded: "Редакция регламента удалена",
  trusted_certificate_added: "Сертификат УЦ добавлен в доверенные",
  trusted_certificate_removed: "Сертификат УЦ удален из доверенных",
  revocation_list_loaded: "Список отзыва загружен",
  revocation_list_removed: "Список отзыва удален",
  signing_certificate_withdrawn: "Сертификат должностного лица отозван",
} as const;

export type AdminEventType = keyof typeof ADMIN_EVENT_LABEL;

export const ADMIN_SUBJECT_LABEL = {
  department: "Подразделение",
  user: "Учётная запись",
  calendar_year: "Календарь",
  service: "Услуга",
  regulation_version: "Редакция регламента",
  trusted_certificate: "Доверенный сертификат",
  revocation_list: "Список отзыва",
  signing_certificate: "Сертификат подписи",
} as const;

export type AdminSubjectType = keyof typeof ADMIN_SUBJECT_LABEL;
