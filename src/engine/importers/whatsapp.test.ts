import { describe, expect, it } from 'vitest';
import { ImportError } from '../types.js';
import { whatsappImporter } from './whatsapp.js';
import { collect, fixture, importError, ofKind } from './testkit.js';

const posts = (events: Awaited<ReturnType<typeof collect>>) => events.filter((e) => e.kind === 'content.posted' || e.kind === 'content.replied');

describe('WhatsApp .txt export', () => {
  it('Android, 12-hour clock, month first: messages, multi-line text, media, joins, removals, leaves', async () => {
    const events = await collect(whatsappImporter.read(fixture('whatsapp/android-en.txt')));
    const p = posts(events);
    expect(p.map((e) => e.actorName)).toEqual(['Alice', 'Bob', 'Carol', '+86 138 0013 8000']);
    expect(p[0]).toMatchObject({ at: '2019-12-30T21:45:00.000Z' });
    expect(p[0].data?.text).toBe("Welcome everyone! First book: 三体.\nLet's meet on Friday.");
    expect(p[1].at).toBe('2019-12-31T10:02:00.000Z');
    expect(p[2].data?.media).toBe('other');
    expect(p[3]).toMatchObject({ actorId: 'wa:+8613800138000' });
    expect(p[3].data?.origin).toBe('link');
    expect(ofKind(events, 'content.mentioned')).toMatchObject([{ actorName: 'Bob', targetId: 'wa:Alice' }]);
    expect(ofKind(events, 'member.joined').map((e) => [e.actorName, e.targetName])).toEqual([
      ['Alice', 'Bob'],
      ['Alice', 'Carol'],
      ['+86 138 0013 8000', '+86 138 0013 8000'],
    ]);
    expect(ofKind(events, 'member.removed')).toMatchObject([{ actorId: 'wa:Alice', targetId: 'wa:Carol' }]);
    expect(ofKind(events, 'member.left')).toMatchObject([{ targetId: 'wa:Bob', at: '2019-12-31T23:59:00.000Z' }]);
    expect(ofKind(events, 'system.other').some((e) => e.data?.deleted === true)).toBe(true);
  });

  it('iOS, 24-hour clock with seconds, day first: system lines behind the group name, attachments', async () => {
    const events = await collect(whatsappImporter.read(fixture('whatsapp/ios-en.txt')));
    const p = posts(events);
    expect(p.map((e) => e.at)).toEqual(['2019-12-30T21:45:10.000Z', '2019-12-31T10:02:33.000Z', '2019-12-31T10:03:00.000Z']);
    expect(p[1].data?.media).toBe('photo');
    expect(p[2].data?.text).toBe('Page 12 has a great quote:\n"The universe is a dark forest."');
    expect(ofKind(events, 'member.joined')).toMatchObject([{ actorName: 'Alice', targetName: 'Bob' }]);
    expect(ofKind(events, 'member.left')).toMatchObject([{ targetName: 'Bob', at: '2020-01-01T09:00:00.000Z' }]);
    // no event is attributed to the group name
    expect(events.some((e) => e.actorName === '读书会')).toBe(false);
  });

  it('Chinese Android layout with 上午/中午/下午 and Chinese system lines', async () => {
    const events = await collect(whatsappImporter.read(fixture('whatsapp/android-zh.txt')));
    const p = posts(events);
    expect(p.map((e) => [e.actorName, e.at])).toEqual([
      ['张三', '2019-12-31T21:45:00.000Z'],
      ['李四', '2019-12-31T22:01:00.000Z'],
      ['李四', '2020-01-01T00:05:00.000Z'],
      ['王五', '2020-01-01T12:10:00.000Z'],
    ]);
    expect(p[1].data?.media).toBe('photo');
    expect(ofKind(events, 'content.mentioned')).toMatchObject([{ actorName: '李四', targetId: 'wa:张三' }]);
    expect(ofKind(events, 'member.joined').map((e) => e.targetName)).toEqual(['李四', '王五']);
    expect(ofKind(events, 'member.left').map((e) => e.targetName)).toEqual(['李四']);
  });

  it('text that is not an export, and impossible dates, raise with the line', async () => {
    const notExport = await importError(whatsappImporter.read(fixture('whatsapp/malformed.txt')));
    expect(notExport).toBeInstanceOf(ImportError);
    expect(notExport.position?.line).toBe(1);
    const badDate = await importError(whatsappImporter.read(fixture('whatsapp/bad-date.txt')));
    expect(badDate.message).toMatch(/bad-date\.txt: line 2: this date fits neither/);
  });
});
