import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Suspense } from "react";
import { api, notFoundIfMissing } from "@/server/api/server";
import { requireRole } from "@/server/auth/session";
import { isUuid } from "@/server/ids";
import { EditionEditor } from "@/components/admin/regulation/edition-editor";

export const metadata: Metadata = { title: "Редактор регламента" };
export const dynamic = "force-dynamic";

// The editor of one edition (issue 10 p.2-3): a draft is edited, any other edition is read-only.
export default async function EditionPage({ params }: { params: Promise<{ code: string; id: string }> }) {
  const { code, id } = await params;
  await requireRole(["ADMIN"], `/admin/services/${code}/editions/${id}`);
  if (!isUuid(id)) notFound();
  const edition = await (await api()).regulation.edition({ id }).catch(notFoundIfMissing);
  if (edition.service.code !== code) notFound();
  return (
    // The section is read from the address in the browser (useSearchParams).
    <Suspense>
      <EditionEditor edition={edition} />
    </Suspense>
  );
}
