import { describe, expect, it } from 'vitest';
import type { ChatEvent } from '../types.js';
import { analyze } from './analyzer.js';

const at = (day: number, minute = 0) => new Date(Date.UTC(2026, 0, 5 + day, 12, minute)).toISOString();
const post = (who: string, day: number, minute: number, text: string): ChatEvent => ({ kind: 'content.posted', at: at(day, minute), actorId: who, actorName: who, data: { origin: 'original', text } });

/**
 * Membership events say whose membership changed as `targetId ?? actorId`: exports
 * name the inviter as actor and the invitee as target; the platform names the joiner
 * as actor and, for a readmission, the operator as actor and the member as target.
 */
describe('who joined, as the analyzer counts it', () => {
  it('counts an invited member as the newcomer, not the member who invited them', async () => {
    const events: ChatEvent[] = [
      post('host', 0, 0, '欢迎大家，今天分享一份内部资料，请大家先读第一章'),
      post('guest', 0, 5, '谢谢分享，第一章的案例我有一个问题想请教'),
      { kind: 'member.joined', at: at(7), actorId: 'host', actorName: 'host', targetId: 'invitee', targetName: 'invitee' },
      post('host', 8, 0, '第二份资料也上传了，大家有空看看'),
      // a month later, past the newcomer grace period
      post('guest', 40, 0, '第二份资料看完了，收获很大'),
    ];
    const result = await analyze(events, { format: 'telegram', generatedAt: at(50) });
    const joinWeek = result.weekly.find((w) => w.newMembers > 0)!;
    expect(result.weekly.reduce((n, w) => n + w.newMembers, 0)).toBe(1);
    expect(joinWeek.week).toBe(result.weekly[1]!.week);
    // The invitee joined and never spoke: the silence shows on them, not on the host.
    const neverSpoke = result.hygiene.pruningCandidates.filter((c) => c.reasons.includes('never_spoke')).map((c) => c.id);
    expect(neverSpoke).toContain('invitee');
    expect(neverSpoke).not.toContain('host');
  });

  it('marks a readmitted member current again, not the operator who readmitted them', async () => {
    const events: ChatEvent[] = [
      post('admin', 0, 0, '本周答疑安排如下，请大家按时参加'),
      post('ann', 0, 3, '收到，我周三晚上可以参加答疑'),
      { kind: 'member.removed', at: at(1), actorId: 'admin', targetId: 'ann' },
      { kind: 'member.readmitted', at: at(3), actorId: 'admin', targetId: 'ann' },
    ];
    // The group stays alive for months; ann, back in, never speaks again.
    for (let week = 1; week <= 14; week++) events.push(post('admin', week * 7, 0, `第${week}周的资料已上传，欢迎讨论`), post('bo', week * 7, 4, `第${week}周资料收到，我整理了笔记`));
    const result = await analyze(events, { format: 'platform', generatedAt: at(100) });
    expect(result.weekly.reduce((n, w) => n + w.leftMembers, 0)).toBe(1);
    // A current member who went quiet is a pruning candidate; one who had left would not be.
    const inactive = result.hygiene.pruningCandidates.filter((c) => c.reasons.includes('inactive')).map((c) => c.id);
    expect(inactive).toContain('ann');
    expect(inactive).not.toContain('admin');
  });
});
