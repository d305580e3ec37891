"use client";
// The sections of the staff workspace, on every staff page; the current one is marked for screen
// readers (aria-current) and by more than colour (underline and weight).
import Link from "next/link";
import { usePathname } from "next/navigation";

export type StaffNavLink = { href: string; label: string };

export function StaffNav({ links }: { links: StaffNavLink[] }) {
  const pathname = usePathname();
  const current = (href: string) =>
    href === "/staff" ? pathname === "/staff" || pathname.startsWith("/staff/applications") : pathname.startsWith(href);
  return (
    <nav aria-label="Разделы рабочего места" className="mb-6 border-b border-slate-200 no-print">
      <ul className="flex flex-wrap gap-1">
        {links.map((l) => {
          const active = current(l.href);
          return (
            <li key={l.href}>
              <Link
                href={l.href}
                aria-current={active ? "page" : undefined}
                className={`-mb-px inline-block border-b-4 px-3 py-2 text-sm ${active ? "border-brand-700 font-bold text-brand-900" : "border-transparent text-brand-700 underline-offset-4 hover:underline"}`}
              >
                {l.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
