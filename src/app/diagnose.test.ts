import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { langFromEnv, runDiagnose, type DiagnoseIO } from './diagnose.js';

const FIXTURE = join(import.meta.dirname, '../../test/fixtures/chat/report/result.json');
/** Messages in the fixture (type "message"), counted from the file itself. */
const FIXTURE_MESSAGES = (JSON.parse(readFileSync(FIXTURE, 'utf8')).messages as { type: string }[]).filter((m) => m.type === 'message').length;

function capture(env: Record<string, string | undefined> = { LANG: 'en_US.UTF-8' }, tty = false) {
  const out: string[] = [];
  const err: string[] = [];
  const io: DiagnoseIO = {
    stdout: { write: (s: string) => out.push(s) },
    stderr: { write: (s: string) => err.push(s), isTTY: tty, columns: 100 },
    env,
  };
  return { io, stdout: () => out.join(''), stderr: () => err.join('') };
}

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'shequn-diagnose-'));
}

describe('shequn diagnose', () => {
  it('--json prints only the result, with every field of the stable contract', async () => {
    const c = capture();
    const code = await runDiagnose(FIXTURE, { json: true }, c.io);
    expect(code).toBe(0);
    const r = JSON.parse(c.stdout());
    expect(['community', 'broadcast', 'chatter', 'declining', 'silent']).toContain(r.verdict.kind);
    expect(r.verdict.score).toBeGreaterThanOrEqual(0);
    expect(r.verdict.score).toBeLessThanOrEqual(100);
    for (const share of [r.structure.meshIndex, r.structure.centralization, r.activity.silentShare]) {
      if (share !== null) {
        expect(share).toBeGreaterThanOrEqual(0);
        expect(share).toBeLessThanOrEqual(1);
      }
    }
    expect(Array.isArray(r.core.members)).toBe(true);
    for (const m of r.core.members) expect(Object.keys(m)).toEqual(expect.arrayContaining(['id', 'name']));
    expect(r.source.format).toBe('telegram');
    expect(r.source.messages).toBe(FIXTURE_MESSAGES);
    expect(r.source.members).toBe(5); // 陳大文, 林小美, Alex Wong, 黃志明, 張家豪 (李淑芬 never appears)
    expect(['explicit', 'temporal', 'mixed', 'none']).toContain(r.interactions.method);
    expect(r.interactions.method).toBe('explicit'); // the fixture answers with reply_to_message_id
    // nothing but the JSON on stdout, and no progress noise when stderr is not a terminal
    expect(c.stderr()).toBe('');
  });

  it('writes the HTML report and prints a one-line verdict in the language of LANG', async () => {
    const dir = tempDir();
    const out = join(dir, 'report.html');
    const c = capture({ LANG: 'zh_TW.UTF-8' });
    expect(await runDiagnose(FIXTURE, { out }, c.io)).toBe(0);
    const html = readFileSync(out, 'utf8');
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain('<html lang="zh-Hant">');
    const lines = c.stdout().trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/健康分 \d+\/100/);
    expect(lines[0]).toMatch(/社群|廣播群|閒聊群|衰退群|沉默群/);
    expect(lines[0]).toContain(out);
    expect(readdirSync(dir)).toEqual(['report.html']); // the temporary file was renamed, not left behind
  });

  it('--json --out does both: JSON on stdout, the report on disk', async () => {
    const dir = tempDir();
    const out = join(dir, 'x.html');
    const c = capture();
    expect(await runDiagnose(FIXTURE, { json: true, out, lang: 'en' }, c.io)).toBe(0);
    expect(JSON.parse(c.stdout()).source.format).toBe('telegram');
    expect(readFileSync(out, 'utf8')).toContain('<html lang="en">');
  });

  it('a missing file exits 2 with one message naming it, and writes no report', async () => {
    const dir = tempDir();
    const missing = join(dir, 'nope.json');
    const c = capture();
    expect(await runDiagnose(missing, { out: join(dir, 'report.html') }, c.io)).toBe(2);
    expect(c.stderr()).toContain(missing);
    expect(c.stderr().trimEnd().split('\n')).toHaveLength(1);
    expect(c.stdout()).toBe('');
    expect(readdirSync(dir)).toEqual([]);
  });

  it('a truncated export exits 2 naming the file and a position, and leaves no report that looks valid', async () => {
    const dir = tempDir();
    const text = readFileSync(FIXTURE, 'utf8');
    const truncated = join(dir, 'result.json');
    writeFileSync(truncated, text.slice(0, Math.floor(text.length * 0.6)));
    const out = join(dir, 'report.html');
    const c = capture();
    expect(await runDiagnose(truncated, { out }, c.io)).toBe(2);
    expect(c.stderr()).toContain(truncated);
    expect(c.stderr()).toMatch(/line \d+|byte \d+/);
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(dir)).toEqual(['result.json']); // no temporary file either
  });

  it('an unknown --format exits 2 and lists what was expected', async () => {
    const c = capture();
    expect(await runDiagnose(FIXTURE, { format: 'myspace', json: true }, c.io)).toBe(2);
    expect(c.stderr()).toContain(FIXTURE);
    expect(c.stderr()).toContain('myspace');
    expect(c.stderr()).toContain('telegram');
    expect(c.stdout()).toBe('');
  });

  it('an input of no known format exits 2', async () => {
    const dir = tempDir();
    const file = join(dir, 'notes.txt');
    writeFileSync(file, 'just some notes\nnothing like a chat export\n');
    const c = capture();
    expect(await runDiagnose(file, { json: true }, c.io)).toBe(2);
    expect(c.stderr()).toContain(file);
  });

  it('an --out in a folder that does not exist exits 2 before reading anything', async () => {
    const c = capture();
    const out = join(tempDir(), 'no-such-folder', 'r.html');
    expect(await runDiagnose(FIXTURE, { out }, c.io)).toBe(2);
    expect(c.stderr()).toContain('no-such-folder');
  });

  it('an unsupported --lang exits 2', async () => {
    const c = capture();
    expect(await runDiagnose(FIXTURE, { json: true, lang: 'fr' }, c.io)).toBe(2);
    expect(c.stderr()).toContain('--lang');
  });

  it('shows a progress line on a terminal and erases it before the summary', async () => {
    const dir = tempDir();
    const c = capture({ LANG: 'en_US.UTF-8' }, true);
    expect(await runDiagnose(FIXTURE, { out: join(dir, 'r.html') }, c.io)).toBe(0);
    const err = c.stderr();
    expect(err).toMatch(/reading .*%.*MB.*msg\/s/);
    expect(err.endsWith('\r\x1b[2K')).toBe(true);
    expect(c.stdout()).toMatch(/health score/);
  });
});

