/**
 * Zod schemas of the health API: the diagnosis (the `shequn diagnose --json`
 * contract, whose full type is the engine's DiagnosisResult), imports and
 * carrier identities.
 */
import { z } from 'zod';
import type { DiagnosisResult } from '../../engine/health/index.js';
import { idParam, slugParams, timestamp } from '../../kernel/http/schemas.js';
import { CARRIERS } from './rules.js';

export { slugParams };
export const importParams = slugParams.extend({ id: idParam });

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}(T[\d:.]+Z)?$/, 'an ISO date (2026-03-01 or 2026-03-01T00:00:00Z)');
export const healthQuery = z.object({ from: isoDate.optional(), to: isoDate.optional() }).strict();

/**
 * The diagnosis: the top of the result is spelled out, the rest passes
 * through as the engine wrote it (docs/metrics.md defines every field).
 */
export const health = z
  .looseObject({
    schemaVersion: z.number().int(),
    generatedAt: timestamp,
    source: z.looseObject({ format: z.string(), messages: z.number(), members: z.number(), events: z.number(), firstAt: timestamp.nullable(), lastAt: timestamp.nullable(), weeks: z.number() }),
    verdict: z.looseObject({ kind: z.enum(['community', 'broadcast', 'chatter', 'declining', 'silent', 'not_group']), score: z.number().nullable() }),
    conditions: z.array(z.looseObject({ id: z.string(), status: z.string() })),
    weekly: z.array(z.looseObject({ week: z.string() })),
    graph: z.looseObject({ nodes: z.array(z.looseObject({ id: z.string(), name: z.string() })), edges: z.array(z.looseObject({ source: z.string(), target: z.string() })) }),
  })
  .describe('DiagnosisResult: the same JSON as `shequn diagnose --json` (docs/metrics.md)');
export type HealthView = DiagnosisResult;
export type HealthWire = z.infer<typeof health>;

export const IMPORT_STATES = ['running', 'done', 'failed'] as const;
export const importQuery = z.object({ name: z.string().trim().min(1).max(200).optional(), format: z.string().trim().min(1).max(40).optional() }).strict();
export const importView = z.object({
  id: z.string(),
  fileName: z.string(),
  format: z.string().nullable(),
  carrier: z.string().nullable(),
  state: z.enum(IMPORT_STATES),
  bytesRead: z.number(),
  bytesTotal: z.number(),
  added: z.number(),
  skipped: z.number(),
  firstAt: timestamp.nullable(),
  lastAt: timestamp.nullable(),
  error: z.string().nullable(),
  createdAt: timestamp,
  finishedAt: timestamp.nullable(),
});
export const importsView = z.object({ imports: z.array(importView) });
export type ImportView = z.infer<typeof importView>;

export const identityView = z.object({
  carrier: z.string(),
  externalId: z.string(),
  displayName: z.string(),
  messages: z.number(),
  status: z.enum(['linked', 'outsider', 'unmatched']),
  member: z.object({ id: z.string(), displayName: z.string() }).nullable(),
});
export const identitiesView = z.object({ identities: z.array(identityView) });
export type IdentityView = z.infer<typeof identityView>;

const who = { carrier: z.enum(CARRIERS), externalId: z.string().min(1).max(200) };
export const linkBody = z.union([
  z.object({ ...who, userId: idParam }).strict(),
  z.object({ ...who, outsider: z.literal(true) }).strict(),
  z.object({ ...who, unlink: z.literal(true) }).strict(),
]);
