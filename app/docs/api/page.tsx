/**
 * /docs/api — the API reference, rendered on the server from the same OpenAPI document that
 * /api/v1/openapi.json serves. No viewer script is shipped: the page works under the app's strict
 * nonce CSP, without JavaScript, and on a phone. docs/api.md has the curl walkthrough.
 */
import type { Metadata } from "next";
import Link from "next/link";
import { OperationView, operationId, type Operation } from "@/app/docs/api/operation-view";
import { SchemaSummary } from "@/app/docs/api/schema-view";
import { openApiDocument } from "@/lib/server/services/api/openapi";

export const metadata: Metadata = { title: "API reference" };
// Rendered per request, so the page carries the per-request CSP nonce like every other page.
export const dynamic = "force-dynamic";

interface Document {
  info: { title: string; version: string; description?: string };
  tags?: { name: string; description?: string }[];
  paths: Record<string, Record<string, Operation & { tags?: string[] }>>;
  components?: { schemas?: Record<string, Record<string, unknown>> };
}

export default function ApiReferencePage() {
  const document = openApiDocument() as unknown as Document;
  const operations = Object.entries(document.paths).flatMap(([path, item]) =>
    Object.entries(item).map(([method, operation]) => ({ path, method, operation })),
  );
  const tags = (document.tags ?? []).map((tag) => ({ ...tag, operations: operations.filter(({ operation }) => operation.tags?.includes(tag.name)) }));
  const schemas = Object.entries(document.components?.schemas ?? {}).sort(([a], [b]) => a.localeCompare(b));

  return (
    <main className="mx-auto grid w-full max-w-4xl gap-8 px-4 py-8 [overflow-wrap:anywhere]">
      <header className="grid gap-2">
        <p className="text-sm text-muted-foreground">
          <Link className="underline" href="/">
            ChatCraft
          </Link>{" "}
          · version {document.info.version} ·{" "}
          <a className="underline" href="/api/v1/openapi.json">
            openapi.json
          </a>
        </p>
        <h1 className="text-2xl font-semibold tracking-tight">{document.info.title}</h1>
        {document.info.description && <p className="text-muted-foreground">{document.info.description}</p>}
        <p className="text-sm">
          Make a token in <Link className="underline" href="/settings">Settings → API tokens</Link>, then e.g.{" "}
          <code className="font-mono text-xs break-all">curl -H &quot;Authorization: Bearer $TOKEN&quot; {"<origin>"}/api/v1/conversations</code>
        </p>
      </header>

      <nav aria-label="Operations" className="grid gap-2 text-sm">
        {tags.map((tag) => (
          <div key={tag.name}>
            <a className="font-medium underline" href={`#tag-${tag.name}`}>
              {tag.name}
            </a>
            <span className="text-muted-foreground"> — {tag.operations.map(({ method, path }) => `${method.toUpperCase()} ${path}`).join(", ")}</span>
          </div>
        ))}
      </nav>

      {tags.map((tag) => (
        <section key={tag.name} id={`tag-${tag.name}`} className="grid gap-4" aria-labelledby={`tag-${tag.name}-title`}>
          <h2 id={`tag-${tag.name}-title`} className="text-xl font-semibold">
            {tag.name}
          </h2>
          {tag.description && <p className="text-muted-foreground">{tag.description}</p>}
          {tag.operations.map(({ method, path, operation }) => (
            <OperationView key={operationId(method, path)} method={method} path={path} operation={operation} />
          ))}
        </section>
      ))}

      <section className="grid gap-4" aria-labelledby="schemas-title">
        <h2 id="schemas-title" className="text-xl font-semibold">
          Schemas
        </h2>
        {schemas.map(([name, schema]) => (
          <div key={name} id={`schema-${name}`} className="grid gap-2 rounded-lg border p-4">
            <h3 className="font-mono font-semibold">{name}</h3>
            <SchemaSummary schema={schema} />
          </div>
        ))}
      </section>
    </main>
  );
}
