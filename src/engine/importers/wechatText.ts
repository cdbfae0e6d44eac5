/**
 * What WeChat writes in group system messages (type 10000) and how its message
 * types map to media kinds; shared by the three WeChat export importers.
 */
import type { MediaKind } from '../../kernel/activity/taxonomy.js';
import type { ChatEvent } from '../types.js';
import { idFromName, membershipEvent, systemEvent } from './common.js';

/** WeChat message type (and app-message subtype) → media kind. */
export function wechatMedia(type: number, subType: number): MediaKind | undefined {
  switch (type) {
    case 3:
      return 'photo';
    case 34:
      return 'voice';
    case 43:
      return 'video';
    case 47:
      return 'sticker';
    case 48:
      return 'location';
    case 42:
      return 'contact';
    case 49:
      return subType === 6 ? 'file' : subType === 8 ? 'gif' : undefined;
    default:
      return undefined;
  }
}

/** Bracketed placeholders in text exports ("[图片]") → media kind. */
export const TEXT_PLACEHOLDERS: Record<string, MediaKind> = {
  图片: 'photo',
  语音: 'voice',
  视频: 'video',
  表情包: 'sticker',
  动画表情: 'sticker',
  表情: 'sticker',
  文件: 'file',
  位置: 'location',
  名片: 'contact',
};

const NAME = '["“]?([^"“”]+?)["”]?';
const RULES: [RegExp, (m: RegExpExecArray) => { kind: 'member.joined' | 'member.left' | 'member.removed'; actor?: string; members: string[] }][] = [
  [new RegExp(`^${NAME}邀请${NAME}加入了群聊`), (m) => ({ kind: 'member.joined', actor: m[1], members: split(m[2]) })],
  [new RegExp(`^${NAME}通过扫描${NAME}分享的二维码加入群聊`), (m) => ({ kind: 'member.joined', actor: m[2], members: [m[1]] })],
  [new RegExp(`^${NAME}通过${NAME}(?:分享的)?(?:邀请链接|链接)加入(?:了)?群聊`), (m) => ({ kind: 'member.joined', actor: m[2], members: [m[1]] })],
  [new RegExp(`^${NAME}加入了群聊`), (m) => ({ kind: 'member.joined', members: [m[1]] })],
  [new RegExp(`^${NAME}将${NAME}移出了?群聊`), (m) => ({ kind: 'member.removed', actor: m[1], members: split(m[2]) })],
  [new RegExp(`^${NAME}(?:已)?(?:退出|离开)了群聊`), (m) => ({ kind: 'member.left', members: [m[1]] })],
];

function split(list: string): string[] {
  return list.split(/["“”]?[、，,]["“”]?/).map((s) => s.replace(/["“”]/g, '').trim()).filter(Boolean);
}

/**
 * Events of one system message. Names resolve to ids through members seen
 * speaking before; "你" (the exporting account) becomes `selfId`.
 */
export function wechatSystemEvents(at: string, text: string, idByName: Map<string, string>, selfId: string): ChatEvent[] {
  const who = (name: string) => {
    if (name === '你' || name === 'You') return { id: selfId, name };
    return { id: idByName.get(name) ?? idFromName('wx', name), name };
  };
  for (const [re, build] of RULES) {
    const m = re.exec(text.trim());
    if (!m) continue;
    const r = build(m);
    return r.members.map((name) => {
      const member = who(name);
      return membershipEvent(r.kind, at, member, r.actor ? who(r.actor) : member);
    });
  }
  const revoked = /^["“]?(.+?)["”]?\s*撤回了一条消息/.exec(text.trim());
  if (revoked) return [systemEvent(at, who(revoked[1]), { action: 'revoke' })];
  return [systemEvent(at, null, { text })];
}
