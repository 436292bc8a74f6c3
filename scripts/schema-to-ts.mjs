// TypeScript declarations from Socval's JSON Schemas (draft 2020-12, as
// `socval schema` prints them), so that a portal's TypeScript checks the
// configuration it writes and the result it reads against the same schema
// the CLI and the tests use. Only what those schemas hold is handled:
// type (or a list of types), $ref (with fields beside it), const, enum,
// properties, required, additionalProperties, items, anyOf, oneOf and
// allOf; an unknown type becomes `unknown`, never `any`.

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
  if (schema.$ref) {
    const named = schema.$ref.replace('#/$defs/', '');
    // Fields beside a reference narrow it further.
    const rest = Object.keys(schema).filter((k) => k !== '$ref' && k !== 'description' && k !== 'default');
    return rest.length ? `${named} & ${type(Object.fromEntries(rest.map((k) => [k, schema[k]])), indent)}` : named;
  }
  if (schema.allOf) {
    const { allOf, ...rest } = schema;
    const parts = allOf.map((s) => type(s, indent));
    if (Object.keys(rest).some((k) => k !== 'description' && k !== 'default')) parts.push(type(rest, indent));
    return parts.map((t) => `(${t})`).join(' & ');
  }
  if ('const' in schema) return JSON.stringify(schema.const);
  if (schema.enum) return schema.enum.map((v) => JSON.stringify(v)).join(' | ');
  if (schema.anyOf && schema.oneOf) {
    // Both must hold.
    return `(${type({ ...schema, oneOf: undefined }, indent)}) & (${type({ ...schema, anyOf: undefined }, indent)})`;
  }
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
  // Other keys: as `additionalProperties` says; when it is absent, an
  // object with listed fields is taken as closed (Socval's schemas list
  // every field it writes or reads) and one with none as open.
  const extra = schema.additionalProperties;
  const listed = Object.keys(schema.properties ?? {}).length > 0;
  if (extra && extra !== true) lines.push(`${inner}[key: string]: ${type(extra, inner)};`);
  else if (extra === true || (extra === undefined && !listed)) lines.push(`${inner}[key: string]: unknown;`);
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
