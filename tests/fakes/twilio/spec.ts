/**
 * Twilio's own OpenAPI descriptions decide which paths and parameters exist, so the fake rejects
 * anything real Twilio would not understand instead of silently accepting a misspelt parameter.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

interface OaiSchema {
  $ref?: string;
  type?: string;
  minimum?: number;
  maximum?: number;
  properties?: Record<string, OaiSchema>;
}

interface OaiParameter {
  name: string;
  in: string;
  schema?: OaiSchema;
}

interface OaiOperation {
  parameters?: OaiParameter[];
  requestBody?: { content: Record<string, { schema: OaiSchema } | undefined> };
  responses: Record<string, { content?: Record<string, { schema: OaiSchema } | undefined> } | undefined>;
}

const HTTP_METHODS = ['get', 'post', 'put', 'delete', 'patch'] as const;
type HttpMethod = (typeof HTTP_METHODS)[number];

type OaiPathItem = Partial<Record<HttpMethod, OaiOperation>> & {
  servers?: { url: string }[];
  parameters?: OaiParameter[];
};

interface OaiDocument {
  servers?: { url: string }[];
  paths: Record<string, OaiPathItem>;
  components: { schemas: Record<string, OaiSchema> };
}

export interface SpecParam {
  name: string;
  /** Repeatable on the wire (e.g. `MediaUrl`). */
  array: boolean;
  integer: { minimum: number | undefined; maximum: number | undefined } | null;
}

export interface SpecOperation {
  host: string;
  method: string;
  pathTemplate: string;
  pathParams: Record<string, string>;
  query: ReadonlyMap<string, SpecParam>;
  /** `application/x-www-form-urlencoded` body fields. */
  form: ReadonlyMap<string, SpecParam>;
}

export type SpecLookup =
  | { kind: 'operation'; operation: SpecOperation }
  | { kind: 'method-not-allowed'; pathTemplate: string }
  | { kind: 'unknown-path' };

interface IndexedPath {
  host: string;
  template: string;
  pattern: RegExp;
  paramCount: number;
  item: OaiPathItem;
  document: OaiDocument;
}

const SPEC_FILES = ['twilio_api_v2010.json', 'twilio_content_v1.json'];
const SPEC_DIR = fileURLToPath(new URL('../../fixtures/twilio-oai/', import.meta.url));

let index: { paths: IndexedPath[]; documents: Map<string, OaiDocument> } | undefined;

function loadIndex(): NonNullable<typeof index> {
  if (index) return index;
  const paths: IndexedPath[] = [];
  const documents = new Map<string, OaiDocument>();
  for (const file of SPEC_FILES) {
    const document = JSON.parse(readFileSync(SPEC_DIR + file, 'utf8')) as OaiDocument;
    for (const [template, item] of Object.entries(document.paths)) {
      const host = hostOf(item.servers ?? document.servers);
      documents.set(host, document);
      const { pattern, paramCount } = compileTemplate(template);
      paths.push({ host, template, pattern, paramCount, item, document });
    }
  }
  // A literal segment must win over a placeholder that would also match it.
  paths.sort((a, b) => a.paramCount - b.paramCount);
  index = { paths, documents };
  return index;
}

function hostOf(servers: { url: string }[] | undefined): string {
  const url = servers?.[0]?.url;
  if (url === undefined) throw new Error('OpenAPI path without a server');
  return new URL(url).hostname;
}

function compileTemplate(template: string): { pattern: RegExp; paramCount: number } {
  const parts = template.split(/\{(\w+)\}/);
  const source = parts
    .map((part, i) => (i % 2 === 1 ? `(?<${part}>[^/]+?)` : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('');
  return { pattern: new RegExp(`^${source}$`), paramCount: (parts.length - 1) / 2 };
}

function operationOf(item: OaiPathItem, method: string): OaiOperation | undefined {
  const key = HTTP_METHODS.find((m) => m === method.toLowerCase());
  return key ? item[key] : undefined;
}

function resolve(document: OaiDocument, schema: OaiSchema): OaiSchema {
  if (schema.$ref === undefined) return schema;
  const name = schema.$ref.replace('#/components/schemas/', '');
  const target = document.components.schemas[name];
  if (!target) throw new Error(`Unresolvable $ref ${schema.$ref}`);
  return resolve(document, target);
}

function toParam(document: OaiDocument, name: string, schema: OaiSchema | undefined): SpecParam {
  const resolved = schema ? resolve(document, schema) : {};
  return {
    name,
    array: resolved.type === 'array',
    integer: resolved.type === 'integer' ? { minimum: resolved.minimum, maximum: resolved.maximum } : null,
  };
}

export function lookupOperation(host: string, method: string, path: string): SpecLookup {
  for (const candidate of loadIndex().paths) {
    if (candidate.host !== host) continue;
    const match = candidate.pattern.exec(path);
    if (!match) continue;
    const operation = operationOf(candidate.item, method);
    if (!operation) return { kind: 'method-not-allowed', pathTemplate: candidate.template };
    const { document } = candidate;
    const parameters = [...(candidate.item.parameters ?? []), ...(operation.parameters ?? [])];
    const query = new Map(
      parameters.filter((p) => p.in === 'query').map((p) => [p.name, toParam(document, p.name, p.schema)] as const),
    );
    const formSchema = operation.requestBody?.content['application/x-www-form-urlencoded']?.schema;
    const form = new Map(
      Object.entries(formSchema ? (resolve(document, formSchema).properties ?? {}) : {}).map(
        ([name, schema]) => [name, toParam(document, name, schema)] as const,
      ),
    );
    return {
      kind: 'operation',
      operation: {
        host,
        method: method.toUpperCase(),
        pathTemplate: candidate.template,
        pathParams: { ...match.groups },
        query,
        form,
      },
    };
  }
  return { kind: 'unknown-path' };
}

function propertyNames(document: OaiDocument, schema: OaiSchema): Set<string> {
  return new Set(Object.keys(resolve(document, schema).properties ?? {}));
}

function documentFor(host: string): OaiDocument {
  const document = loadIndex().documents.get(host);
  if (!document) throw new Error(`No OpenAPI description for ${host}`);
  return document;
}

/** Property names of a named component schema, e.g. `api.v2010.account.message`. */
export function schemaPropertyNames(host: string, schemaName: string): Set<string> {
  const document = documentFor(host);
  const schema = document.components.schemas[schemaName];
  if (!schema) throw new Error(`No schema ${schemaName} for ${host}`);
  return propertyNames(document, schema);
}

/** Top-level property names of an operation's success body, e.g. a list page's envelope. */
export function responsePropertyNames(host: string, method: string, pathTemplate: string): Set<string> {
  const document = documentFor(host);
  const item = document.paths[pathTemplate];
  const operation = item ? operationOf(item, method) : undefined;
  const success = Object.entries(operation?.responses ?? {}).find(([status]) => status.startsWith('2'))?.[1];
  const schema = success?.content?.['application/json']?.schema;
  if (!schema) throw new Error(`No JSON success response for ${method} ${pathTemplate}`);
  return propertyNames(document, schema);
}
