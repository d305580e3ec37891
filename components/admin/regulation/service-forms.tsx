"use client";
// The administrator's forms for services and their editions (issue 10 p.1, p.4): create a service
// (it lands in its first draft's editor), rename it or move it to another department, take it out of
// the catalogue or return it, start a draft (from the edition in force, or restore an earlier one),
// discard a draft. Each parses with the procedure's own schema; refusals come back on their field.
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { z } from "zod";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { useTRPC } from "@/components/trpc-provider";
import { classifyRequestError } from "@/components/form/request-errors";
import { zCreateServiceInput, zUpdateServiceInput } from "@/server/regulation/editions/schema";
import { applyRequestError, FailureMessage } from "../form-failure";

export type DepartmentOption = { id: string; name: string; depth: number };

const editorHref = (code: string, id: string) => `/admin/services/${code}/editions/${id}`;

function DepartmentSelect({ departments }: { departments: DepartmentOption[] }) {
  return (
    <>
      <option value="">— выберите подразделение —</option>
      {departments.map((d) => (
        <option key={d.id} value={d.id}>
          {"\u00a0\u00a0".repeat(d.depth)}
          {d.name}
        </option>
      ))}
    </>
  );
}

type CreateValues = z.input<typeof zCreateServiceInput>;

export function NewServiceForm({ departments }: { departments: DepartmentOption[] }) {
  const trpc = useTRPC();
  const router = useRouter();
  const create = useMutation(trpc.regulation.createService.mutationOptions());
  const [failure, setFailure] = useState<string | null>(null);
  const { register, handleSubmit, formState, setError } = useForm<CreateValues>({
    resolver: zodResolver(zCreateServiceInput),
    defaultValues: { code: "", title: "", departmentId: "" },
  });
  const errors = formState.errors;
  const onSubmit = handleSubmit(async (values) => {
    setFailure(null);
    try {
      const created = await create.mutateAsync(zCreateServiceInput.parse(values));
      router.push(editorHref(created.code, created.draftId));
    } catch (e) {
      setFailure(applyRequestError(e, setError, ["code", "title", "departmentId"]));
    }
  });
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3" aria-label="Новая услуга">
      <FormField id="new-service-title" label="Наименование услуги" required error={errors.title?.message}>
        {(c) => <textarea rows={2} {...c} {...register("title")} />}
      </FormField>
      <FormField
        id="new-service-code"
        label="Код услуги"
        hint="Латинские буквы в нижнем регистре, цифры и дефис, например land-extract. Код входит в адрес услуги и не меняется."
        required
        error={errors.code?.message}
        width="w-80"
      >
        {(c) => <input {...c} {...register("code")} autoComplete="off" />}
      </FormField>
      <FormField id="new-service-department" label="Подразделение" required error={errors.departmentId?.message}>
        {(c) => (
          <select {...c} {...register("departmentId")}>
            <DepartmentSelect departments={departments} />
          </select>
        )}
      </FormField>
      <FailureMessage message={failure} />
      <Button type="submit" disabled={create.isPending || create.isSuccess}>
        {create.isPending ? "Создаём…" : "Создать услугу и открыть черновик"}
      </Button>
    </form>
  );
}

type UpdateValues = z.input<typeof zUpdateServiceInput>;

export function ServiceSettingsForm({
  serviceId,
  title,
  departmentId,
  departments,
}: {
  serviceId: string;
  title: string;
  departmentId: string;
  departments: DepartmentOption[];
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const update = useMutation(trpc.regulation.updateService.mutationOptions());
  const [failure, setFailure] = useState<string | null>(null);
  const [status, setStatus] = useState("");
  const { register, handleSubmit, formState, setError } = useForm<UpdateValues>({
    resolver: zodResolver(zUpdateServiceInput),
    defaultValues: { serviceId, title, departmentId },
  });
  const errors = formState.errors;
  const onSubmit = handleSubmit(async (values) => {
    setFailure(null);
    setStatus("");
    try {
      await update.mutateAsync(zUpdateServiceInput.parse(values));
      setStatus("Изменения сохранены.");
      router.refresh();
    } catch (e) {
      setFailure(applyRequestError(e, setError, ["title", "departmentId"]));
    }
  });
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3" aria-label="Сведения об услуге">
      <FormField
        id="service-title"
        label="Наименование услуги"
        hint="Так услуга называется в каталоге и в списках сотрудников; наименование в регламенте задаётся в паспорте редакции."
        required
        error={errors.title?.message}
      >
        {(c) => <textarea rows={2} {...c} {...register("title")} />}
      </FormField>
      <FormField id="service-department" label="Подразделение" required error={errors.departmentId?.message}>
        {(c) => (
          <select {...c} {...register("departmentId")}>
            <DepartmentSelect departments={departments} />
          </select>
        )}
      </FormField>
      <FailureMessage message={failure} />
      <p role="status" aria-live="polite" className="text-green-900">
        {status}
      </p>
      <Button type="submit" disabled={update.isPending}>
        Сохранить
      </Button>
    </form>
  );
}

