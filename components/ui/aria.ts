// DOM helpers of the field frame and the error summary, kept free of React so pure modules
// (components/form/paths.ts) can share them.

/** The ids that describe a control, joined; undefined when there are none (no empty attribute). */
export function describedBy(...ids: (string | false | null | undefined)[]): string | undefined {
  const list = ids.filter((x): x is string => typeof x === "string" && x.length > 0);
  return list.length ? list.join(" ") : undefined;
}

/** Focuses the control with this id, or the chosen/first input inside a fieldset with it. */
export function focusById(id: string): boolean {
  const el = document.getElementById(id);
  if (!el) return false;
  const target =
    el instanceof HTMLInputElement ||
    el instanceof HTMLSelectElement ||
    el instanceof HTMLTextAreaElement ||
    el instanceof HTMLButtonElement
      ? el
      : (el.querySelector<HTMLElement>("input:checked") ??
        el.querySelector<HTMLElement>("input:not([type=hidden]), select, textarea, button") ??
        el);
  // Scroll the label into view as well (GOV.UK: the question must be visible next to the input).
  el.scrollIntoView({ block: "center" });
  target.focus({ preventScroll: true });
  return document.activeElement === target;
}
