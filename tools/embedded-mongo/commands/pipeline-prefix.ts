/** The leading $match/$sort/$skip/$limit of a pipeline, which the index-aware finder answers. */
import type { Doc } from "../doc-paths";
import type { FindSpec } from "../query";

export function splitPrefix(pipeline: Doc[]): { spec: FindSpec; rest: Doc[] } {
  const spec: FindSpec = {};
  let i = 0;
  if (pipeline[i]?.$match) spec.filter = pipeline[i++]!.$match as Doc;
  if (pipeline[i]?.$sort) spec.sort = pipeline[i++]!.$sort as Doc;
  if (typeof pipeline[i]?.$skip === "number") spec.skip = pipeline[i++]!.$skip as number;
  if (typeof pipeline[i]?.$limit === "number") spec.limit = pipeline[i++]!.$limit as number;
  return { spec, rest: pipeline.slice(i) };
}
