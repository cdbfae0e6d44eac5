/**
 * HTTP ↔ pruning use cases: settings and dry run, the sweep, warnings and the
 * review queue, reports, appeals, the member's own status and the audit trail.
 * Request and response shapes are in schemas.ts.
 */
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { appeal, decideAppeal, decideReport, exportAuditCsv, listAppeals, listReports, myStatus, readAudit, reportMember } from './cases.js';
import * as s from './schemas.js';
import { decideReview, dryRun, getSettings, listWarnings, runSweepNow, updateSettings } from './service.js';

const TAGS = ['pruning'];
const slugParams = s.slugParams;
type Patch = Parameters<typeof updateSettings>[3];

export const pruningRoutes: FastifyPluginAsync = async (base) => {
  const app = base.withTypeProvider<ZodTypeProvider>();
  const ctx = base.ctx;
  const uid = (req: { user: { id: string } | null }) => req.user?.id ?? null;

  app.get(
    '/communities/:slug/pruning/settings',
    { schema: { tags: TAGS, summary: 'Pruning settings and the available rules (admins)', params: slugParams, response: { 200: s.settingsView } } },
    async (req) => getSettings(ctx, req.params.slug, uid(req)),
  );

  app.patch(
    '/communities/:slug/pruning/settings',
    { schema: { tags: TAGS, summary: 'Change pruning settings (admins)', params: slugParams, body: s.settingsPatch, response: { 200: s.settingsSaved } } },
    async (req) => updateSettings(ctx, req.params.slug, uid(req), req.body as Patch),
  );

  app.post(
    '/communities/:slug/pruning/dry-run',
    {
      schema: {
        tags: TAGS,
        summary: 'Who each rule would warn, clear and remove today; writes nothing (admins)',
        params: slugParams,
        body: s.settingsPatch.optional(),
        response: { 200: s.dryRun },
      },
    },
    async (req) => dryRun(ctx, req.params.slug, uid(req), (req.body ?? undefined) as Patch | undefined),
  );

  app.post(
    '/communities/:slug/pruning/sweep',
    { schema: { tags: TAGS, summary: 'Run the sweep now (admins)', params: slugParams, response: { 200: s.sweep } } },
    async (req) => ({ result: await runSweepNow(ctx, req.params.slug, uid(req)) }),
  );

  app.get(
    '/communities/:slug/pruning/warnings',
    { schema: { tags: TAGS, summary: 'Warnings and the review queue (admins)', params: slugParams, querystring: s.warningsQuery, response: { 200: s.warnings } } },
    async (req) => listWarnings(ctx, req.params.slug, uid(req), req.query),
  );

  app.post(
    '/communities/:slug/pruning/warnings/:id/decide',
    {
      schema: {
        tags: TAGS,
        summary: 'Decide a member in the review queue: remove or keep (admins)',
        params: s.itemParams,
        body: s.reviewDecision,
        response: { 200: s.warningDecided },
      },
    },
    async (req) => decideReview(ctx, req.params.slug, uid(req), req.params.id, req.body.decision, req.body.note),
  );

  app.get(
    '/communities/:slug/pruning/me',
    { schema: { tags: TAGS, summary: 'My own status: warnings, or removal and appeal', params: slugParams, response: { 200: s.myStatus } } },
    async (req) => myStatus(ctx, req.params.slug, uid(req)),
  );

  app.post(
    '/communities/:slug/reports',
    { schema: { tags: TAGS, summary: 'Report a member for breaking the norms (members)', params: slugParams, body: s.reportBody, response: { 201: s.reportFiled } } },
    async (req, reply) => reply.status(201).send(await reportMember(ctx, req.params.slug, uid(req), req.body.subjectId, req.body.reason)),
  );

  app.get(
    '/communities/:slug/reports',
    { schema: { tags: TAGS, summary: 'The reports queue (admins)', params: slugParams, querystring: s.reportsQuery, response: { 200: s.reports } } },
    async (req) => listReports(ctx, req.params.slug, uid(req), req.query),
  );

  app.post(
    '/communities/:slug/reports/:id/decide',
    { schema: { tags: TAGS, summary: 'Uphold or dismiss a report (admins)', params: s.itemParams, body: s.reportDecision, response: { 200: s.reportDecided } } },
    async (req) => decideReport(ctx, req.params.slug, uid(req), req.params.id, req.body.decision, req.body.note),
  );

  app.post(
    '/communities/:slug/appeals',
    { schema: { tags: TAGS, summary: 'Appeal my removal, within the window', params: slugParams, body: s.appealBody, response: { 201: s.appealFiled } } },
    async (req, reply) => reply.status(201).send(await appeal(ctx, req.params.slug, uid(req), req.body.text)),
  );

  app.get(
    '/communities/:slug/appeals',
    { schema: { tags: TAGS, summary: 'Appeals (admins)', params: slugParams, querystring: s.appealsQuery, response: { 200: s.appeals } } },
    async (req) => listAppeals(ctx, req.params.slug, uid(req), req.query),
  );

  app.post(
    '/communities/:slug/appeals/:id/decide',
    { schema: { tags: TAGS, summary: 'Grant (re-admit) or deny an appeal (admins)', params: s.itemParams, body: s.appealDecision, response: { 200: s.appealDecided } } },
    async (req) => decideAppeal(ctx, req.params.slug, uid(req), req.params.id, req.body.decision, req.body.note),
  );

  app.get(
    '/communities/:slug/audit',
    {
      schema: {
        tags: TAGS,
        summary: 'The audit trail of decisions about people (admins); ?format=csv downloads it',
        params: slugParams,
        querystring: s.auditQuery,
        response: { 200: { content: { 'application/json': { schema: s.audit }, 'text/csv': { schema: s.auditCsv } } } },
      },
    },
    async (req, reply) => {
      const { format, ...q } = req.query;
      if (format !== 'csv') return readAudit(ctx, req.params.slug, uid(req), q);
      const csv = await exportAuditCsv(ctx, req.params.slug, uid(req), q);
      // A stream is piped out as it comes, past the serializer; the schema documents the text it carries.
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="audit-${req.params.slug}-${ctx.clock.now().toISOString().slice(0, 10)}.csv"`)
        .send(csv as unknown as string);
    },
  );
};
