"use client";
// The board's line to the server (issue 13 p.4): an EventSource on /api/staff/board/events, which
// says `change` when an application of the clerk's departments changed, whichever clerk or instance
// changed it. While it is open the board does not poll; when it breaks the browser reconnects by itself
// (5 s, the stream's `retry`), and when the server refuses it (503: the database cannot be listened to)
// the board polls again and the line is retried every 30 s.
import { useEffect, useRef, useState } from "react";

export const BOARD_EVENTS_URL = "/api/staff/board/events";
const RETRY_REFUSED_MS = 30_000;

/** "live": changes arrive as they happen; "connecting": being (re)established; "off": refused, polling. */
export type LiveState = "connecting" | "live" | "off";

export function useLiveBoard(onChange: () => void): LiveState {
  const [state, setState] = useState<LiveState>("connecting");
  const latest = useRef(onChange);
  useEffect(() => {
    latest.current = onChange;
  }, [onChange]);

  useEffect(() => {
    // Without EventSource (no current browser) the state stays "connecting": the board polls.
    if (typeof EventSource === "undefined") return;
    let source: EventSource | null = null;
    let retry: number | undefined;
    let everReady = false;
    const connect = () => {
      source = new EventSource(BOARD_EVENTS_URL);
      source.addEventListener("ready", () => {
        setState("live");
        // After a break: what changed meanwhile was not heard, so the board re-reads itself once.
        if (everReady) latest.current();
        everReady = true;
      });
      source.addEventListener("change", () => latest.current());
      source.onerror = () => {
        if (source?.readyState === EventSource.CLOSED) {
          // Refused (not 200): the browser gives up on its own; try again later, poll meanwhile.
          setState("off");
          retry = window.setTimeout(connect, RETRY_REFUSED_MS);
        } else setState("connecting");
      };
    };
    connect();
    return () => {
      source?.close();
      window.clearTimeout(retry);
    };
  }, []);
  return state;
}
