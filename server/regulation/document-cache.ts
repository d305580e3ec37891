// Parsed regulation documents by version id. Applications are pinned to published versions, which
// are never edited, so a parsed document stays valid for the life of the process; parsing the whole
// document with zod on every move was a measurable share of a transition's time.
import { zRegulationDocument, type RegulationDocument } from "./document";

const cache = new Map<string, RegulationDocument>();
const LIMIT = 500;

export function pinnedDocument(versionId: string, json: unknown): RegulationDocument {
  let doc = cache.get(versionId);
  if (!doc) {
    doc = zRegulationDocument.parse(json);
    if (cache.size >= LIMIT) cache.delete(cache.keys().next().value!);
    cache.set(versionId, doc);
  }
  return doc;
}
