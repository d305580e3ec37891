"use client";
// Attachments of a file field: upload (one or several files, up to maxFiles), the list with a
// download link and a remove button each. The value is the list of FileRefs the server returned;
// after every upload or removal the draft is saved at once, so the server's list of attachments
// and the draft agree.
import { useRef, useState, type ChangeEvent } from "react";
import { useFormContext, useWatch } from "react-hook-form";
import type { FieldDef } from "@/server/regulation/document";
import type { FileRef } from "@/server/regulation/form-schema";
import {
  documentFiles,
  fieldMimeTypes,
  fileInputAccept,
  hasSignatureExtension,
  SIGNATURE_MIME,
  signatureFiles,
} from "@/server/attachment/sniff";
import { plural } from "@/server/format/plural";
import { FieldError, FieldHint, RequiredMark, fieldBox } from "./field-parts";
import { useFieldError, useWizardField } from "./form-context";
import { describedBy, errorId, fieldId, hintId } from "./paths";
import { failureText, fileLimitsText, formatFileSize, isFileRefs, type FormValues } from "./values";

const MB = 1024 * 1024;

async function errorText(res: Response): Promise<string> {
  try {
    const body = (await res.json()) as { error?: unknown };
    if (typeof body.error === "string" && body.error) return body.error;
  } catch {
    // Not JSON: a proxy's page.
  }
  return res.status === 401 ? "войдите в систему снова" : "сервер не принял файл, попробуйте ещё раз";
}

