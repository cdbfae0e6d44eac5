import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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

describe('WhatsApp layout quirks', () => {
  async function read(text: string) {
    const dir = await mkdtemp(join(tmpdir(), 'wa-'));
    try {
      const file = join(dir, 'chat.txt');
      await writeFile(file, text);
      return await collect(whatsappImporter.read(file));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }

  it('narrow no-break space before PM, 12 AM as midnight, and iOS "~ Name" senders', async () => {
    const events = await read('1/13/23, 12:05\u202fAM - Ana: hi\n1/13/23, 12:30\u202fPM - ~\u202fBea: hello\n');
    expect(events.map((e) => [e.actorId, e.at])).toEqual([
      ['wa:Ana', '2023-01-13T00:05:00.000Z'],
      ['wa:Bea', '2023-01-13T12:30:00.000Z'],
    ]);
  });

  it('dotted German dates with no day above 12 are ordered by the flow of time', async () => {
    // read month-first, 03.01 -> 04.01 -> 05.01 would go back and forth in time; day-first it moves forward
    const events = await read('01.03.21, 09:00 - Jan: a\n01.04.21, 09:00 - Jan: b\n02.04.21, 09:00 - Jan: c\n01.05.21, 09:00 - Jan: d\n');
    expect(events.map((e) => e.at.slice(0, 10))).toEqual(['2021-03-01', '2021-04-01', '2021-04-02', '2021-05-01']);
  });

  it('an iPhone @<phone> mention of a member saved by name creates no phantom member; a known number still resolves', async () => {
    const events = await read(
      [
        '[13/01/2023, 09:00:00] Ana: hi',
        '[13/01/2023, 09:01:00] +49 151 2345678: hello',
        '[13/01/2023, 09:02:00] Bea: @8613800138000 look at this, @491512345678 too',
      ].join('\n') + '\n',
    );
    const mentioned = ofKind(events, 'content.mentioned').map((e) => e.targetId);
    expect(mentioned).toEqual(['wa:+491512345678']);
    const ids = new Set(events.flatMap((e) => [e.actorId, e.targetId]).filter(Boolean));
    expect([...ids].sort()).toEqual(['wa:+491512345678', 'wa:Ana', 'wa:Bea']);
  });
});
