/**
 * Validates API answers against the served OpenAPI document (ajv, JSON Schema 2020-12): the status
 * must be documented for the operation, and a JSON body must match the schema documented for its
 * content type. Every in-process call made through tests/api/client.ts goes through here.
 */
import Ajv2020 from "ajv/dist/2020";
import type { ValidateFunction } from "ajv";
import { expect } from "vitest";

type Doc = { paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, unknown> }> }>> };

let doc: Doc | undefined;
let ajv: Ajv2020 | undefined;
const compiled = new Map<string, ValidateFunction>();
/** Every (template, method, status) a test saw: the coverage test reads it. */
export const seen = new Set<string>();

export async function servedDocument(): Promise<Doc> {
  if (!doc) {
    const { GET } = await import("@/app/api/v1/openapi.json/route");
    const response = await GET(new Request("http://localhost/api/v1/openapi.json"));
    doc = (await response.json()) as Doc;
    // strict: false — OpenAPI adds keywords (example, discriminator) that are not JSON Schema.
    ajv = new Ajv2020({ strict: false, validateFormats: false, allErrors: true });
    ajv.addSchema(doc as object, "openapi");
  }
  return doc;
}

function pointer(...parts: string[]): string {
  return parts.map((part) => part.replace(/~/g, "~0").replace(/\//g, "~1")).join("/");
}

export async function checkContract(template: string, method: string, response: Response): Promise<void> {
  const document = await servedDocument();
  const operation = document.paths[template]?.[method.toLowerCase()];
  expect(operation, `${method} ${template} is in the OpenAPI document`).toBeDefined();
  const status = String(response.status);
  const documented = operation?.responses[status];
  expect(documented, `${method} ${template} documents status ${status}`).toBeDefined();
  seen.add(`${method} ${template} ${status}`);
  if (response.status === 204) return;
  const contentType = (response.headers.get("content-type") ?? "").split(";")[0]?.trim() ?? "";
  expect(Object.keys(documented?.content ?? {}), `${method} ${template} ${status} documents ${contentType}`).toContain(contentType);
  if (!contentType.endsWith("json") || contentType === "application/x-ndjson") return;
  const key = `${template} ${method} ${status} ${contentType}`;
  let validate = compiled.get(key);
  if (!validate) {
    const ref = `openapi#/${pointer("paths", template, method.toLowerCase(), "responses", status, "content", contentType, "schema")}`;
    validate = ajv!.compile({ $ref: ref });
    compiled.set(key, validate);
  }
  const body: unknown = await response.clone().json();
  const valid = validate(body);
  expect(valid, `${method} ${template} ${status}: ${ajv!.errorsText(validate.errors)} in ${JSON.stringify(body).slice(0, 400)}`).toBe(true);
}
