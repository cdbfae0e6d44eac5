/**
 * Turns a failed Zod validation into the API's field problems: the dotted path, where it was
 * (body, querystring, params), the English message, and a machine code with the parameters a
 * client needs to say the same thing in its reader's language ("at least {{minimum}} characters").
 */
import type { ProblemParams } from '../errors.js';

export interface WireFieldProblem {
  path: string;
  in?: string;
  message: string;
  code: string;
  params?: ProblemParams;
}

/** What fastify-type-provider-zod hands over per issue: the Zod issue minus path/code/message. */
export interface ZodValidationEntry {
  keyword?: string;
  instancePath: string;
  message?: string;
  params?: unknown;
}

// Only parameters a message can use; a union's nested issues or the raw input stay out.
const KEPT = ['origin', 'minimum', 'maximum', 'inclusive', 'exact', 'format', 'values', 'keys', 'expected', 'divisor', 'prefix', 'suffix', 'includes'] as const;

export function zodFieldProblem(v: ZodValidationEntry, where: string, input: unknown): WireFieldProblem {
  const raw = (v.params ?? {}) as Record<string, unknown>;
  const issuePath = Array.isArray(raw['path']) ? (raw['path'] as unknown[]).join('.') : '';
  const path = v.instancePath.replace(/^\//, '').replaceAll('/', '.') || issuePath;
  const message = v.message ?? 'invalid';
  let code = v.keyword ?? 'invalid';
  // A missing value is the commonest mistake; Zod reports it as a type error ("received undefined").
  if (code === 'invalid_type' && (valueAt(input, path) === undefined || /received undefined$/.test(message))) code = 'required';
  const params: ProblemParams = {};
  for (const key of KEPT) {
    const value = wireValue(raw[key]);
    if (value !== undefined) params[key] = value;
  }
  // Zod reports a date bound as epoch milliseconds; a reader needs a date.
  for (const key of ['minimum', 'maximum'] as const) {
    if (params['origin'] === 'date' && typeof params[key] === 'number') params[key] = new Date(params[key]).toISOString();
  }
  return { path, in: where, message, code, ...(Object.keys(params).length ? { params } : {}) };
}

function valueAt(input: unknown, path: string): unknown {
  let node = input;
  for (const part of path ? path.split('.') : []) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return node;
}

/** JSON-safe: bigint limits become strings, date limits ISO text, regexes their source. */
function wireValue(value: unknown): ProblemParams[string] | undefined {
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (typeof value === 'bigint') return value.toString();
  if (value instanceof Date) return value.toISOString();
  if (value instanceof RegExp) return value.source;
  if (Array.isArray(value)) return value.map((x) => (typeof x === 'number' ? x : String(x)));
  return undefined;
}
