// The regulation's fields use the shared field frame (components/ui/form-field.tsx) by path: the ids
// of a field's hint and message derive from its path (./paths.ts), as the error summary's links do.
import type { ReactNode } from "react";
import { FieldError as FrameError, FieldHint as FrameHint } from "@/components/ui/form-field";
import { errorId, hintId } from "./paths";

export { RequiredMark, fieldBox, inputClass } from "@/components/ui/form-field";

export function FieldHint({ path, children }: { path: string; children?: ReactNode }) {
  return <FrameHint id={hintId(path)}>{children}</FrameHint>;
}

export function FieldError({ path, message }: { path: string; message?: string }) {
  return <FrameError id={errorId(path)} message={message} />;
}
