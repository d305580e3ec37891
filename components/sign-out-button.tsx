"use client";
import { signOut } from "@/components/auth/sign-out";

export function SignOutButton() {
  return (
    <button
      type="button"
      onClick={() => signOut({ callbackUrl: "/" })}
      className="rounded px-3 py-2 text-sm text-white hover:bg-brand-900"
    >
      Выйти
    </button>
  );
}
