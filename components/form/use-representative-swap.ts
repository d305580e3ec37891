"use client";
// Issue 16 p.6: ticking «Я представитель заявителя» takes the signed-in person's own data (the
// profile's prefill) out of the applicant's fields, and taking the tick off puts it back where those
// fields were left empty. The rule is server/application/prefill.ts representativeSwap.
import { useEffect, useRef, useState } from "react";
import type { UseFormReturn } from "react-hook-form";
import { representativeSwap } from "@/server/application/prefill";
import type { StepDef } from "@/server/regulation/document";
import type { FormValues } from "./values";

/** Applies the swap when the representative tick changes; returns what to tell the applicant. */
export function useRepresentativeSwap(
  form: Pick<UseFormReturn<FormValues>, "getValues" | "setValue" | "trigger">,
  steps: StepDef[],
  profileValues: Record<string, unknown>,
  values: FormValues,
): string | null {
  const key = steps.flatMap((s) => s.fields).find((f) => f.role === "representative")?.key;
  const ticked = key ? values[key] === true || values[key] === "true" : false;
  const seen = useRef(ticked);
  const [note, setNote] = useState<string | null>(null);
  const { getValues, setValue, trigger } = form;
  useEffect(() => {
    if (seen.current === ticked) return;
    seen.current = ticked;
    const changes = representativeSwap(steps, getValues(), profileValues, ticked);
    const keys = Object.keys(changes);
    for (const k of keys) setValue(k, changes[k], { shouldDirty: true });
    // Filled back: judged at once, so a message left from the empty field goes (a name's own message
    // and its parts'). Emptied: judged when the applicant gets there, like any field not yet filled.
    if (!ticked && keys.length) void trigger(keys);
    setNote(
      keys.length === 0
        ? null
        : ticked
          ? "Ваши данные из профиля убраны из полей заявителя: укажите данные человека, которого вы представляете. Ваши ФИО — в поле представителя."
          : "Поля заявителя снова заполнены данными из вашего профиля.",
    );
  }, [ticked, steps, profileValues, getValues, setValue, trigger]);
  return note;
}
