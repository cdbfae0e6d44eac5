/**
 * Zod schemas of the gate API: every body, query and param is bounded (an
 * over-long answer is a 400 naming `answers.<questionId>`), and every answer
 * has its shape here for /api/openapi.json and the web's types.
 */
import { z } from 'zod';
import { cursorParam } from '../../kernel/paging.js';
import { idParam, person, slugParams, timestamp } from '../../kernel/http/schemas.js';
import { MEMBERSHIP_STATES, ROLES } from '../communities/rules.js';
import { notice } from '../members/schemas.js';
import { applicationFormSchema, FORM_LIMITS, gateSettingsSchema, OUTCOMES, screeningRulesSchema, tierSchema } from './rules.js';

export { slugParams };
const code = z.string().min(1).max(64);
const isoDate = z.iso.datetime({ offset: true });

/** Answers: at most one entry per possible question, each bounded by the hardest limit. */
export const answersSchema = z
  .record(
    z.string().max(32),
    z.union([z.string().max(FORM_LIMITS.longText, { error: `at most ${FORM_LIMITS.longText} characters` }), z.array(z.string().max(64)).max(FORM_LIMITS.options)]),
  )
  .refine((a) => Object.keys(a).length <= FORM_LIMITS.questions, { error: `at most ${FORM_LIMITS.questions} answers` });

export const applyQuery = z.object({ code: code.optional() });
export const applyBody = z.object({ answers: answersSchema, code: code.optional() });
export const configPatch = z.object({ form: applicationFormSchema.optional(), rules: screeningRulesSchema.optional(), settings: gateSettingsSchema.optional() });
export const previewBody = z.object({ rules: screeningRulesSchema });
export const queueQuery = z.object({
  state: z.enum(['pending', 'approved', 'rejected', 'waitlisted']).default('pending'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  /** `nextCursor` of the page before. */
  cursor: cursorParam,
});
export const treeQuery = z.object({ parent: idParam.optional(), cursor: cursorParam, limit: z.coerce.number().int().min(1).max(200).optional() });
export const decideBody = z.object({ ids: z.array(idParam).min(1).max(200), decision: z.enum(['approve', 'reject']), reason: z.string().max(500).optional() });
export const inviteBody = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('personal') }),
  z.object({
    kind: z.literal('campaign'),
    name: z.string().trim().min(1).max(80),
    channel: z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'lower-case letters, digits and dashes, up to 40'),
    expiresAt: isoDate.nullable().optional(),
    maxUses: z.number().int().min(1).max(100_000).nullable().optional(),
    vouch: z.boolean().optional(),
  }),
]);
export const inviteParams = slugParams.extend({ id: idParam });
export const referralQuery = z.object({ from: isoDate.optional(), to: isoDate.optional() });
export const blockBody = z.object({ userId: idParam, reason: z.string().max(500).optional() });
export const blockParams = slugParams.extend({ userId: idParam });
export const tierBody = tierSchema;
export const paymentBody = z.object({ userId: idParam, tierId: idParam, amountMinor: z.number().int().min(0).max(100_000_000).optional(), note: z.string().max(500).optional() });

// ── responses ────────────────────────────────────────────────────────────────

export const APPLICATION_STATES = ['pending', 'approved', 'rejected', 'waitlisted', 'withdrawn'] as const;
export const INVITE_KINDS = ['personal', 'campaign'] as const;

const answers = z.record(z.string(), z.union([z.string(), z.array(z.string())]));

export const myApplication = z.object({
  id: z.string(),
  state: z.enum(APPLICATION_STATES),
  answers,
  channel: z.string(),
  reason: z.string().nullable(),
  createdAt: timestamp,
  decidedAt: timestamp.nullable(),
  joinedAt: timestamp.nullable(),
});

export const queueItem = myApplication.extend({
  applicant: person.extend({ email: z.string() }),
  referrer: person.nullable(),
  inviteName: z.string().nullable(),
  vouched: z.boolean(),
  ruleId: z.string().nullable(),
  decidedBy: z.string().nullable(),
});

export const applyPage = z.object({
  form: applicationFormSchema,
  open: z.boolean(),
  invite: z.object({ kind: z.enum(INVITE_KINDS), name: z.string().nullable(), vouch: z.boolean() }).nullable(),
  application: myApplication.nullable(),
});
export const applicationBody = z.object({ application: myApplication });

export const status = z.object({
  membership: z.object({ state: z.enum(MEMBERSHIP_STATES), role: z.enum(ROLES) }).nullable(),
  application: myApplication.nullable(),
  waitlistPosition: z.number().int().nullable(),
  cooldownUntil: timestamp.nullable(),
  notifications: z.array(notice),
});

/** What the viewer may do at the gate, decided by gate/policy.ts. */
export const gatePermissions = z.object({
  canConfigure: z.boolean(),
  canReview: z.boolean(),
  canSeeReferrals: z.boolean(),
  canMarkPaid: z.boolean(),
  /** Only the owner lets core members review applications. */
  canSetCoreReview: z.boolean(),
});

