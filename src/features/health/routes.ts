/**
 * HTTP ↔ health use cases: the diagnosis of the community's log, chat-export
 * imports (an upload; the import then runs as a row the console polls) and
 * carrier identities. Shapes in schemas.ts.
 */
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Transform } from 'node:stream';
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { Invalid } from '../../kernel/errors.js';
import { linkIdentity, listIdentities, type LinkInput } from './identities.js';
import { getImport, listImports, startImport } from './imports.js';
import * as s from './schemas.js';
import { getHealth } from './service.js';

const TAGS = ['health'];
/** The largest export the console takes in one upload (the CLI has no limit). */
export const MAX_UPLOAD_BYTES = 512 * 1024 * 1024;

export const healthRoutes: FastifyPluginAsync = async (base) => {
  const app = base.withTypeProvider<ZodTypeProvider>();
  const ctx = base.ctx;
  const uid = (req: { user: { id: string } | null }) => req.user?.id ?? null;

  // An upload is streamed to a temporary file; the body the handler sees is its path.
  base.addContentTypeParser(['application/octet-stream', 'application/zip'], async (_req: unknown, payload: NodeJS.ReadableStream) => {
    const dir = await mkdtemp(join(tmpdir(), 'shequn-import-'));
    const file = join(dir, 'upload');
    let size = 0;
    const limit = new Transform({
      transform(chunk: Buffer, _enc, done) {
        size += chunk.length;
        done(size > MAX_UPLOAD_BYTES ? Invalid('body', `the export is larger than ${MAX_UPLOAD_BYTES} bytes`, 'too_big') : null, chunk);
      },
    });
    try {
      await pipeline(payload, limit, createWriteStream(file));
    } catch (err) {
      await rm(dir, { recursive: true, force: true });
      throw err;
    }
    return { file, dir, size };
  });

  app.get(
    '/communities/:slug/health',
    { schema: { tags: TAGS, summary: "The community's health diagnosis from its activity log (owner and admins)", params: s.slugParams, querystring: s.healthQuery, response: { 200: s.health } } },
    // DiagnosisResult is an interface (no index signature); the schema checks its top and passes the rest through.
    async (req) => (await getHealth(ctx, req.params.slug, uid(req), req.query)) as unknown as s.HealthWire,
  );

  app.post(
    '/communities/:slug/imports',
    {
      schema: {
        tags: TAGS,
        summary: 'Upload a chat export (raw bytes); it is imported in the background (owner and admins)',
        params: s.slugParams,
        querystring: s.importQuery,
        response: { 202: s.importView },
      },
    },
    async (req, reply) => {
      const upload = req.body as { file: string; dir: string; size: number } | undefined;
      if (!upload?.file) throw Invalid('body', 'send the export file as the request body', 'required');
      try {
        const started = await startImport(ctx, { slug: req.params.slug }, uid(req), { path: upload.file, fileName: basename(req.query.name ?? 'export'), format: req.query.format });
        // Runs after the answer; the console polls GET …/imports/:id for its progress.
        void started
          .run()
          .catch((err: unknown) => req.log.error(err))
          .finally(() => rm(upload.dir, { recursive: true, force: true }));
        return reply.status(202).send(started.view);
      } catch (err) {
        await rm(upload.dir, { recursive: true, force: true });
        throw err;
      }
    },
  );

  app.get(
    '/communities/:slug/imports',
    { schema: { tags: TAGS, summary: 'Recent chat-export imports (owner and admins)', params: s.slugParams, response: { 200: s.importsView } } },
    async (req) => listImports(ctx, req.params.slug, uid(req)),
  );

  app.get(
    '/communities/:slug/imports/:id',
    { schema: { tags: TAGS, summary: 'One import and its progress (owner and admins)', params: s.importParams, response: { 200: s.importView } } },
    async (req) => getImport(ctx, req.params.slug, uid(req), req.params.id),
  );

  app.get(
    '/communities/:slug/identities',
    { schema: { tags: TAGS, summary: 'Chat authors met by imports and the members they are linked to (owner and admins)', params: s.slugParams, response: { 200: s.identitiesView } } },
    async (req) => listIdentities(ctx, req.params.slug, uid(req)),
  );

  app.post(
    '/communities/:slug/identities/link',
    { schema: { tags: TAGS, summary: 'Link a chat author to a member, keep them as an outsider, or undo (owner and admins)', params: s.slugParams, body: s.linkBody, response: { 200: s.identityView } } },
    async (req) => linkIdentity(ctx, req.params.slug, uid(req), req.body as LinkInput),
  );
};
