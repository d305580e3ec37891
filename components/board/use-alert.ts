"use client";
// The alert of a failed move, on the board and on the card page: each new alert takes the focus,
// the same text twice included (the serial makes it a new alert), so a keyboard or screen-reader
// user hears why nothing moved.
import { useCallback, useEffect, useRef, useState } from "react";

export function useAlert() {
  const [alert, setAlert] = useState<{ text: string; serial: number } | null>(null);
  const alertRef = useRef<HTMLDivElement>(null);
  const showAlert = useCallback((text: string) => setAlert((a) => ({ text, serial: (a?.serial ?? 0) + 1 })), []);
  const clearAlert = useCallback(() => setAlert(null), []);

  useEffect(() => {
    if (alert) alertRef.current?.focus();
  }, [alert]);

  return { alert, alertRef, showAlert, clearAlert };
}
