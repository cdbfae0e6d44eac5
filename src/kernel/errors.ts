/**
 * The few kinds of error a use case may raise. Mapped to HTTP once, in
 * kernel/http/server.ts; the CLI maps Invalid to exit code 2.
 *
 * Messages stay English (logs, API users); each problem also carries a machine code and
 * its parameters so the web app can say the same thing in the reader's language.
 */
export type ProblemParams = Record<string, string | number | boolean | (string | number)[]>;

export interface FieldProblem {
  /** Dotted path of the offending input field, e.g. "charter.capacity". */
  path: string;
  message: string;
  /** One of FIELD_CODES; absent means the error's own code (invalid, conflict). */
  code?: string;
  params?: ProblemParams;
}

export type ErrorCode = 'invalid' | 'unauthorized' | 'forbidden' | 'not_found' | 'conflict' | 'rate_limited' | 'timeout';

/** Top-level codes the API can answer with (internal is the 500). */
export const TOP_CODES = ['invalid', 'unauthorized', 'forbidden', 'not_found', 'conflict', 'rate_limited', 'timeout', 'internal'] as const;

/**
 * Field codes the API can put on a problem: the Zod issue codes we pass on (invalid_type
 * of a missing value becomes `required`) and the use cases' own invalid/conflict.
 */
export const FIELD_CODES = [
  'required',
  'invalid_type',
  'too_small',
  'too_big',
  'invalid_format',
  'invalid_value',
  'unrecognized_keys',
  'not_multiple_of',
  'invalid_union',
  'invalid_key',
  'invalid_element',
  'custom',
  'invalid',
  'conflict',
  // pruning: the inactivity rule cannot see the window it would judge
  'not_covered',
  'no_source',
] as const;
export type FieldCode = (typeof FIELD_CODES)[number];

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fields: FieldProblem[] = [],
    readonly params?: ProblemParams,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const NotFound = (what: string) => new AppError('not_found', `${what} not found`);
export const Forbidden = (message = 'you are not allowed to do this') => new AppError('forbidden', message);
export const Unauthorized = (message = 'sign in first') => new AppError('unauthorized', message);
export const Conflict = (message: string, field?: string, code = 'conflict', params?: ProblemParams) =>
  new AppError('conflict', message, field ? [{ path: field, message, code, ...(params ? { params } : {}) }] : [], params);
export const Invalid = (field: string, message: string, code = 'invalid', params?: ProblemParams) =>
  new AppError('invalid', `${field}: ${message}`, [{ path: field, message, code, ...(params ? { params } : {}) }]);

export const HTTP_STATUS: Record<ErrorCode, number> = {
  invalid: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  rate_limited: 429,
  // the request ran past its deadline (kernel/http/deadline.ts); retrying later may work
  timeout: 503,
};
