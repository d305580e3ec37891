// Parsed regulation documents by version id (and variant). Applications are pinned to published
// versions, which are never edited, so a parsed document stays valid for the life of the process;
// parsing the whole document with zod on every move was a measurable share of a transition's time.
// An application of a regulation with variants (issue 10 p.8) reads the projection onto its variant.
import { zRegulationDocument, type RegulationDocument } from "./document";
import { documentForVariant } from "./variants";

const cache = new Map<string, RegulationDocument>();
const LIMIT = 500;

function cached(key: string, make: () => RegulationDocument): RegulationDocument {
  let doc = cache.get(key);
  if (!doc) {
    doc = make();
    if (cache.size >= LIMIT) cache.delete(cache.keys().next().value!);
    cache.set(key, doc);
  }
  return doc;
}

/**
 * A published edition's whole document, by its id and checksum (the checksum changes with any write
 * of the document, such as the seed's upgrade of an old demo edition in place): `load` reads the JSON
 * only when this process has not parsed that content yet.
 */
export async function editionDocument(
  versionId: string,
  checksum: string,
  load: () => Promise<unknown>,
): Promise<RegulationDocument> {
  const key = `${versionId}\u0001${checksum}`;
  const known = cache.get(key);
  if (known) return known;
  const json = await load();
  return cached(key, () => zRegulationDocument.parse(json));
}

/** The whole document of a pinned edition when this process has parsed it already. */
export function cachedPinnedDocument(versionId: string): RegulationDocument | undefined {
  return cache.get(versionId);
}

/**
 * The document an application is pinned to: its edition, projected onto its variant when it has one
 * (the stages, transitions, grounds and form of that variant only). No variant: the whole document.
 */
export function pinnedDocument(versionId: string, json: unknown, variantCode?: string | null): RegulationDocument {
  const whole = cached(versionId, () => zRegulationDocument.parse(json));
  if (!variantCode || !whole.profiling) return whole;
  return cached(`${versionId}\u0000${variantCode}`, () => documentForVariant(whole, variantCode));
}
