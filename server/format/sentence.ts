// The end of a sentence whose last word may be an abbreviation: a date ends in «г.» («1 апреля 2026
// г.»), and a full stop after it printed «г..» (issue 16 p.9). Client-safe.

/** The text with one full stop at its end, never two. */
export const sentence = (text: string): string => (text.endsWith(".") ? text : `${text}.`);