export const config = z.object({ form: applicationFormSchema, rules: screeningRulesSchema, settings: gateSettingsSchema, permissions: gatePermissions });

export const preview = z.object({
  total: z.number().int(),
  counts: z.record(z.enum(OUTCOMES), z.number().int()),
  byRule: z.array(z.object({ ruleId: z.string(), name: z.string(), matched: z.number().int() })),
  changed: z.array(z.object({ id: z.string(), actual: z.string(), wouldBe: z.enum(OUTCOMES), ruleId: z.string().nullable() })),
});

/** A page of the review queue; `total` on the first page only. */
export const queue = z.object({ applications: z.array(queueItem), nextCursor: z.string().nullable(), total: z.number().int().nullable() });
export const decided = z.object({ results: z.array(z.object({ id: z.string(), ok: z.boolean(), state: z.string().optional(), error: z.string().optional() })) });

export const invite = z.object({
  id: z.string(),
  kind: z.enum(INVITE_KINDS),
  ownerId: z.string().nullable(),
  name: z.string().nullable(),
  channel: z.string().nullable(),
  vouch: z.boolean(),
  expiresAt: timestamp.nullable(),
  maxUses: z.number().int().nullable(),
  uses: z.number().int(),
  revokedAt: timestamp.nullable(),
  live: z.boolean(),
  createdAt: timestamp,
});
export const invites = z.object({ invites: z.array(invite), quotaLeft: z.number().int().nullable() });
/** The code is shown once, here; only its hash is stored. */
export const inviteCreated = z.object({ invite, code: z.string(), url: z.string() });
export const inviteBodyOut = z.object({ invite });

/** One member in the referral tree; `direct` people came in through them (0: a leaf). */
export const referralNode = z.object({ userId: z.string(), displayName: z.string(), joinedAt: timestamp.nullable(), direct: z.number().int() }).meta({ id: 'ReferralNode' });
/** One level of the tree, one page at a time (GET …/gate/referrals/tree?parent=&cursor=). */
export const treePage = z.object({ nodes: z.array(referralNode), nextCursor: z.string().nullable() });

export const referrals = z.object({
  tree: treePage,
  leaderboard: z.array(z.object({ userId: z.string(), displayName: z.string(), direct: z.number().int(), total: z.number().int() })),
  channels: z.array(z.object({ channel: z.string(), joins: z.number().int() })),
  growth: z.object({
    from: timestamp,
    to: timestamp,
    base: z.number().int(),
    referredJoins: z.number().int(),
    inviters: z.number().int(),
    k: z.number().nullable(),
    perInviter: z.number().nullable(),
  }),
  funnel: z.object({ applied: z.number().int(), approved: z.number().int(), introduced: z.number().int(), active: z.number().int() }),
});

export const blocks = z.object({ blocks: z.array(z.object({ userId: z.string(), displayName: z.string(), reason: z.string().nullable(), createdAt: timestamp })) });
export const blocked = z.object({ blocked: z.boolean() });

export const tier = tierSchema.extend({ id: z.string(), createdAt: timestamp });
export const PAID_STATUSES = ['paid', 'due_soon', 'lapsed', 'unpaid'] as const;
export const tiers = z.object({
  tiers: z.array(tier),
  members: z.array(z.object({ userId: z.string(), displayName: z.string(), tierId: z.string(), paidThrough: timestamp.nullable(), status: z.enum(PAID_STATUSES) })),
});
export const tierCreated = z.object({ tier });
export const paid = z.object({
  payment: z.object({
    id: z.string(),
    userId: z.string(),
    tierId: z.string(),
    amountMinor: z.number().int(),
    currency: z.string(),
    paidAt: timestamp,
    periodStart: timestamp,
    periodEnd: timestamp,
    markedBy: z.string(),
    note: z.string().nullable(),
  }),
});

// The types the web imports (type-only) instead of restating them.
export type Answers = z.infer<typeof answers>;
export type MyApplication = z.infer<typeof myApplication>;
export type ApplicationBody = z.infer<typeof applicationBody>;
export type QueueItem = z.infer<typeof queueItem>;
export type ReferralNode = z.infer<typeof referralNode>;
export type TreePage = z.infer<typeof treePage>;
export type ApplyPageView = z.infer<typeof applyPage>;
export type StatusView = z.infer<typeof status>;
export type GatePermissions = z.infer<typeof gatePermissions>;
export type GateConfigView = z.infer<typeof config>;
export type ConfigPatch = z.input<typeof configPatch>;
export type Preview = z.infer<typeof preview>;
export type QueueView = z.infer<typeof queue>;
export type DecideResults = z.infer<typeof decided>;
export type Invite = z.infer<typeof invite>;
export type InvitesView = z.infer<typeof invites>;
export type InviteCreated = z.infer<typeof inviteCreated>;
export type ReferralView = z.infer<typeof referrals>;
export type TiersView = z.infer<typeof tiers>;
export type Tier = z.infer<typeof tier>;
