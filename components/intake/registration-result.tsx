"use client";
// What the registrar sees once a paper application is registered (R23, S1 p.36, S2 p.55): the
// number, the date and time of registration, the expected completion date, the card, and the
// receipt in two copies (one for the applicant, one for the file) to print at once.
import Link from "next/link";
import { useEffect, useRef } from "react";
import type { IntakeChannel } from "./intake-schema";
import { formatDate, formatDateTime } from "@/components/ui/format";

export type RegistrationResultProps = {
  result: {
    id: string;
    registrationNumber: string;
    registeredAt: Date | string;
    dueAt: Date | string;
    alreadyRegistered?: boolean;
  };
  timeZone: string;
  channel: IntakeChannel | null;
  onStartOver: () => void;
};

export function RegistrationResult({ result, timeZone, channel, onStartOver }: RegistrationResultProps) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    headingRef.current?.focus();
  }, []);
  const receipt = `/api/applications/${result.id}/receipt`;
  return (
    <section
      aria-labelledby="registered-title"
      className="mt-6 rounded-lg border-2 border-green-800 bg-green-50 p-5 sm:p-6"
      data-testid="registration-result"
    >
      <h2 id="registered-title" ref={headingRef} tabIndex={-1} className="text-2xl font-bold text-green-900">
        <svg
          className="mr-2 inline-block h-6 w-6 align-[-0.15em]"
          viewBox="0 0 24 24"
          fill="none"
          stroke="currentColor"
          strokeWidth={2.5}
          strokeLinecap="round"
          strokeLinejoin="round"
          aria-hidden
          focusable={false}
        >
          <path d="m5 12 5 5 9-10" />
        </svg>
        Заявление зарегистрировано
      </h2>
      <dl className="mt-4 grid gap-x-6 gap-y-2 sm:grid-cols-[max-content_1fr]">
        <dt className="font-semibold">Регистрационный номер</dt>
        <dd className="text-xl font-bold" data-testid="registration-number">
          {result.registrationNumber}
        </dd>
        <dt className="font-semibold">Дата и время регистрации</dt>
        <dd>{formatDateTime(result.registeredAt, timeZone)}</dd>
        <dt className="font-semibold">Ожидаемый срок предоставления услуги</dt>
        <dd>до {formatDate(result.dueAt, timeZone)} включительно</dd>
      </dl>
      {result.alreadyRegistered ? (
        <p className="mt-4 font-semibold">
          Это заявление уже было зарегистрировано при предыдущей отправке формы; второе заявление не создано. Если после
          этого вы исправляли сведения, проверьте их в карточке заявления.
        </p>
      ) : null}
      {channel === "IN_PERSON" ? (
        <p className="mt-4">
          Выдайте заявителю первый экземпляр расписки, второй, с подписью заявителя, приложите к заявлению.
        </p>
      ) : null}
      <ul className="mt-5 flex flex-wrap items-center gap-4">
        <li>
          <a
            href={receipt}
            className="inline-block rounded bg-brand-700 px-5 py-2 font-semibold text-white hover:bg-brand-900"
          >
            Распечатать расписку (2 экземпляра)
          </a>
        </li>
        <li>
          <Link href={`/staff/applications/${result.id}`} className="text-brand-700 underline">
            Открыть карточку заявления
          </Link>
        </li>
        <li>
          <button type="button" onClick={onStartOver} className="text-brand-700 underline">
            Зарегистрировать ещё одно заявление
          </button>
        </li>
      </ul>
    </section>
  );
}
