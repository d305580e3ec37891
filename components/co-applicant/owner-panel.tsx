"use client";
// The owner's view of co-applicants (R15): invite by e-mail, see who accepted and who completed
// their section, withdraw an invitation. Submission waits for every section (server-enforced).
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "@/components/trpc-provider";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { classifyRequestError } from "@/components/form/request-errors";

export function CoApplicantsPanel({ applicationId }: { applicationId: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const list = useQuery(trpc.application.coApplicants.queryOptions({ id: applicationId }));
  const refresh = () =>
    queryClient.invalidateQueries({ queryKey: trpc.application.coApplicants.queryKey({ id: applicationId }) });
  const invite = useMutation(trpc.application.inviteCoApplicant.mutationOptions({ onSuccess: refresh }));
  const remove = useMutation(trpc.application.removeCoApplicant.mutationOptions({ onSuccess: refresh }));
  const [email, setEmail] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  async function onInvite(e: React.FormEvent) {
    e.preventDefault();
    setError(null);
    setNotice(null);
    try {
      const r = await invite.mutateAsync({ id: applicationId, email });
      setNotice(`Приглашение отправлено на ${r.email}.`);
      setEmail("");
    } catch (err) {
      const f = classifyRequestError(err);
      setError(f.kind === "invalid" ? (f.fieldErrors.email ?? f.message) : f.message);
    }
  }

  return (
    <section aria-labelledby="co-applicants-title" className="mt-8 rounded-lg border border-slate-200 bg-white p-5">
      <h2 id="co-applicants-title" className="text-lg font-semibold">
        Созаявители
      </h2>
      <p className="mt-1 text-slate-700">
        Если запрос подаётся совместно, пригласите других заявителей: каждый заполнит свой раздел в своём личном
        кабинете.
      </p>
      {list.data && list.data.length > 0 ? (
        <ul className="mt-3 space-y-2" aria-label="Приглашённые созаявители">
          {list.data.map((p) => (
            <li
              key={p.id}
              className="flex flex-wrap items-center justify-between gap-2 rounded border border-slate-200 p-3"
            >
              <span>
                <span className="font-medium">{p.name ?? p.email}</span>
                {p.name ? <span className="text-slate-600"> ({p.email})</span> : null}
                <span className="block text-sm" data-testid="co-applicant-status">
                  {p.completedAt
                    ? "Раздел заполнен"
                    : p.acceptedAt
                      ? "Приглашение принято, раздел заполняется"
                      : "Приглашение отправлено"}
                </span>
              </span>
              <button
                type="button"
                onClick={() => remove.mutate({ id: applicationId, participantId: p.id })}
                className="text-sm text-red-800 underline"
              >
                Отозвать приглашение<span className="sr-only"> для {p.email}</span>
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <form onSubmit={onInvite} noValidate className="mt-4 flex flex-wrap items-end gap-3">
        <FormField
          id="co-applicant-email"
          label="Электронная почта созаявителя"
          error={error ?? undefined}
          className="min-w-64 flex-1"
        >
          {(control) => (
            <input
              type="email"
              value={email}
              onChange={(e) => setEmail(e.target.value)}
              autoComplete="off"
              {...control}
            />
          )}
        </FormField>
        <Button type="submit" disabled={invite.isPending}>
          Пригласить
        </Button>
      </form>
      <p role="status" aria-live="polite" className="mt-2 text-sm text-green-900">
        {notice}
      </p>
    </section>
  );
}
