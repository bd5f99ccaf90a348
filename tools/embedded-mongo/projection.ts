/**
 * find/findAndModify projections. Plain inclusion/exclusion (dotted paths allowed) is done here
 * without touching the stored document; operator projections ($slice, $elemMatch, positional
 * `$`, expressions) go through mingo on a copy.
 */
import { cloneValue, isPlainObject, type Doc } from "./doc-paths";
import { MongoError } from "./errors";
import { createQuery, inDocumentOrder, type ExecOptions } from "./mingo-context";
import { applyPositional, positionalPath, withoutPositional } from "./positional-projection";

type Tree = { [key: string]: Tree | true };

function isSimple(projection: Doc): boolean {
  return Object.entries(projection).every(
    ([key, value]) => !key.includes("$") && (typeof value === "number" || typeof value === "boolean"),
  );
}

function buildTree(paths: string[]): Tree {
  const tree: Tree = {};
  for (const path of paths) {
    const parts = path.split(".");
    let node = tree;
    parts.forEach((part, i) => {
      if (i === parts.length - 1) node[part] = true;
      else {
        const next = node[part];
        if (next === true) return;
        node = (next ?? (node[part] = {})) as Tree;
      }
    });
  }
  return tree;
}

function include(value: unknown, tree: Tree): unknown {
  if (Array.isArray(value)) return value.filter((v) => isPlainObject(v) || Array.isArray(v)).map((v) => include(v, tree));
  if (!isPlainObject(value)) return undefined;
  const out: Doc = {};
  for (const key of Object.keys(value)) {
    const node = tree[key];
    if (node === undefined) continue;
    if (node === true) out[key] = value[key];
    else {
      const sub = include(value[key], node);
      if (sub !== undefined) out[key] = sub;
    }
  }
  return out;
}

function exclude(value: unknown, tree: Tree): unknown {
  if (Array.isArray(value)) return value.map((v) => (isPlainObject(v) || Array.isArray(v) ? exclude(v, tree) : v));
  if (!isPlainObject(value)) return value;
  const out: Doc = {};
  for (const key of Object.keys(value)) {
    const node = tree[key];
    if (node === true) continue;
    out[key] = node === undefined ? value[key] : exclude(value[key], node);
  }
  return out;
}

/**
 * Returns a projector, or undefined when there is nothing to project. `command` names the command
 * in runtime errors, as mongod prefixes them (find: "Executor error during find command :: caused by :: ").
 */
export function projector(projection: Doc | undefined, filter: Doc | undefined, exec?: ExecOptions, command?: string): ((doc: Doc) => Doc) | undefined {
  if (!projection || Object.keys(projection).length === 0) return undefined;
  const positional = positionalPath(projection);
  if (positional !== undefined) {
    // The positional element is this server's decision (positional-projection.ts), not mingo's.
    const base = projector(withoutPositional(projection, positional), filter, exec)!;
    const context = command ? `Executor error during ${command} command :: caused by :: ` : "";
    return (doc) => applyPositional(doc, base(doc), positional, filter, exec, context);
  }
  if (!isSimple(projection)) {
    const query = createQuery(filter ?? {}, exec);
    return (doc) => inDocumentOrder(doc, query.find<Doc>([cloneValue(doc)], projection).all()[0] ?? {}, projection);
  }
  const entries = Object.entries(projection);
  const idSetting = projection._id;
  const others = entries.filter(([key]) => key !== "_id");
  const inclusive = others.length > 0 ? Boolean(others[0]![1]) : Boolean(idSetting ?? true);
  if (others.some(([, v]) => Boolean(v) !== inclusive)) {
    throw new MongoError(31254, `Cannot do ${inclusive ? "exclusion" : "inclusion"} on field ${others.find(([, v]) => Boolean(v) !== inclusive)![0]} in ${inclusive ? "inclusion" : "exclusion"} projection`);
  }
  if (inclusive) {
    const paths = others.map(([key]) => key);
    if (idSetting === undefined || Boolean(idSetting)) paths.unshift("_id");
    const tree = buildTree(paths);
    return (doc) => include(doc, tree) as Doc;
  }
  const paths = others.map(([key]) => key);
  if (idSetting !== undefined && !idSetting) paths.push("_id");
  const tree = buildTree(paths);
  return (doc) => exclude(doc, tree) as Doc;
}
