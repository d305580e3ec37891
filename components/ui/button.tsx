// The app's buttons: one look per kind, so a primary action looks the same on every page.
import type { ButtonHTMLAttributes } from "react";

const KIND = {
  primary:
    "rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-900 disabled:opacity-60 aria-disabled:opacity-60",
  secondary:
    "rounded border-2 border-brand-700 px-4 py-2 font-semibold text-brand-700 hover:bg-brand-50 disabled:opacity-60 aria-disabled:opacity-60",
  neutral:
    "rounded border-2 border-slate-400 px-4 py-2 font-semibold text-slate-800 hover:bg-slate-50 disabled:opacity-60 aria-disabled:opacity-60",
  link: "px-2 py-2 text-brand-700 underline disabled:opacity-60 aria-disabled:opacity-60",
} as const;

export type ButtonKind = keyof typeof KIND;

export const buttonClass = (kind: ButtonKind = "primary", extra = "") => `${KIND[kind]} ${extra}`.trim();

type Props = ButtonHTMLAttributes<HTMLButtonElement> & { kind?: ButtonKind; ref?: React.Ref<HTMLButtonElement> };

/** `type` defaults to "button": a submit must say so, so that no button submits a form by accident. */
export function Button({ kind = "primary", className = "", type = "button", ...rest }: Props) {
  return <button type={type} className={buttonClass(kind, className)} {...rest} />;
}
