// The trail above a page's heading: links back up, the current page last and unlinked. One component,
// so every page says «Навигационная цепочка» to screen readers and hides the trail when printed
// where the page is meant to be printed.
import Link from "next/link";
import { Fragment } from "react";

export type Crumb = { label: string; href?: string };

export function Breadcrumbs({ items, noPrint = false }: { items: Crumb[]; noPrint?: boolean }) {
  return (
    <nav aria-label="Навигационная цепочка" className={noPrint ? "text-sm no-print" : "text-sm"}>
      {items.map((item, i) => (
        <Fragment key={i}>
          {i > 0 ? (
            <>
              {" "}
              <span aria-hidden>›</span>{" "}
            </>
          ) : null}
          {item.href ? (
            <Link href={item.href} className="text-brand-700 underline">
              {item.label}
            </Link>
          ) : (
            <span>{item.label}</span>
          )}
        </Fragment>
      ))}
    </nav>
  );
}
