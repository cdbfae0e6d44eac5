/**
 * HTTP ↔ pruning use cases: settings and dry run, the sweep, warnings and the
 * review queue, reports, appeals, the member's own status and the audit trail.
 */
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { cursorParam } from '../../kernel/paging.js';
import { appeal, decideAppeal, decideReport, exportAuditCsv, listAppeals, listReports, myStatus, readAudit, reportMember } from './cases.js';
import { decideReview, dryRun, getSettings, listWarnings, runSweepNow, updateSettings } from './service.js';

const TAGS = ['pruning'];
const slug = z.string().min(1).max(60);
const id = z.string().min(1).max(64);
const slugParams = z.object({ slug });
const itemParams = z.object({ slug, id });
const note = z.string().trim().max(1000).optional();
const paging = { limit: z.coerce.number().int().min(1).max(200).optional(), offset: z.coerce.number().int().min(0).max(100_000).optional() };

const ruleSetting = z.object({ enabled: z.boolean().optional(), threshold: z.number().int().min(0).max(3650).optional() }).strict();
const settingsPatch = z
  .object({
    rules: z.record(z.string().min(1).max(40), ruleSetting).optional(),
    graceDays: z.number().int().min(0).max(90).optional(),
    mode: z.enum(['auto', 'review']).optional(),
    appealWindowDays: z.number().int().min(0).max(365).optional(),
    exemptCore: z.boolean().optional(),
  })
  .strict();

type Patch = Parameters<typeof updateSettings>[3];

export const pruningRoutes: FastifyPluginAsync = async (base) => {
  const app = base.withTypeProvider<ZodTypeProvider>();
  const ctx = base.ctx;
  const uid = (req: { user: { id: string } | null }) => req.user?.id ?? null;

  app.get('/communities/:slug/pruning/settings', { schema: { tags: TAGS, summary: 'Pruning settings and the available rules (admins)', params: slugParams } }, async (req) =>
    getSettings(ctx, req.params.slug, uid(req)),
  );

  app.patch('/communities/:slug/pruning/settings', { schema: { tags: TAGS, summary: 'Change pruning settings (admins)', params: slugParams, body: settingsPatch } }, async (req) =>
    updateSettings(ctx, req.params.slug, uid(req), req.body as Patch),
  );

  app.post(
    '/communities/:slug/pruning/dry-run',
    { schema: { tags: TAGS, summary: 'Who each rule would warn, clear and remove today; writes nothing (admins)', params: slugParams, body: settingsPatch.optional() } },
    async (req) => dryRun(ctx, req.params.slug, uid(req), (req.body ?? undefined) as Patch | undefined),
  );

  app.post('/communities/:slug/pruning/sweep', { schema: { tags: TAGS, summary: 'Run the sweep now (admins)', params: slugParams } }, async (req) => ({
    result: await runSweepNow(ctx, req.params.slug, uid(req)),
  }));

  app.get(
    '/communities/:slug/pruning/warnings',
    { schema: { tags: TAGS, summary: 'Warnings and the review queue (admins)', params: slugParams, querystring: z.object({ state: z.enum(['open', 'review', 'cleared', 'removed', 'kept']).optional(), ...paging }) } },
    async (req) => listWarnings(ctx, req.params.slug, uid(req), req.query),
  );

  app.post(
    '/communities/:slug/pruning/warnings/:id/decide',
    { schema: { tags: TAGS, summary: 'Decide a member in the review queue: remove or keep (admins)', params: itemParams, body: z.object({ decision: z.enum(['remove', 'keep']), note }).strict() } },
    async (req) => decideReview(ctx, req.params.slug, uid(req), req.params.id, req.body.decision, req.body.note),
  );

  app.get('/communities/:slug/pruning/me', { schema: { tags: TAGS, summary: 'My own status: warnings, or removal and appeal', params: slugParams } }, async (req) =>
    myStatus(ctx, req.params.slug, uid(req)),
  );

  app.post(
    '/communities/:slug/reports',
    { schema: { tags: TAGS, summary: 'Report a member for breaking the norms (members)', params: slugParams, body: z.object({ subjectId: id, reason: z.string().trim().min(5).max(2000) }).strict() } },
    async (req, reply) => reply.status(201).send(await reportMember(ctx, req.params.slug, uid(req), req.body.subjectId, req.body.reason)),
  );

  app.get(
    '/communities/:slug/reports',
    { schema: { tags: TAGS, summary: 'The reports queue (admins)', params: slugParams, querystring: z.object({ state: z.enum(['open', 'upheld', 'dismissed']).optional(), ...paging }) } },
    async (req) => listReports(ctx, req.params.slug, uid(req), req.query),
  );

  app.post(
    '/communities/:slug/reports/:id/decide',
    { schema: { tags: TAGS, summary: 'Uphold or dismiss a report (admins)', params: itemParams, body: z.object({ decision: z.enum(['uphold', 'dismiss']), note }).strict() } },
    async (req) => decideReport(ctx, req.params.slug, uid(req), req.params.id, req.body.decision, req.body.note),
  );

  app.post(
    '/communities/:slug/appeals',
    { schema: { tags: TAGS, summary: 'Appeal my removal, within the window', params: slugParams, body: z.object({ text: z.string().trim().min(5).max(4000) }).strict() } },
    async (req, reply) => reply.status(201).send(await appeal(ctx, req.params.slug, uid(req), req.body.text)),
  );

  app.get(
    '/communities/:slug/appeals',
    { schema: { tags: TAGS, summary: 'Appeals (admins)', params: slugParams, querystring: z.object({ state: z.enum(['open', 'granted', 'denied']).optional(), ...paging }) } },
    async (req) => listAppeals(ctx, req.params.slug, uid(req), req.query),
  );

  app.post(
    '/communities/:slug/appeals/:id/decide',
    { schema: { tags: TAGS, summary: 'Grant (re-admit) or deny an appeal (admins)', params: itemParams, body: z.object({ decision: z.enum(['grant', 'deny']), note }).strict() } },
    async (req) => decideAppeal(ctx, req.params.slug, uid(req), req.params.id, req.body.decision, req.body.note),
  );

  app.get(
    '/communities/:slug/audit',
    {
      schema: {
        tags: TAGS,
        summary: 'The audit trail of decisions about people (admins); ?format=csv downloads it',
        params: slugParams,
        querystring: z.object({
          format: z.enum(['json', 'csv']).optional(),
          subjectId: id.optional(),
          action: z.string().min(1).max(60).optional(),
          before: z.string().datetime().optional(),
          cursor: cursorParam,
          limit: z.coerce.number().int().min(1).max(500).optional(),
        }),
      },
    },
    async (req, reply) => {
      const { format, ...q } = req.query;
      if (format !== 'csv') return readAudit(ctx, req.params.slug, uid(req), q);
      const csv = await exportAuditCsv(ctx, req.params.slug, uid(req), q);
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="audit-${req.params.slug}-${ctx.clock.now().toISOString().slice(0, 10)}.csv"`)
        .send(csv);
    },
  );
};
