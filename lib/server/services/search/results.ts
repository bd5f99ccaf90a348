/**
 * From candidates to the answer: one hit per match (with its snippet, role, project, sender, task
 * status and date), facet counts over all hits, the facet filters, then groups by conversation
 * or project, best score first and newest first among equals, paged by offset.
 */
import "server-only";
import type { FacetValue, SearchGroup, SearchHit, SearchParams, SearchResult } from "@/lib/shared/search/schemas";
import type { Candidates } from "@/lib/server/services/search/candidates";
import { buildSnippet } from "@/lib/server/services/search/snippet";

/** Hits shown per group (the group links to the rest). */
const HITS_PER_GROUP = 5;

interface Hit {
  hit: SearchHit;
  group: Omit<SearchGroup, "hits" | "date">;
  roleId?: string;
  projectId?: string;
  at: Date;
}

function conversationGroup(c: Candidates, id: string): Hit["group"] | undefined {
  const conversation = c.conversations.get(id);
  if (!conversation) return undefined;
  const projectId = conversation.projectId?.toHexString();
  const project = projectId ? c.projectsById.get(projectId) : undefined;
  return { kind: "conversation", id, title: conversation.title, roleId: conversation.roleId, roleName: conversation.roleName, projectId: project ? projectId : undefined, projectName: project?.name, href: `/chat/${id}` };
}

function projectGroup(c: Candidates, id: string): Hit["group"] | undefined {
  const project = c.projectsById.get(id);
  return project ? { kind: "project", id, title: project.name, roleId: project.roleId, projectId: id, projectName: project.name, href: `/projects/${id}` } : undefined;
}

function hitsOf(c: Candidates, stems: ReadonlySet<string>): Hit[] {
  const out: Hit[] = [];
  const add = (group: Hit["group"] | undefined, hit: Omit<SearchHit, "date">, at: Date) => {
    if (group) out.push({ hit: { ...hit, date: at.toISOString() }, group, roleId: group.roleId, projectId: group.projectId, at });
  };
  for (const m of c.messages) {
    const cid = m.conversationId.toHexString();
    const id = m._id.toHexString();
    add(conversationGroup(c, cid), { kind: "message", id, snippet: buildSnippet(m.message, stems), sender: m.sender, score: m.score, href: `/chat/${cid}?m=${id}#m-${id}` }, m.timestamp);
  }
  for (const t of c.titles) {
    const id = t._id.toHexString();
    add(conversationGroup(c, id), { kind: "title", id, snippet: buildSnippet(t.title, stems), score: t.score, href: `/chat/${id}` }, t.lastMessageAt);
  }
  for (const p of c.projects) {
    const id = p._id.toHexString();
    add(projectGroup(c, id), { kind: "project", id, snippet: buildSnippet(`${p.name} — ${p.description}`, stems), score: p.score, href: `/projects/${id}` }, p.updatedAt);
  }
  for (const t of c.tasks) {
    const pid = t.projectId.toHexString();
    const text = t.notes ? `${t.title} — ${t.notes}` : t.title;
    add(projectGroup(c, pid), { kind: "task", id: t._id.toHexString(), snippet: buildSnippet(text, stems), status: t.status, score: t.score, href: `/projects/${pid}` }, t.updatedAt);
  }
  return out;
}

function count(values: { value: string; label: string }[]): FacetValue[] {
  const counts = new Map<string, FacetValue>();
  for (const { value, label } of values) {
    const entry = counts.get(value) ?? { value, label, count: 0 };
    entry.count += 1;
    counts.set(value, entry);
  }
  return [...counts.values()].sort((a, b) => b.count - a.count || a.label.localeCompare(b.label));
}

function facetsOf(hits: Hit[]): SearchResult["facets"] {
  return {
    roles: count(hits.filter((h) => h.roleId && h.group.roleName).map((h) => ({ value: h.roleId!, label: h.group.roleName! }))),
    projects: count(hits.filter((h) => h.projectId && h.group.projectName).map((h) => ({ value: h.projectId!, label: h.group.projectName! }))),
    senders: count(hits.filter((h) => h.hit.sender).map((h) => ({ value: h.hit.sender!, label: h.hit.sender === "user" ? "Me" : "AI" }))),
    statuses: count(hits.filter((h) => h.hit.status).map((h) => ({ value: h.hit.status!, label: h.hit.status! }))),
  };
}

function passes(h: Hit, p: SearchParams): boolean {
  if (p.role && h.roleId !== p.role) return false;
  if (p.project && h.projectId !== p.project) return false;
  if (p.sender && h.hit.sender !== p.sender) return false;
  if (p.status && h.hit.status !== p.status) return false;
  if (p.from && h.at < new Date(`${p.from}T00:00:00.000Z`)) return false;
  if (p.to && h.at > new Date(`${p.to}T23:59:59.999Z`)) return false;
  return true;
}

const byRelevance = (a: { score: number; at: number }, b: { score: number; at: number }) => b.score - a.score || b.at - a.at;

function groupsOf(hits: Hit[]): SearchGroup[] {
  const groups = new Map<string, { group: Hit["group"]; hits: Hit[] }>();
  for (const h of hits) {
    const key = `${h.group.kind}:${h.group.id}`;
    const entry = groups.get(key) ?? { group: h.group, hits: [] };
    entry.hits.push(h);
    groups.set(key, entry);
  }
  const ranked = [...groups.values()].map(({ group, hits: list }) => {
    list.sort((a, b) => byRelevance({ score: a.hit.score, at: a.at.getTime() }, { score: b.hit.score, at: b.at.getTime() }));
    const at = Math.max(...list.map((h) => h.at.getTime()));
    return { score: list[0]!.hit.score, at, group: { ...group, date: new Date(at).toISOString(), hits: list.slice(0, HITS_PER_GROUP).map((h) => h.hit) } };
  });
  return ranked.sort(byRelevance).map((r) => r.group);
}

export function buildResult(c: Candidates, stems: ReadonlySet<string>, params: SearchParams, pageSize: number): SearchResult {
  const all = hitsOf(c, stems);
  const groups = groupsOf(all.filter((h) => passes(h, params)));
  const offset = Number(params.cursor ?? 0);
  const page = groups.slice(offset, offset + pageSize);
  return { groups: page, nextCursor: offset + pageSize < groups.length ? String(offset + pageSize) : null, facets: facetsOf(all) };
}
