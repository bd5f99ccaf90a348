/** explain's plan for a $text query, in mongod's shape: TEXT_MATCH > TEXT_OR > one IXSCAN per term. */
import type { Doc } from "../doc-paths";
import { describeTextQuery } from "./text-query";
import type { TextHits } from "./text-search";

export function textStages(found: TextHits, matched: number): [Doc, Doc] {
  const { index, query } = found;
  const spec = index.text!.spec;
  const scans = [...query.termsForBounds].map((): Doc => ({
    stage: "IXSCAN",
    keyPattern: index.spec.key,
    indexName: index.spec.name,
    isMultiKey: true,
    isUnique: false,
    isSparse: false,
    isPartial: index.spec.partialFilterExpression !== undefined,
    indexVersion: index.spec.v ?? 2,
    direction: "backward",
    indexBounds: {},
  }));
  const or: Doc = { stage: "TEXT_OR", inputStages: scans };
  const textMatch: Doc = {
    stage: "TEXT_MATCH",
    indexPrefix: Object.fromEntries(spec.prefix.map((field, i) => [field, found.prefix[i]])),
    indexName: index.spec.name,
    parsedTextQuery: describeTextQuery(query),
    textIndexVersion: 3,
  };
  const orStats: Doc = { ...or, nReturned: found.docsExamined, executionTimeMillisEstimate: 0, docsExamined: found.docsExamined, inputStages: scans.map((scan) => ({ ...scan, executionTimeMillisEstimate: 0 })) };
  const plan = { ...textMatch, inputStage: or };
  const stats = { ...textMatch, nReturned: matched, executionTimeMillisEstimate: 0, docsRejected: found.docsExamined - matched, inputStage: orStats };
  return [plan, stats];
}
