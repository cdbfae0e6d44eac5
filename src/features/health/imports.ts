/**
 * Importing a chat export into a community: the same streaming importers as
 * `shequn diagnose`; messages, replies, joins and leaves become activity
 * events marked with their carrier and source. Each event's key (the carrier's
 * message id where there is one, else a fingerprint) is stored beside it, so a
 * re-import or an overlapping newer export adds nothing twice.
 *
 * An import is a row (chat_imports) with its progress: the console polls it,
 * the CLI prints it.
 */
import { createHash } from 'node:crypto';
import { appendEvents } from '../../kernel/activity/log.js';
import type { ActivityEvent } from '../../kernel/activity/taxonomy.js';
import type { AppContext } from '../../kernel/context.js';
import { inTransaction, type Q } from '../../kernel/db/tx.js';
import { NotFound } from '../../kernel/errors.js';
import { newId } from '../../kernel/ids.js';
import { openImport } from '../../engine/importers/index.js';
import { ImportError, type ChatEvent } from '../../engine/types.js';
import { openCommunity, recordActivitySource } from '../communities/index.js';
import { carrierOf, eventKey, externalRef } from './rules.js';
import { refreshHealth } from './service.js';
import * as store from './store.js';
import type { ChatImportsTable } from './tables.js';

const BATCH = 1000;

export interface ImportInput {
  path: string;
  fileName: string;
  format?: string;
}

export type ImportView = Omit<ChatImportsTable, 'communityId' | 'createdBy'>;

export interface StartedImport {
  view: ImportView;
  /** Reads the export into the log; the console runs it after answering, the CLI waits for it. */
  run: (hooks?: RunHooks) => Promise<ImportView>;
}

/** Opens an import row for the console: owner and admins (signed out 401, others 403). */
export function startImport(ctx: AppContext, where: { slug: string }, userId: string | null, input: ImportInput): Promise<StartedImport> {
  return start(ctx, where, userId, 'console.open', input);
}

/** Opens an import row for `shequn import`: whoever runs the command on the machine operates every community. */
export function startImportFromCli(ctx: AppContext, where: { slug: string }, input: ImportInput): Promise<StartedImport> {
  return start(ctx, where, null, 'anyone', input);
}

async function start(ctx: AppContext, where: { slug: string }, userId: string | null, ask: 'console.open' | 'anyone', input: ImportInput): Promise<StartedImport> {
  const row = await inTransaction(ctx.db, async (trx) => {
    const { community } = ask === 'anyone' ? await openCommunity(trx, where, null, 'anyone') : await openCommunity(trx, where, userId, ask);
    const row: ChatImportsTable = {
      id: newId(ctx.clock.now().getTime()),
      communityId: community.id,
      fileName: input.fileName,
      format: input.format ?? null,
      carrier: null,
      state: 'running',
      bytesRead: 0,
      bytesTotal: 0,
      added: 0,
      skipped: 0,
      firstAt: null,
      lastAt: null,
      error: null,
      createdBy: userId,
      createdAt: ctx.clock.now().toISOString(),
      finishedAt: null,
    };
    await store.insertImport(trx, row);
    return row;
  });
  return { view: view(row), run: (hooks) => runImport(ctx, row.id, row.communityId, input.path, hooks) };
}

export interface RunHooks {
  onProgress?: (p: { bytesRead: number; bytesTotal: number; added: number; skipped: number }) => void;
}

/**
 * Reads the export and appends what is new, batch by batch (each batch one
 * transaction: its keys and its events together). Never throws for bad input:
 * the row ends `failed` with the importer's message.
 */
