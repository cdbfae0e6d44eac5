/** Zod schemas of the onboarding, profile and notices API: request bounds and the answers. */
import { z } from 'zod';
import { cursorParam } from '../../kernel/paging.js';
import { idParam, slugParams, timestamp } from '../../kernel/http/schemas.js';
import { ROLES } from '../communities/rules.js';
import { activityItem } from '../communities/schemas.js';
import { NOTICE_KINDS, type NoticeKind } from './notice-kinds.js';
import { INTRO_LIMITS, introTemplateSchema } from './rules.js';

export const profileParams = slugParams.extend({ userId: idParam });

export const introBody = z.object({
  intro: z
    .record(z.string().max(32), z.string().max(INTRO_LIMITS.answer, { error: `at most ${INTRO_LIMITS.answer} characters` }))
    .refine((o) => Object.keys(o).length <= INTRO_LIMITS.fields, { error: `at most ${INTRO_LIMITS.fields} fields` }),
});

export const readBody = z
  .object({ ids: z.array(idParam).min(1).max(200).optional(), all: z.literal(true).optional() })
  .refine((b) => !!b.ids !== !!b.all, { error: 'give either ids or all: true', path: ['ids'] });

export const evidenceQuery = z.object({
  ids: z
    .string()
    .min(1)
    .max(6500)
    .transform((v) => v.split(','))
    .pipe(z.array(idParam).max(100, { error: 'at most 100 members at a time' })),
});
export const timelineQuery = z.object({ before: z.string().max(80).optional(), limit: z.coerce.number().int().min(1).max(100).optional() });

// ── responses ────────────────────────────────────────────────────────────────

/** Evidence for decisions about members (members/evidence.ts). */
export const evidence = z.object({
  evidence: z.array(
    z.object({
      userId: z.string(),
      lastActive: z.object({ at: timestamp, source: z.object({ kind: z.enum(['shequn', 'import', 'connection']), label: z.string() }) }).nullable(),
      introduction: z.object({ status: z.enum(['done', 'due', 'overdue', 'none']), at: timestamp.nullable() }),
      invites: z.object({ brought: z.number().int(), stayed: z.number().int() }),
      contributions: z.object({ posts: z.number().int(), replies: z.number().int(), checkIns: z.number().int(), attended: z.number().int() }),
    }),
  ),
});

const intro = z.record(z.string(), z.string()).nullable();

export const onboardingStatus = z.object({
  normsAccepted: z.boolean(),
  introduced: z.boolean(),
  dueAt: timestamp,
  /** Whole days left before the introduction is due (negative when late). */
  daysLeft: z.number().int(),
  overdue: z.boolean(),
  done: z.boolean(),
});

export const onboarding = z.object({ norms: z.string(), template: introTemplateSchema, intro, status: onboardingStatus });

export const profile = z.object({
  profile: z.object({
    userId: z.string(),
    displayName: z.string(),
    role: z.enum(ROLES),
    joinedAt: timestamp.nullable(),
    intro,
    introducedAt: timestamp.nullable(),
  }),
  template: introTemplateSchema,
});

/** One in-app notice; `kind` (`<feature>.<event>`, docs/notices.md) and `data` are read by the web's notice texts. */
export const notice = z.object({
  id: z.string(),
  kind: z.enum(Object.keys(NOTICE_KINDS) as [NoticeKind, ...NoticeKind[]]),
  data: z.record(z.string(), z.unknown()),
  createdAt: timestamp,
  readAt: timestamp.nullable(),
});
export const noticesQuery = z.object({ cursor: cursorParam, limit: z.coerce.number().int().min(1).max(100).optional() });
export const notices = z.object({ notices: z.array(notice), nextCursor: z.string().nullable(), unread: z.number().int() });
export const noticesRead = z.object({ marked: z.number().int(), unread: z.number().int() });

export const timeline = z.object({ events: z.array(activityItem), next: z.string().nullable() });

export type OnboardingView = z.infer<typeof onboarding>;
export type ProfileView = z.infer<typeof profile>;
export type Notice = z.infer<typeof notice>;
export type NoticesView = z.infer<typeof notices>;