describe('default report language', () => {
  it('follows LC_ALL, then LC_MESSAGES, then LANG', () => {
    expect(langFromEnv({ LANG: 'zh_CN.UTF-8' })).toBe('zh-Hans');
    expect(langFromEnv({ LANG: 'zh_TW.UTF-8' })).toBe('zh-Hant');
    expect(langFromEnv({ LANG: 'zh_HK.UTF-8' })).toBe('zh-Hant');
    expect(langFromEnv({ LANG: 'zh_SG.UTF-8' })).toBe('zh-Hans');
    expect(langFromEnv({ LANG: 'de_DE.UTF-8' })).toBe('en');
    expect(langFromEnv({ LANG: 'C' })).toBe('en');
    expect(langFromEnv({})).toBe('en');
    expect(langFromEnv({ LANG: 'en_US.UTF-8', LC_ALL: 'zh_TW.UTF-8' })).toBe('zh-Hant');
    expect(langFromEnv({ LANG: 'zh_TW.UTF-8', LC_MESSAGES: 'zh_CN.UTF-8' })).toBe('zh-Hans');
  });
});

describe('a chat between two people', () => {
  // A generated WhatsApp 1:1 export (iPhone layout): two authors, the encryption notice, no membership lines.
  const lines = ['[01/03/2024, 09:00:00] Ana: \u200eMessages and calls are end-to-end encrypted. No one outside of this chat, not even WhatsApp, can read or listen to them.'];
  for (let d = 1; d <= 28; d++) {
    const day = String(d).padStart(2, '0');
    lines.push(`[${day}/03/2024, 09:10:00] Ana: morning, did you read chapter ${d}?`, `[${day}/03/2024, 09:20:00] Bea: yes, page ${d * 3} was the best part`);
  }
  const file = join(tempDir(), 'WhatsApp Chat with Bea.txt');
  writeFileSync(file, lines.join('\n') + '\n');

  it('gets a "not a group chat" result, not a group verdict: JSON, CLI line and HTML report, in every language', async () => {
    const json = capture();
    expect(await runDiagnose(file, { json: true }, json.io)).toBe(0);
    const r = JSON.parse(json.stdout());
    expect(r.verdict).toMatchObject({ kind: 'not_group', score: null, reasons: ['not_a_group_chat'], actions: [] });
    expect(r.source.members).toBe(2);
    expect(r.conditions.every((c: { status: string }) => c.status === 'not_measurable')).toBe(true);

    const expected = { en: /^Not a group chat — This is not a group chat: the log has 2 participants\./, 'zh-Hans': /^不是群聊 — 这不是群聊/, 'zh-Hant': /^不是群聊 — 這不是群聊/ };
    for (const [lang, line] of Object.entries(expected)) {
      const out = join(tempDir(), 'report.html');
      const c = capture();
      expect(await runDiagnose(file, { out, lang }, c.io)).toBe(0);
      expect(c.stdout()).toMatch(line);
      expect(c.stdout()).not.toMatch(/\/100/);
      const html = readFileSync(out, 'utf8');
      expect(html).toContain('data-kind="not_group"');
      expect(html).not.toContain('class="score"');
      expect(html).toMatch(lang === 'en' ? /Not a group chat/ : /不是群聊/);
    }
  });
});
