// TypeScript declarations from Socval's JSON Schemas (draft 2020-12, as
// `socval schema` prints them), so that a portal's TypeScript checks the
// configuration it writes and the result it reads against the same schema
// the CLI and the tests use. Only what those schemas hold is handled:
// type (or a list of types), $ref, const, enum, properties, required,
// additionalProperties, items, anyOf and oneOf; an unknown shape becomes
// `unknown`, never `any`, so nothing is silently unchecked.

/** A quoted property name where a bare one would not parse. */
const key = (name) => (/^[A-Za-z_$][A-Za-z0-9_$]*$/.test(name) ? name : JSON.stringify(name));

/** A doc comment from a schema's description, indented. */
function doc(schema, indent) {
  const text = schema?.description;
  if (!text) return '';
  const lines = text.replaceAll('*/', '*\u2215').split('\n');
  return `${indent}/**\n${lines.map((l) => `${indent} * ${l}`.trimEnd()).join('\n')}\n${indent} */\n`;
}

/** The TypeScript type of one schema, written at the given indent. */
function type(schema, indent) {
  if (schema === true || schema === undefined) return 'unknown';
  if (schema === false) return 'never';
  if (schema.$ref) return schema.$ref.replace('#/$defs/', '');
  if ('const' in schema) return JSON.stringify(schema.const);
  if (schema.enum) return schema.enum.map((v) => JSON.stringify(v)).join(' | ');
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives) {
    const union = alternatives.map((s) => type(s, indent)).join(' | ');
    // Fields beside a oneOf hold in every alternative.
    if (!schema.properties) return union;
    return `(${union}) & ${type({ ...schema, anyOf: undefined, oneOf: undefined }, indent)}`;
  }
  if (Array.isArray(schema.type)) return schema.type.map((t) => type({ ...schema, type: t }, indent)).join(' | ');
  switch (schema.type) {
    case 'string': return 'string';
    case 'number': case 'integer': return 'number';
    case 'boolean': return 'boolean';
    case 'null': return 'null';
    case 'array': {
      const item = type(schema.items, indent);
      return /^[A-Za-z0-9_."]+$/.test(item) ? `${item}[]` : `Array<${item}>`;
    }
    case 'object': return object(schema, indent);
    default: return 'unknown';
  }
}

/** An object type: its properties (optional unless required), and any others. */
function object(schema, indent) {
  const required = new Set(schema.required ?? []);
  const inner = `${indent}  `;
  const lines = Object.entries(schema.properties ?? {}).map(([name, s]) =>
    `${doc(s, inner)}${inner}${key(name)}${required.has(name) ? '' : '?'}: ${type(s, inner)};`);
  const extra = schema.additionalProperties;
  if (extra && extra !== true) lines.push(`${inner}[key: string]: ${type(extra, inner)};`);
  else if (extra === undefined && !schema.properties) lines.push(`${inner}[key: string]: unknown;`);
  return lines.length ? `{\n${lines.join('\n')}\n${indent}}` : 'Record<string, never>';
}

/**
 * One schema as a namespace of declarations: each of its `$defs`, and the
 * document itself under `root`.
 */
export function namespace(name, schema, root) {
  const parts = [];
  for (const [def, s] of Object.entries(schema.$defs ?? {})) {
    parts.push(`${doc(s, '  ')}  export type ${def} = ${type(s, '  ')};`);
  }
  const { $defs: _, $schema: __, title: ___, ...body } = schema;
  parts.push(`${doc(schema, '  ')}  export type ${root} = ${type(body, '  ')};`);
  return `export declare namespace ${name} {\n${parts.join('\n\n')}\n}\n`;
}
