"use client";
// The sections of a workspace (staff, administration), on every page of it; the current one is
// marked for screen readers (aria-current) and by more than colour (underline and weight).
import Link from "next/link";
import { usePathname } from "next/navigation";

/** `also`: further path prefixes that belong to the section (a board's application cards). */
export type SectionLink = { href: string; label: string; also?: string[] };

export function SectionNav({ label, links }: { label: string; links: SectionLink[] }) {
  const pathname = usePathname();
  // The longest matching prefix wins, so /admin does not light up on /admin/staff.
  const matches = (l: SectionLink) =>
    [l.href, ...(l.also ?? [])].filter((p) => pathname === p || pathname.startsWith(`${p}/`)).map((p) => p.length);
  const best = Math.max(0, ...links.flatMap(matches));
  return (
    <nav aria-label={label} className="mb-6 border-b border-slate-200 no-print">
      <ul className="flex flex-wrap gap-1">
        {links.map((l) => {
          const active = best > 0 && matches(l).includes(best);
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
