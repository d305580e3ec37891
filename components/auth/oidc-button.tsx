"use client";
import { signIn } from "next-auth/react";

export function OidcButton({ name, callbackUrl }: { name: string; callbackUrl?: string }) {
  return (
    <button
      type="button"
      onClick={() =>
        signIn("oidc", { callbackUrl: callbackUrl && callbackUrl.startsWith("/") ? callbackUrl : "/after-sign-in" })
      }
      className="w-full rounded border-2 border-brand-700 px-5 py-2 font-semibold text-brand-700 hover:bg-brand-50"
    >
      Войти через {name}
    </button>
  );
}
