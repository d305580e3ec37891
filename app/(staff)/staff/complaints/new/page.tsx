import type { Metadata } from "next";
import { requireRole } from "@/server/auth/session";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { PaperComplaintForm } from "@/components/complaint/paper-complaint-form";

export const metadata: Metadata = { title: "Жалоба на бумаге" };
export const dynamic = "force-dynamic";

export default async function NewPaperComplaintPage() {
  await requireRole(["REGISTRAR"], "/staff/complaints/new");
  return (
    <div>
      <Breadcrumbs
        items={[
          { label: "Рабочее место", href: "/staff" },
          { label: "Жалобы", href: "/staff/complaints" },
          { label: "Жалоба на бумаге" },
        ]}
      />
      <h1 className="mt-3 mb-4 text-2xl font-bold">Регистрация жалобы, поступившей на бумаге</h1>
      <PaperComplaintForm />
    </div>
  );
}
