/** One operation of the OpenAPI document: method, path, parameters, body and answers. */
import { SchemaSummary } from "@/app/docs/api/schema-view";

type Schema = Record<string, unknown>;
type Content = Record<string, { schema?: Schema }>;

export interface Operation {
  summary?: string;
  description?: string;
  parameters?: { name: string; in: string; required?: boolean; description?: string; schema?: Schema }[];
  requestBody?: { content: Content };
  responses: Record<string, { description: string; content?: Content }>;
}

const METHOD_CLASS: Record<string, string> = {
  get: "bg-sky-500/15 text-sky-800 dark:text-sky-200",
  post: "bg-emerald-500/15 text-emerald-800 dark:text-emerald-200",
  put: "bg-amber-500/15 text-amber-800 dark:text-amber-200",
  patch: "bg-amber-500/15 text-amber-800 dark:text-amber-200",
  delete: "bg-red-500/15 text-red-800 dark:text-red-200",
};

export function operationId(method: string, path: string): string {
  return `${method}-${path}`.replace(/[^a-zA-Z0-9]+/g, "-").replace(/-+$/, "");
}

function ContentList({ content }: { content: Content }) {
  return (
    <div className="grid gap-2">
      {Object.entries(content).map(([type, media]) => (
        <div key={type} className="grid gap-1">
          <p className="text-xs text-muted-foreground">{type}</p>
          {media.schema && <SchemaSummary schema={media.schema} />}
        </div>
      ))}
    </div>
  );
}

export function OperationView({ method, path, operation }: { method: string; path: string; operation: Operation }) {
  const parameters = operation.parameters ?? [];
  const refusals = Object.entries(operation.responses).filter(([status]) => Number(status) >= 400);
  const answers = Object.entries(operation.responses).filter(([status]) => Number(status) < 400);
  return (
    <section id={operationId(method, path)} className="grid gap-3 rounded-lg border p-4" aria-labelledby={`${operationId(method, path)}-title`}>
      <h3 id={`${operationId(method, path)}-title`} className="flex flex-wrap items-center gap-2 font-mono text-sm">
        <span className={`rounded px-2 py-0.5 text-xs font-semibold uppercase ${METHOD_CLASS[method] ?? ""}`}>{method}</span>
        <span className="break-all">{path}</span>
      </h3>
      {operation.summary && <p className="font-medium">{operation.summary}</p>}
      {operation.description && <p className="text-sm text-muted-foreground">{operation.description}</p>}
      {parameters.length > 0 && (
        <div className="grid gap-1">
          <h4 className="text-sm font-semibold">Parameters</h4>
          <ul className="grid gap-1 text-sm">
            {parameters.map((parameter) => (
              <li key={`${parameter.in}-${parameter.name}`}>
                <code className="font-mono font-medium">{parameter.name}</code>{" "}
                <span className="text-muted-foreground">
                  ({parameter.in}
                  {parameter.required ? ", required" : ""})
                </span>
                {parameter.description && <span className="text-muted-foreground"> — {parameter.description}</span>}
              </li>
            ))}
          </ul>
        </div>
      )}
      {operation.requestBody && (
        <div className="grid gap-1">
          <h4 className="text-sm font-semibold">Body</h4>
          <ContentList content={operation.requestBody.content} />
        </div>
      )}
      <div className="grid gap-2">
        <h4 className="text-sm font-semibold">Answers</h4>
        {answers.map(([status, response]) => (
          <div key={status} className="grid gap-1">
            <p className="text-sm">
              <span className="font-mono font-semibold">{status}</span> {response.description}
            </p>
            {response.content && <ContentList content={response.content} />}
          </div>
        ))}
        <p className="text-sm text-muted-foreground">
          Refusals (<a className="underline" href="#schema-Problem">Problem</a>):{" "}
          {refusals.map(([status, response]) => `${status} ${response.description}`).join(" · ")}
        </p>
      </div>
    </section>
  );
}
