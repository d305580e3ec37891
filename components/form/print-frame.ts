"use client";
// Issue 16 p.2: «Распечатать» on the check-answers step prints the application's print page (the
// same clean copy as /applications/<id>/print, co-applicants included), not the wizard squeezed into
// its column. The page is loaded into a hidden frame and printed from there, so the applicant stays
// on the step.

const FRAME_ATTRIBUTE = "data-print-copy";

/**
 * Loads `url` into a hidden frame of this origin and opens the browser's print dialog for it.
 * Resolves false when the frame did not get the copy (an error page, a sign-in page).
 */
export function printInFrame(url: string, copySelector = "[data-print-copy-ready]"): Promise<boolean> {
  document.querySelector(`iframe[${FRAME_ATTRIBUTE}]`)?.remove();
  const frame = document.createElement("iframe");
  frame.setAttribute(FRAME_ATTRIBUTE, "");
  frame.setAttribute("aria-hidden", "true");
  frame.tabIndex = -1;
  frame.title = "Копия заявления для печати";
  // Off screen but laid out: a frame of zero size prints blank in some browsers.
  Object.assign(frame.style, {
    position: "fixed",
    left: "-10000px",
    top: "0",
    width: "800px",
    height: "600px",
    border: "0",
  });
  return new Promise((resolve) => {
    frame.addEventListener("load", () => {
      try {
        const win = frame.contentWindow;
        if (!win?.document.querySelector(copySelector)) return resolve(false);
        win.focus();
        win.print();
        resolve(true);
      } catch {
        // A page the browser would not frame is another origin's error page: not ours to read.
        resolve(false);
      }
    });
    frame.src = url;
    document.body.append(frame);
  });
}