export function FileField({ field, path }: { field: FieldDef; path: string }) {
  const { control, setValue, getValues } = useFormContext<FormValues>();
  const { applicationId, saveNow, preview } = useWizardField();
  const watched = useWatch({ control, name: path }) as unknown;
  const files = isFileRefs(watched) ? watched : [];
  const error = useFieldError(path);
  const [busy, setBusy] = useState<string | null>(null);
  const [problems, setProblems] = useState<string[]>([]);
  const inputRef = useRef<HTMLInputElement>(null);
  const max = field.maxFiles ?? 1;
  // Issue 15: documents and the detached signatures (.sig) beside them are counted apart, as on the
  // server (server/attachment/mutations.ts): up to `max` of each.
  const full = documentFiles(files).length >= max && signatureFiles(files).length >= max;
  const limits = `${fileLimitsText(field, max)} К документу можно приложить файл его электронной подписи (.sig, .p7s).`;
  const current = (): FileRef[] => {
    const v = getValues(path) as unknown;
    return isFileRefs(v) ? v : [];
  };
  const update = (next: FileRef[]) => {
    setValue(path, next, { shouldDirty: true, shouldTouch: true, shouldValidate: true });
    saveNow();
  };

  async function onChoose(e: ChangeEvent<HTMLInputElement>) {
    const chosen = Array.from(e.target.files ?? []);
    e.target.value = "";
    const failed: string[] = [];
    for (const file of chosen) {
      const sameKind = hasSignatureExtension(file.name) ? signatureFiles(current()) : documentFiles(current());
      if (sameKind.length >= max) {
        failed.push(
          `«${file.name}» не загружен: можно приложить не больше ${max} ${plural(max, ["файла", "файлов", "файлов"])} — удалите лишний файл, чтобы добавить новый`,
        );
        continue;
      }
      if (field.maxSizeMb && file.size > field.maxSizeMb * MB) {
        failed.push(
          `«${file.name}» весит ${formatFileSize(file.size)}, а допускается не больше ${field.maxSizeMb} МБ: сожмите файл или отсканируйте с меньшим разрешением`,
        );
        continue;
      }
      if (preview) {
        // Nothing is uploaded: the reference says what the upload would have recognised.
        update([
          ...current(),
          {
            id: `preview-${crypto.randomUUID()}`,
            name: file.name,
            size: file.size,
            mimeType: hasSignatureExtension(file.name) ? SIGNATURE_MIME : file.type,
          },
        ]);
        continue;
      }
      setBusy(`Загружаем «${file.name}»…`);
      try {
        const body = new FormData();
        body.append("file", file);
        const res = await fetch(`/api/applications/${applicationId}/files?field=${encodeURIComponent(field.key)}`, {
          method: "POST",
          body,
        });
        if (res.ok) update([...current(), (await res.json()) as FileRef]);
        else failed.push(failureText(file.name, "не загружен", await errorText(res)));
      } catch {
        failed.push(`«${file.name}» не загружен: нет связи с сервером. Проверьте подключение и выберите файл ещё раз`);
      }
    }
    setBusy(null);
    setProblems(failed);
  }

  async function onRemove(file: FileRef) {
    if (preview) {
      update(current().filter((f) => f.id !== file.id));
      inputRef.current?.focus();
      return;
    }
    setBusy(`Удаляем «${file.name}»…`);
    try {
      const res = await fetch(`/api/applications/${applicationId}/files/${encodeURIComponent(file.id)}`, {
        method: "DELETE",
      });
      // 404: already gone on the server; the draft must not keep pointing at it.
      if (res.ok || res.status === 404) {
        update(current().filter((f) => f.id !== file.id));
        setProblems([]);
        inputRef.current?.focus();
      } else {
        setProblems([failureText(file.name, "не удалён", await errorText(res))]);
      }
    } catch {
      setProblems([`«${file.name}» не удалён: нет связи с сервером. Попробуйте ещё раз`]);
    }
    setBusy(null);
  }

  const problemId = `${fieldId(path)}-problems`;
  return (
    <fieldset
      id={fieldId(path)}
      className={fieldBox(!!error || problems.length > 0)}
      aria-describedby={describedBy(hintId(path), error && errorId(path))}
    >
      <legend className="font-medium">
        {field.label}
        <RequiredMark required={field.required} announce />
      </legend>
      <FieldHint path={path}>{[field.hint, limits].filter(Boolean).join(" ")}</FieldHint>
      <FieldError path={path} message={error} />
      {problems.length ? (
        <ul id={problemId} role="alert" className="mt-1 space-y-1 text-sm font-semibold text-red-700">
          {problems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      ) : null}
      {files.length ? (
        <ul
          className="mt-2 divide-y divide-slate-200 rounded border border-slate-300 bg-white"
          aria-label={`Приложенные файлы: ${field.label}`}
        >
          {files.map((f) => (
            <li key={f.id} className="flex flex-wrap items-center justify-between gap-2 px-3 py-2">
              <span>
                {preview ? (
                  f.name
                ) : (
                  <a href={`/api/files/${encodeURIComponent(f.id)}`} className="text-brand-700 underline">
                    {f.name}
                  </a>
                )}{" "}
                <span className="text-sm text-slate-600">({formatFileSize(f.size)})</span>
              </span>
              <button
                type="button"
                onClick={() => void onRemove(f)}
                disabled={!!busy}
                className="rounded border border-slate-500 px-3 py-1 text-sm hover:bg-slate-100 disabled:opacity-60"
              >
                Удалить<span className="sr-only"> файл «{f.name}»</span>
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      {full ? (
        <p className="mt-2 text-sm text-slate-700">
          Приложено максимальное число файлов. Чтобы заменить файл, сначала удалите его.
        </p>
      ) : (
        <div className="mt-2">
          <label htmlFor={`${fieldId(path)}-input`} className="inline-block text-sm font-medium">
            {files.length ? "Добавить ещё файл" : max > 1 ? "Выберите файлы" : "Выберите файл"}
          </label>
          <input
            ref={inputRef}
            id={`${fieldId(path)}-input`}
            type="file"
            multiple
            accept={fileInputAccept(fieldMimeTypes(field.accept))}
            disabled={!!busy}
            onChange={(e) => void onChoose(e)}
            aria-invalid={error ? true : undefined}
            aria-describedby={describedBy(hintId(path), error && errorId(path), problems.length > 0 && problemId)}
            className="mt-1 block w-full text-sm file:mr-3 file:rounded file:border file:border-slate-500 file:bg-white file:px-3 file:py-2 file:font-medium"
          />
        </div>
      )}
      <p className="sr-only" aria-live="polite">
        {busy ?? ""}
      </p>
    </fieldset>
  );
}
