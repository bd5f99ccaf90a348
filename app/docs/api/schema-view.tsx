/**
 * A JSON Schema (as zod-openapi renders it) shown as nested property lists; `$ref`s link to the
 * schema's own section on the page. Server-rendered: no script runs in the browser.
 */
type Schema = Record<string, unknown>;

export function refName(ref: string): string {
  return ref.split("/").at(-1) ?? ref;
}

function typeLabel(schema: Schema): string {
  if (typeof schema.$ref === "string") return refName(schema.$ref);
  if (Array.isArray(schema.enum)) return schema.enum.map((value) => JSON.stringify(value)).join(" | ");
  if ("const" in schema) return JSON.stringify(schema.const);
  const variants = (schema.anyOf ?? schema.oneOf ?? schema.allOf) as Schema[] | undefined;
  if (variants) return variants.map(typeLabel).join(schema.allOf ? " & " : " | ");
  const type = Array.isArray(schema.type) ? schema.type.join(" | ") : String(schema.type ?? "any");
  if (type === "array" && schema.items) return `${typeLabel(schema.items as Schema)}[]`;
  return type;
}

function constraints(schema: Schema): string {
  const parts: string[] = [];
  for (const key of ["minLength", "maxLength", "minimum", "maximum", "minItems", "maxItems", "default", "format"] as const) {
    if (schema[key] !== undefined) parts.push(`${key} ${JSON.stringify(schema[key])}`);
  }
  return parts.join(", ");
}

function TypeName({ schema }: { schema: Schema }) {
  const label = typeLabel(schema);
  if (typeof schema.$ref === "string") {
    return (
      <a className="font-mono text-primary underline" href={`#schema-${refName(schema.$ref)}`}>
        {label}
      </a>
    );
  }
  return <span className="font-mono">{label}</span>;
}

/** Nested content of a schema: object properties, array items, or the parts of a union. */
export function SchemaView({ schema, depth = 0 }: { schema: Schema; depth?: number }) {
  if (depth > 6) return null;
  const properties = schema.properties as Record<string, Schema> | undefined;
  const required = new Set((schema.required as string[] | undefined) ?? []);
  const items = schema.type === "array" ? (schema.items as Schema | undefined) : undefined;
  const variants = (schema.anyOf ?? schema.oneOf ?? schema.allOf) as Schema[] | undefined;

  if (properties) {
    return (
      <ul className="grid gap-1 border-l pl-3 text-sm">
        {Object.entries(properties).map(([name, property]) => (
          <li key={name}>
            <code className="font-mono font-medium">{name}</code>
            {!required.has(name) && <span className="text-muted-foreground">?</span>} <TypeName schema={property} />
            {constraints(property) && <span className="text-xs text-muted-foreground"> ({constraints(property)})</span>}
            {typeof property.description === "string" && <span className="text-muted-foreground"> — {property.description}</span>}
            <SchemaView schema={property} depth={depth + 1} />
          </li>
        ))}
      </ul>
    );
  }
  if (items && !items.$ref) return <SchemaView schema={items} depth={depth + 1} />;
  if (variants && depth < 4) {
    return (
      <ul className="grid gap-1 border-l pl-3 text-sm">
        {variants.map((variant, index) => (
          <li key={index}>
            <TypeName schema={variant} />
            <SchemaView schema={variant} depth={depth + 1} />
          </li>
        ))}
      </ul>
    );
  }
  return null;
}

export function SchemaSummary({ schema }: { schema: Schema }) {
  return (
    <div className="grid gap-1">
      <TypeName schema={schema} />
      {typeof schema.description === "string" && <p className="text-sm text-muted-foreground">{schema.description}</p>}
      <SchemaView schema={schema} />
    </div>
  );
}