/** A one-step action with an optional inline confirmation; the refusal is shown beside it. */
function Action({
  label,
  confirm,
  run,
  kind = "secondary",
}: {
  label: string;
  confirm?: string;
  run: () => Promise<void>;
  kind?: "primary" | "secondary" | "neutral" | "link";
}) {
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const go = async () => {
    setBusy(true);
    setFailure(null);
    try {
      await run();
      setAsking(false);
    } catch (e) {
      setAsking(false);
      setFailure(classifyRequestError(e).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="space-y-2">
      {asking ? (
        <div role="group" aria-label={label} className="rounded border-2 border-amber-700 bg-amber-50 p-3">
          <p>{confirm}</p>
          <div className="mt-2 flex gap-3">
            <Button onClick={() => void go()} disabled={busy}>
              Да, {label.toLowerCase()}
            </Button>
            <Button kind="link" onClick={() => setAsking(false)}>
              Отмена
            </Button>
          </div>
        </div>
      ) : (
        <Button kind={kind} onClick={() => (confirm ? setAsking(true) : void go())} disabled={busy}>
          {label}
        </Button>
      )}
      <FailureMessage message={failure} />
    </div>
  );
}

export function CatalogueToggle({
  serviceId,
  active,
  openApplications,
}: {
  serviceId: string;
  active: boolean;
  openApplications: number;
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const set = useMutation(trpc.regulation.setServiceActive.mutationOptions());
  return active ? (
    <Action
      label="Исключить из каталога"
      confirm={`Услуга исчезнет из каталога, новые заявления подать будет нельзя. Открытые заявления (${openApplications}) продолжают рассматриваться по своим редакциям; ничего не удаляется.`}
      run={async () => {
        await set.mutateAsync({ serviceId, active: false });
        router.refresh();
      }}
    />
  ) : (
    <Action
      label="Вернуть в каталог"
      run={async () => {
        await set.mutateAsync({ serviceId, active: true });
        router.refresh();
      }}
    />
  );
}

export function StartDraftButton({
  serviceId,
  serviceCode,
  fromVersionId,
  label,
  kind = "secondary",
}: {
  serviceId: string;
  serviceCode: string;
  fromVersionId?: string;
  label: string;
  kind?: "primary" | "secondary" | "neutral" | "link";
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const start = useMutation(trpc.regulation.startDraft.mutationOptions());
  return (
    <Action
      label={label}
      kind={kind}
      run={async () => {
        const draft = await start.mutateAsync({ serviceId, ...(fromVersionId ? { fromVersionId } : {}) });
        router.push(editorHref(serviceCode, draft.id));
      }}
    />
  );
}

export function DiscardDraftButton({ id, version }: { id: string; version: number }) {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const discard = useMutation(trpc.regulation.discardDraft.mutationOptions());
  return (
    <Action
      label="Удалить черновик"
      kind="link"
      confirm={`Черновик редакции № ${version} будет удалён: изменить его будет нельзя, но он останется в истории редакций.`}
      run={async () => {
        // The row version of now: a draft someone saved a moment ago is still the one meant here.
        const { rowVersion } = await queryClient.fetchQuery({
          ...trpc.regulation.edition.queryOptions({ id }),
          staleTime: 0,
        });
        await discard.mutateAsync({ id, expectedRowVersion: rowVersion });
        router.refresh();
      }}
    />
  );
}
