// Fixes, after install, a bug in a dependency that has no release with the fix. Each patch replaces an
// exact text and is idempotent; if a new version of the package no longer has the text (nor the fix),
// the install fails loudly here rather than the bug returning unnoticed.
//
// node-gost-crypto 1.0.2, lib/gostSign.js, invMod (the modular inverse behind every GOST R 34.10
// signature and verification): jsbn's `d.subtract(m)` was ported as `subtract(d, m)`, a function the
// file never defines (its subtraction is `sub`). The branch runs when the inverse's intermediate value
// reaches the modulus, once in a few thousand operations: the sign then threw a ReferenceError and a
// verification, which catches errors, answered "not valid", so a good certificate now and then read as
// issued by an untrusted CA (server/signature/gost.ts; the known-answer test that takes the branch is in server/signature/cms.test.ts).
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

const require = createRequire(import.meta.url);

export const PATCHES = [
  {
    pkg: "node-gost-crypto",
    file: "lib/gostSign.js",
    from: "if (compare(d, m) >= 0)\n            return subtract(d, m);",
    to: "if (compare(d, m) >= 0)\n            return sub(d, m);",
  },
];

function fileOf(p) {
  return path.join(path.dirname(require.resolve(`${p.pkg}/package.json`)), p.file);
}

/** Applies every patch; returns what each one found ("patched", "already patched"). Throws when lost. */
export function applyPatches() {
  return PATCHES.map((p) => {
    const file = fileOf(p);
    const text = readFileSync(file, "utf8");
    if (text.includes(p.to)) return `${p.pkg}/${p.file}: already patched`;
    if (!text.includes(p.from))
      throw new Error(`${p.pkg}/${p.file}: neither the text to patch nor the fix was found (has the package changed?)`);
    writeFileSync(file, text.replace(p.from, p.to));
    return `${p.pkg}/${p.file}: patched`;
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const line of applyPatches()) console.log(line);
}
