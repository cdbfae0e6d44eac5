/** The health engine (体检): see analyzer.ts, result.ts and docs/metrics.md. */
export { analyze, createAnalyzer, type Analyzer } from './analyzer.js';
export type * from './result.js';
export { RESULT_SCHEMA_VERSION } from './result.js';
