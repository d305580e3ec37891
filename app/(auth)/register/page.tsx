import type { Metadata } from "next";
import Link from "next/link";
import { RegisterForm } from "@/components/auth/register-form";

export const metadata: Metadata = { title: "Регистрация" };

export default function RegisterPage() {
  return (
    <div className="mx-auto max-w-2xl">
      <h1 className="text-2xl font-bold">Регистрация заявителя</h1>
      <p className="mt-2 text-slate-700">
        Учётная запись нужна, чтобы подавать заявления и следить за их рассмотрением в личном кабинете.
      </p>
      <div className="mt-6 rounded-lg border border-slate-200 bg-white p-6">
        <RegisterForm />
      </div>
      <p className="mt-4">
        Уже зарегистрированы?{" "}
        <Link href="/sign-in" className="text-brand-700 underline">
          Войдите
        </Link>
      </p>
    </div>
  );
}
