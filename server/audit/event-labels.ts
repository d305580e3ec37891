// The Russian labels of the application event log's kinds (R3): the staff card's history and the
// auditors' log (issue 11) print the same words. Client-safe.

export const EVENT_LABEL: Record<string, string> = {
  submitted: "Подано заявителем",
  registered: "Зарегистрировано",
  stage_changed: "Переход",
  executor_assigned: "Назначен исполнитель",
  refused: "Отказ",
  granted: "Решение о предоставлении",
  closed: "Завершено",
  comment: "Комментарий",
  document_generated: "Сформирован документ",
  document_signed: "Документ подписан",
  document_registered: "Документ зарегистрирован",
  document_issued: "Документ выдан (направлен)",
  awaiting_pickup: "Документ ожидает получения",
  request_sent: "Направлен межведомственный запрос",
  request_answered: "Получен ответ на запрос",
  content_mismatch: "Содержимое не совпадает с подписанным (проверка хеша)",
  deadline_escalated: "Нарушение срока: сообщено руководителю",
  request_escalated: "Просрочен ответ на запрос: сообщено руководителю",
  deadlines_recomputed: "Сроки пересчитаны по производственному календарю",
  withdrawn: "Отозвано заявителем",
  // Reads of personal data (152-FZ): in the auditors' log, never in a card's history (./events.ts).
  card_viewed: "Просмотр карточки заявления",
  file_downloaded: "Скачивание файла заявления",
};
