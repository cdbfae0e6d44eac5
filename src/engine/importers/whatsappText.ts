/**
 * The words WhatsApp writes for system lines and media placeholders, in
 * English and Chinese. Kept apart from the parser so a locale is one table row.
 */
import type { MediaKind } from '../../kernel/activity/taxonomy.js';

export interface SystemLine {
  kind: 'joined' | 'left' | 'removed';
  actor: string;
  /** Members the action was done to (empty: the actor themselves). */
  targets: string[];
}

type Rule = [RegExp, SystemLine['kind'], 'self' | 'targets'];

const RULES: Rule[] = [
  [/^(.+?) joined using this group's invite link$/, 'joined', 'self'],
  [/^(.+?) joined from the community$/, 'joined', 'self'],
  [/^(.+?) joined$/, 'joined', 'self'],
  [/^(.+?) left$/, 'left', 'self'],
  [/^(.+?) added (.+)$/, 'joined', 'targets'],
  [/^(.+?) removed (.+)$/, 'removed', 'targets'],
  [/^(.+?) ?通过(?:此群组的|群组)?邀请链接加入(?:了)?(?:此)?(?:群组|群聊)?$/, 'joined', 'self'],
  [/^(.+?) ?(?:已)?(?:退出|离开)了?(?:此)?(?:群组|群聊)?$/, 'left', 'self'],
  [/^(.+?) ?(?:已)?加入了?(?:此)?(?:群组|群聊)?$/, 'joined', 'self'],
  [/^(.+?) ?(?:已)?添加了 ?(.+)$/, 'joined', 'targets'],
  [/^(.+?) ?(?:已)?将 ?(.+?) ?(?:移出|移除)(?:了)?(?:此)?(?:群组|群聊)?$/, 'removed', 'targets'],
  [/^(.+?) ?(?:已)?(?:移除|移出)了 ?(.+)$/, 'removed', 'targets'],
];

export function classifySystem(text: string): SystemLine | undefined {
  for (const [re, kind, shape] of RULES) {
    const m = re.exec(text);
    if (!m) continue;
    const actor = m[1].trim();
    if (shape === 'self') return { kind, actor, targets: [] };
    return { kind, actor, targets: splitNames(m[2]) };
  }
  return undefined;
}

/** "Bob, Carol and Dave" / "李四、王五和赵六" → names. */
function splitNames(list: string): string[] {
  return list
    .split(/, | and | & |、|，|和/)
    .map((s) => s.replace(/[\u200e\u200f]/g, '').trim())
    .filter((s) => s.length > 0);
}

const PLACEHOLDERS: [RegExp, MediaKind | 'byName'][] = [
  [/^<Media omitted>$/i, 'other'],
  [/^<(?:媒体文件已省略|省略影音内容|媒体已省略)>$/, 'other'],
  [/^<(?:attached|附件)[:：]\s*(.+)>$/, 'byName'],
  [/^(.+\.\w{2,5}) \((?:file attached|文件已附上)\)$/, 'byName'],
  [/^image omitted$|^(?:图片|图像)已(?:省略|忽略)$/i, 'photo'],
  [/^video omitted$|^视频已(?:省略|忽略)$/i, 'video'],
  [/^audio omitted$|^(?:音频|语音)已(?:省略|忽略)$/i, 'voice'],
  [/^sticker omitted$|^贴图已(?:省略|忽略)$/i, 'sticker'],
  [/^GIF omitted$|^GIF已(?:省略|忽略)$/i, 'gif'],
  [/^document omitted$|^文档已(?:省略|忽略)$/i, 'file'],
  [/^Contact card omitted$|^联系人名片已(?:省略|忽略)$/i, 'contact'],
  [/^location: https?:\/\/\S+$|^位置[:：] ?https?:\/\/\S+$/i, 'location'],
];

export function mediaPlaceholder(text: string): { kind: MediaKind } | undefined {
  for (const [re, kind] of PLACEHOLDERS) {
    const m = re.exec(text);
    if (!m) continue;
    return { kind: kind === 'byName' ? kindFromFileName(m[1]) : kind };
  }
  return undefined;
}

function kindFromFileName(name: string): MediaKind {
  const n = name.toUpperCase();
  if (/PHOTO|^IMG-|\.(JPE?G|PNG|HEIC|WEBP)$/.test(n)) return n.includes('STICKER') || n.startsWith('STK-') ? 'sticker' : 'photo';
  if (/VIDEO|^VID-|\.(MP4|MOV|3GP)$/.test(n)) return 'video';
  if (/^PTT-|\.OPUS$/.test(n)) return 'voice';
  if (/AUDIO|^AUD-|\.(M4A|MP3|AAC)$/.test(n)) return 'audio';
  if (/\.GIF$|GIF/.test(n)) return 'gif';
  if (/\.VCF$/.test(n)) return 'contact';
  return 'file';
}
