/** Test helpers of health: a generated Telegram export (no third-party sample files). */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const CHAT_PEOPLE = ['陈一', '林二', '张三', '李四', '王五', '赵六', '周七', '吴八'];

/**
 * A group of eight talking for `weeks` weeks from `start`: every day each of
 * the first five writes, answering the previous message; the rest speak now and then.
 */
export function telegramExport(opts: { weeks?: number; start?: string; name?: string } = {}): string {
  const weeks = opts.weeks ?? 6;
  const start = Date.parse(opts.start ?? '2026-01-05T02:00:00Z');
  const messages: Record<string, unknown>[] = [];
  let id = 0;
  for (let day = 0; day < weeks * 7; day++) {
    CHAT_PEOPLE.forEach((name, i) => {
      if (i >= 5 && (day + i) % 3 !== 0) return;
      const at = new Date(start + day * 86_400_000 + i * 120_000);
      const prev = messages[messages.length - 1];
      id++;
      messages.push({
        id,
        type: 'message',
        date: at.toISOString().slice(0, 19),
        date_unixtime: String(Math.floor(at.getTime() / 1000)),
        from: name,
        from_id: `user${i + 1}`,
        ...(prev && i > 0 ? { reply_to_message_id: prev.id } : {}),
        text: `第${day + 1}天 ${name} 的备考笔记：今天复习了数学和逻辑第${i + 1}章`,
        text_entities: [],
      });
    });
  }
  return JSON.stringify({ name: opts.name ?? '备考群', type: 'private_supergroup', id: 42, messages }, null, 1);
}

/** Writes the export to a new temporary folder and returns the file's path. */
export async function writeTelegramExport(opts: Parameters<typeof telegramExport>[0] = {}): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'shequn-health-'));
  const file = join(dir, 'result.json');
  await writeFile(file, telegramExport(opts), 'utf8');
  return file;
}
