import type { Metadata } from "next";
import { requireRole } from "@/server/auth/session";
import { AcceptInvitation } from "@/components/co-applicant/accept-invitation";

export const metadata: Metadata = { title: "Приглашение к совместному запросу" };

export default async function InvitationPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const session = await requireRole(["APPLICANT"], `/invitations/${token}`);
  return (
    <div className="mx-auto max-w-2xl">
      <h1 className="text-2xl font-bold">Приглашение к совместному запросу</h1>
      <p className="mt-3 text-slate-700">
        Вас пригласили стать созаявителем. Приглашение действует для адреса, на который пришло письмо; сейчас вы вошли
        как {session.user.email}.
      </p>
      <div className="mt-6">
        <AcceptInvitation token={token} />
      </div>
    </div>
  );
}
