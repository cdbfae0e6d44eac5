/**
 * Every kind of in-app notice, named `<feature>.<event>`. The web reads the
 * text from `<feature>-ui:notice.<event>`; a mailed kind's e-mail comes from
 * `<feature>:mail.<event>.subject` / `.body`. docs/notices.md lists them.
 */
export const NOTICE_KINDS = {
  'gate.approved': { mail: true },
  'gate.rejected': { mail: true },
  'gate.waitlisted': { mail: true },
  'gate.admitted': { mail: true }, // a waitlisted applicant got a freed place
  'gate.renewal': { mail: true }, // a paid tier is about to end
  'pruning.warned': { mail: true },
  // Good news and report outcomes stay in-app.
  'pruning.cleared': { mail: false },
  'pruning.removed': { mail: true },
  'pruning.appeal_granted': { mail: true },
  'pruning.appeal_denied': { mail: true },
  'pruning.report_upheld': { mail: false },
  'pruning.report_dismissed': { mail: false },
  'pruning.reported_upheld': { mail: false },
  'health.weekly': { mail: true }, // the weekly health report to the owner and admins
  'health.worsened': { mail: true }, // the weekly report, when the verdict worsened or the core stopped supplying
  // Content: in-app only for now (the digest mail gathers them).
  'content.replied': { mail: false }, // someone replied to your post or reply
  'content.mentioned': { mail: false },
  'content.asked': { mail: false }, // a question addressed to you (or to the core)
  'content.answered': { mail: false }, // your question got its answer
  'content.accepted': { mail: false }, // the asker accepted your answer
  'content.essence': { mail: false }, // your post was marked 精华
  // Encouragement on a check-in (打卡) stays in-app.
  'activities.reacted': { mail: false },
  'activities.commented': { mail: false },
  'activities.promoted': { mail: true }, // off an event's waitlist: a place is yours
  'activities.checkin_reminder': { mail: false }, // the evening before the day closes
} as const satisfies Record<string, { mail: boolean }>;

export type NoticeKind = keyof typeof NOTICE_KINDS;

/** The feature a notice comes from and its event: `gate.approved` → ['gate', 'approved']. */
export function splitKind(kind: NoticeKind): [feature: string, event: string] {
  const dot = kind.indexOf('.');
  return [kind.slice(0, dot), kind.slice(dot + 1)];
}
