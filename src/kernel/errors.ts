/**
 * The few kinds of error a use case may raise. Mapped to HTTP once, in
 * kernel/http/server.ts; the CLI maps Invalid to exit code 2.
 */
export interface FieldProblem {
  /** Dotted path of the offending input field, e.g. "charter.capacity". */
  path: string;
  message: string;
}

export type ErrorCode = 'invalid' | 'unauthorized' | 'forbidden' | 'not_found' | 'conflict' | 'rate_limited';

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fields: FieldProblem[] = [],
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const NotFound = (what: string) => new AppError('not_found', `${what} not found`);
export const Forbidden = (message = 'you are not allowed to do this') => new AppError('forbidden', message);
export const Unauthorized = (message = 'sign in first') => new AppError('unauthorized', message);
export const Conflict = (message: string, field?: string) =>
  new AppError('conflict', message, field ? [{ path: field, message }] : []);
export const Invalid = (field: string, message: string) =>
  new AppError('invalid', `${field}: ${message}`, [{ path: field, message }]);

export const HTTP_STATUS: Record<ErrorCode, number> = {
  invalid: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  rate_limited: 429,
};
