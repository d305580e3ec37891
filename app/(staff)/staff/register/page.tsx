import type { Metadata } from "next";
import Link from "next/link";
import { forbidden, notFound } from "next/navigation";
import { TRPCError } from "@trpc/server";
import { api } from "@/server/api/server";
import { requireRole } from "@/server/auth/session";
import { config } from "@/server/config";
import { IntakeForm } from "@/components/intake/intake-form";
import { INTAKE_CHANNELS, type IntakeChannel } from "@/components/intake/intake-schema";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";

export const metadata: Metadata = { title: "Регистрация заявления на бумаге" };
export const dynamic = "force-dynamic";

type Service = { code: string; title: string };

function ServiceList({ services, current }: { services: Service[]; current?: string }) {
  if (!services.length) {
    return (
      <p className="mt-4 text-slate-700">
        Вы не отвечаете за приём заявлений ни по одной услуге. Обратитесь к администратору.
      </p>
    );
  }
  return (
    <ul className="mt-3 space-y-2">
      {services.map((s) => (
        <li key={s.code}>
          <Link
            href={`/staff/register?service=${encodeURIComponent(s.code)}`}
            aria-current={s.code === current ? "page" : undefined}
            className={`text-brand-700 underline ${s.code === current ? "font-bold" : ""}`}
          >
            {s.title}
          </Link>
        </li>
      ))}
    </ul>
  );
}

async function loadForm(serviceCode: string) {
  try {
    return { ok: true as const, form: await (await api()).staff.intakeForm({ serviceCode }) };
  } catch (error) {
    if (!(error instanceof TRPCError)) throw error;
    // A service that does not exist (or is another department's) is a 404, one this registrar may not
    // register for a 403 (issue 9): not a page that says so with 200.
    if (error.code === "NOT_FOUND" || error.code === "BAD_REQUEST") notFound();
    if (error.code === "FORBIDDEN") forbidden();
    if (error.code === "PRECONDITION_FAILED") return { ok: false as const, message: error.message };
    throw error;
  }
}

export default async function RegisterPaperPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await requireRole(["REGISTRAR"], "/staff/register");
  const param = (await searchParams).service;
  const serviceCode = typeof param === "string" && param ? param : undefined;
  const services = await (await api()).staff.intakeServices();
  const loaded = serviceCode ? await loadForm(serviceCode) : null;
  const channels = loaded?.ok
    ? loaded.form.intakeChannels.filter((c): c is IntakeChannel => (INTAKE_CHANNELS as readonly string[]).includes(c))
    : [];

  return (
    <div>
      <Breadcrumbs
        items={[
          { label: "Рабочее место", href: "/staff" },
          { label: "Регистрация заявления", href: loaded?.ok ? "/staff/register" : undefined },
        ]}
      />
      <h1 className="mt-3 text-3xl font-bold">Регистрация заявления, поступившего не через портал</h1>
      <p className="mt-2 max-w-3xl text-slate-700">
        Заявления, принятые лично, полученные по почте, из МФЦ или по электронной почте, вносятся в ту же форму, что и
        на портале, с теми же проверками. Сроки считаются от даты и времени поступления.
      </p>

      {!serviceCode ? (
        <section aria-labelledby="choose-service" className="mt-6">
          <h2 id="choose-service" className="text-2xl font-bold">
            Выберите услугу
          </h2>
          <ServiceList services={services} />
        </section>
      ) : !loaded?.ok ? (
        <section aria-labelledby="choose-service" className="mt-6">
          <p role="alert" className="rounded border-2 border-red-700 bg-red-50 p-3 text-red-800">
            {loaded?.message ?? "Услуга не найдена."}
          </p>
          <h2 id="choose-service" className="mt-6 text-2xl font-bold">
            Выберите услугу
          </h2>
          <ServiceList services={services} />
        </section>
      ) : !channels.length ? (
        <section aria-labelledby="no-channels" className="mt-6">
          <h2 id="no-channels" className="text-2xl font-bold">
            {loaded.form.service.title}
          </h2>
          <p className="mt-3 text-slate-700">
            Регламент этой услуги не предусматривает подачу заявления иначе как через портал.
          </p>
          <h2 className="mt-6 text-xl font-bold">Другие услуги</h2>
          <ServiceList services={services} current={serviceCode} />
        </section>
      ) : (
        <IntakeForm
          key={loaded.form.service.code}
          service={loaded.form.service}
          steps={loaded.form.steps}
          channels={channels}
          documents={loaded.form.documents}
          timeZone={config().timeZone}
          now={new Date().toISOString()}
        />
      )}
    </div>
  );
}
