"use client";
import { signIn } from "next-auth/react";
import { safeCallbackUrl } from "@/server/auth/callback-url";

export function OidcButton({ name, callbackUrl }: { name: string; callbackUrl?: string }) {
  return (
    <button
      type="button"
      onClick={() => signIn("oidc", { callbackUrl: safeCallbackUrl(callbackUrl, window.location.origin) })}
      className="w-full rounded border-2 border-brand-700 px-5 py-2 font-semibold text-brand-700 hover:bg-brand-50"
    >
      Войти через {name}
    </button>
  );
}
