/**
 * A community's gate settings: how referrals are treated, invite quotas,
 * cooldown, who reviews, the self-introduction template and deadline, renewal
 * reminder days. Stored as one JSON document; missing keys take the defaults,
 * so older rows keep working when a setting is added.
 */
import { z } from 'zod';
import { DEFAULT_INTRO_DUE_DAYS, DEFAULT_INTRO_TEMPLATE, introTemplateSchema } from '../members/rules.js';
import { DEFAULT_QUOTA } from './invites.js';
import { DEFAULT_REMINDER_DAYS } from './tiers.js';

const quota = z.number().int().min(0).max(10_000).nullable();

export const gateSettingsSchema = z.object({
  /** Applications accepted at all (invites still work when closed). */
  open: z.boolean().default(true),
  /** A member's personal link vouches (担保, skips review) or the referred applicant is still screened. */
  referralMode: z.enum(['vouch', 'screen']).default('screen'),
  quota: z.object({ owner: quota, admin: quota, core: quota, member: quota }).default(DEFAULT_QUOTA),
  cooldownDays: z.number().int().min(0).max(3650).default(30),
  /** The owner may let core members (骨干) review applications. */
  coreCanReview: z.boolean().default(false),
  introDueDays: z.number().int().min(1).max(365).default(DEFAULT_INTRO_DUE_DAYS),
  introTemplate: introTemplateSchema.default(DEFAULT_INTRO_TEMPLATE),
  reminderDays: z.array(z.number().int().min(1).max(365)).max(5).default(DEFAULT_REMINDER_DAYS),
});
export type GateSettings = z.infer<typeof gateSettingsSchema>;

export const DEFAULT_SETTINGS: GateSettings = gateSettingsSchema.parse({});

/** Reads stored settings leniently: an unreadable document falls back to defaults. */
export function readSettings(json: string | null): GateSettings {
  if (!json) return DEFAULT_SETTINGS;
  const r = gateSettingsSchema.safeParse(JSON.parse(json));
  return r.success ? r.data : DEFAULT_SETTINGS;
}
