import type { Metadata } from "next";
import Link from "next/link";
import { ForgotPasswordForm } from "@/components/auth/forgot-password-form";

export const metadata: Metadata = { title: "Восстановление пароля" };

export default function ForgotPasswordPage() {
  return (
    <div className="mx-auto max-w-md">
      <h1 className="text-2xl font-bold">Восстановление пароля</h1>
      <p className="mt-2 text-slate-700">
        Укажите адрес электронной почты, с которым вы входите. Мы пришлём на него ссылку, по которой можно задать новый
        пароль.
      </p>
      <div className="mt-6 rounded-lg border border-slate-200 bg-white p-6">
        <ForgotPasswordForm />
      </div>
      <p className="mt-4">
        <Link href="/sign-in" className="text-brand-700 underline">
          Вернуться ко входу
        </Link>
      </p>
    </div>
  );
}