export async function runImport(ctx: AppContext, importId: string, communityId: string, path: string, hooks: RunHooks = {}): Promise<ImportView> {
  const db = ctx.db.kysely;
  const row = await store.findImport(db, communityId, importId);
  if (!row) throw NotFound('import');
  let bytes = { bytesRead: 0, bytesTotal: 0 };
  let added = 0;
  let skipped = 0;
  let firstAt: string | null = null;
  let lastAt: string | null = null;
  try {
    const opened = await openImport(path, { format: row.format ?? undefined, onProgress: (p) => void (bytes = p) });
    const carrier = carrierOf(opened.format);
    await store.updateImport(db, communityId, importId, { format: opened.format, carrier, bytesTotal: opened.bytesTotal });
    const authors = new Map<string, { name: string; messages: number }>();
    const seen = new Map<string, number>();
    let batch: { key: string; event: ActivityEvent }[] = [];

    const flush = async () => {
      const known = await inTransaction(ctx.db, async (trx) => {
        const known = await store.knownKeys(trx, communityId, batch.map((b) => b.key));
        const fresh = batch.filter((b) => !known.has(b.key));
        await store.insertKeys(trx, communityId, fresh.map((b) => b.key));
        await appendEvents(trx, communityId, fresh.map((b) => b.event));
        for (const b of fresh) countAuthor(authors, b.event);
        return known.size;
      });
      skipped += known;
      added += batch.length - known;
      batch = [];
      await store.updateImport(db, communityId, importId, { bytesRead: bytes.bytesRead, added, skipped });
      hooks.onProgress?.({ ...bytes, added, skipped });
    };

    for await (const e of opened.events) {
      const event = toStoredEvent(e, carrier, importId);
      const base = eventKey(carrier, event, 0);
      const n = seen.get(base) ?? 0;
      seen.set(base, n + 1);
      batch.push({ key: hash(n === 0 ? base : eventKey(carrier, event, n)), event });
      if (!firstAt || e.at < firstAt) firstAt = e.at;
      if (!lastAt || e.at > lastAt) lastAt = e.at;
      if (batch.length >= BATCH) await flush();
    }
    if (batch.length > 0) await flush();

    const seenAt = ctx.clock.now().toISOString();
    await inTransaction(ctx.db, async (trx) => {
      for (const [ref, a] of authors) {
        await store.upsertIdentity(trx, {
          communityId,
          carrier,
          externalId: ref.slice(`ext:${carrier}:`.length),
          displayName: a.name,
          userId: null,
          outsider: 0,
          messages: a.messages,
          updatedAt: seenAt,
        });
      }
      if (firstAt && lastAt) await recordCoverage(ctx, trx, communityId, row.createdBy, { carrier, sourceKey: opened.chatName ?? row.fileName, label: opened.chatName ?? row.fileName, from: firstAt, to: lastAt });
    });
    // The health page shows the import as soon as it reads `done`.
    if (added > 0) await refreshHealth(ctx, communityId);
    await store.updateImport(db, communityId, importId, { state: 'done', bytesRead: bytes.bytesTotal, added, skipped, firstAt, lastAt, finishedAt: ctx.clock.now().toISOString() });
  } catch (err) {
    const message = err instanceof ImportError ? err.message.replace(path, row.fileName) : errorText(err);
    await store.updateImport(db, communityId, importId, { state: 'failed', error: message, added, skipped, finishedAt: ctx.clock.now().toISOString() });
    if (!(err instanceof ImportError) && !isFileError(err)) throw err;
  }
  return view((await store.findImport(db, communityId, importId))!);
}

/** An import as the console shows it (owner and admins). */
export async function getImport(ctx: AppContext, slug: string, userId: string | null, id: string): Promise<ImportView> {
  const { community } = await openCommunity(ctx.db.kysely, { slug }, userId, 'console.open');
  const row = await store.findImport(ctx.db.kysely, community.id, id);
  if (!row) throw NotFound('import');
  return view(row);
}

export async function listImports(ctx: AppContext, slug: string, userId: string | null): Promise<{ imports: ImportView[] }> {
  const { community } = await openCommunity(ctx.db.kysely, { slug }, userId, 'console.open');
  return { imports: (await store.listImports(ctx.db.kysely, community.id)).map(view) };
}

/** What this import covers: the pruning rules count silence only within the spans some source could see. */
function recordCoverage(
  ctx: AppContext,
  trx: Q,
  communityId: string,
  by: string | null,
  span: { carrier: string; sourceKey: string; label: string; from: string; to: string },
): Promise<unknown> {
  return recordActivitySource(ctx, communityId, by, { kind: 'import', ...span }, trx);
}

/** A chat event as the log stores it: authors as `ext:<carrier>:<id>`, carrier and source in its data. */
function toStoredEvent(e: ChatEvent, carrier: string, importId: string): ActivityEvent {
  const { actorName, targetName, ...rest } = e;
  return {
    ...rest,
    actorId: e.actorId === null ? null : externalRef(carrier, e.actorId),
    targetId: e.targetId == null ? null : externalRef(carrier, e.targetId),
    data: {
      ...(e.data ?? {}),
      carrier,
      source: 'import',
      importId,
      ...(actorName ? { actorName } : {}),
      ...(targetName ? { targetName } : {}),
    },
  };
}

function countAuthor(authors: Map<string, { name: string; messages: number }>, e: ActivityEvent): void {
  for (const [ref, name] of [
    [e.actorId, e.data?.actorName],
    [e.targetId, e.data?.targetName],
  ] as const) {
    if (!ref) continue;
    const a = authors.get(ref) ?? { name: typeof name === 'string' ? name : ref.split(':').slice(2).join(':'), messages: 0 };
    if (typeof name === 'string' && name) a.name = name;
    authors.set(ref, a);
  }
  if (e.actorId && (e.kind === 'content.posted' || e.kind === 'content.replied')) authors.get(e.actorId)!.messages++;
}

function hash(key: string): string {
  return createHash('sha256').update(key).digest('base64url');
}

function isFileError(err: unknown): boolean {
  return typeof (err as NodeJS.ErrnoException | undefined)?.code === 'string';
}

function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

function view(row: ChatImportsTable): ImportView {
  const { communityId: _c, createdBy: _b, ...rest } = row;
  return rest;
}
