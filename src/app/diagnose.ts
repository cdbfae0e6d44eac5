/**
 * `shequn diagnose <input>`: import a chat export, run the health engine, and
 * write the HTML report and/or print the JSON result.
 *
 * Exit codes: 0 done; 2 bad input (missing or unreadable file, unknown format,
 * malformed or truncated export) with one message on stderr naming the file,
 * the position and what was expected. A report file is only ever the complete
 * result: it is written to a temporary file and renamed into place at the end.
 */
import { randomBytes } from 'node:crypto';
import { rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { analyze } from '../engine/health/index.js';
import { openImport } from '../engine/importers/index.js';
import { renderReport } from '../engine/report/index.js';
import { ImportError, type ChatEvent, type ImportProgress } from '../engine/types.js';
import { isLang, t, type Lang } from '../kernel/i18n.js';

export interface DiagnoseOptions {
  format?: string;
  out?: string;
  json?: boolean;
  lang?: string;
}

/** Where output goes; tests pass their own, the CLI uses the process's. */
export interface DiagnoseIO {
  stdout: { write(chunk: string): unknown };
  stderr: { write(chunk: string): unknown; isTTY?: boolean; columns?: number };
  /** The locale variables (LC_ALL, LC_MESSAGES, LANG) that pick the default language. */
  env: Record<string, string | undefined>;
}

// The CLI is the composition root: it hands the process's streams and locale to the command.
const processIO: DiagnoseIO = { stdout: process.stdout, stderr: process.stderr, env: process.env };

export async function runDiagnose(input: string, opts: DiagnoseOptions = {}, io: DiagnoseIO = processIO): Promise<number> {
  if (opts.lang !== undefined && !isLang(opts.lang)) {
    io.stderr.write(`shequn diagnose: --lang "${opts.lang}": expected one of zh-Hans, zh-Hant, en\n`);
    return 2;
  }
  const lang: Lang = (opts.lang as Lang | undefined) ?? langFromEnv(io.env);
  const out = opts.out ?? (opts.json ? undefined : 'report.html');
  if (out) {
    // Checked first, so a long import does not end in "cannot write the report".
    const folder = dirname(resolve(out));
    const ok = await stat(folder).then((st) => st.isDirectory(), () => false);
    if (!ok) {
      io.stderr.write(`shequn diagnose: --out ${out}: the folder ${folder} does not exist\n`);
      return 2;
    }
  }
  const progress = io.stderr.isTTY ? new ProgressBar(io.stderr, lang) : undefined;
  let tmp: string | undefined;
  try {
    const opened = await openImport(input, { format: opts.format, onProgress: progress && ((p) => progress.bytes(p)) });
    progress?.expect(opened.bytesTotal);
    const events = progress ? progress.count(opened.events) : opened.events;
    const result = await analyze(events, { format: opened.format, label: opened.label, path: input, chatName: opened.chatName });
    progress?.clear();

    if (out) {
      const target = resolve(out);
      tmp = join(dirname(target), `.${basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
      await writeFile(tmp, renderReport(result, lang), 'utf8');
      await rename(tmp, target);
      tmp = undefined;
    }
    if (opts.json) {
      io.stdout.write(JSON.stringify(result, null, 2) + '\n');
      if (out) io.stderr.write(t(lang, 'report:cli.written', { file: out }) + '\n');
    } else {
      const summary = (result.verdict.diagnosis[lang]?.summary ?? '').replace(/\s+/g, ' ').trim();
      const kind = t(lang, `report:kind.${result.verdict.kind}`);
      const score = result.verdict.score;
      const line =
        score === null
          ? t(lang, 'report:cli.summaryNotGroup', { kind, summary, file: out! })
          : t(lang, 'report:cli.summary', { kind, score: Math.round(score), summary, file: out! });
      io.stdout.write(line + '\n');
    }
    return 0;
  } catch (err) {
    progress?.clear();
    const message = badInputMessage(err, input);
    if (message === undefined) throw err;
    io.stderr.write(`shequn diagnose: ${message}\n`);
    return 2;
  } finally {
    if (tmp) await rm(tmp, { force: true });
  }
}

/** LC_ALL, then LC_MESSAGES, then LANG (POSIX precedence); zh_TW/zh_HK/zh_MO → Traditional. */
export function langFromEnv(env: Record<string, string | undefined>): Lang {
  const locale = (env.LC_ALL || env.LC_MESSAGES || env.LANG || '').toLowerCase();
  if (!locale.startsWith('zh')) return 'en';
  return /^zh[_-](tw|hk|mo|hant)/.test(locale) || locale.includes('hant') ? 'zh-Hant' : 'zh-Hans';
}

/** The one-line message for input the user can fix, or undefined for a bug (which the CLI reports as such). */
function badInputMessage(err: unknown, input: string): string | undefined {
  if (err instanceof ImportError) return err.message;
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  const path = (err as NodeJS.ErrnoException | undefined)?.path ?? input;
  if (code === 'ENOENT') return `${path}: no such file or folder`;
  if (code === 'EACCES' || code === 'EPERM') return `${path}: permission denied`;
  if (code === 'EISDIR') return `${path}: is a folder; expected a file`;
  if (code === 'ENOTDIR') return `${path}: a part of the path is not a folder`;
  return undefined;
}

/**
 * Bytes read / total and messages per second on one stderr line, redrawn at
 * most 10 times a second and erased when done (only used on a terminal).
 */
class ProgressBar {
  private readonly started = performance.now();
  private last = 0;
  private read = 0;
  private total = 0;
  private messages = 0;
  private drawn = false;

  constructor(
    private readonly stream: DiagnoseIO['stderr'],
    private readonly lang: Lang,
  ) {}

  expect(bytesTotal: number): void {
    this.total = bytesTotal;
  }

  bytes(p: ImportProgress): void {
    this.read = p.bytesRead;
    this.total = p.bytesTotal;
    this.draw();
  }

  async *count(events: AsyncIterable<ChatEvent>): AsyncIterable<ChatEvent> {
    for await (const e of events) {
      if (e.kind === 'content.posted' || e.kind === 'content.replied') {
        this.messages++;
        if ((this.messages & 1023) === 0) this.draw();
      }
      yield e;
    }
  }

  clear(): void {
    if (this.drawn) this.stream.write('\r\x1b[2K');
    this.drawn = false;
  }

  private draw(): void {
    const now = performance.now();
    if (now - this.last < 100) return;
    this.last = now;
    const seconds = Math.max(0.001, (now - this.started) / 1000);
    const share = this.total > 0 ? Math.min(1, this.read / this.total) : 0;
    const width = Math.max(10, Math.min(30, (this.stream.columns ?? 80) - 60));
    const filled = Math.round(share * width);
    const bar = '█'.repeat(filled) + '░'.repeat(width - filled);
    const rate = Math.round(this.messages / seconds).toLocaleString('en-US');
    const label = t(this.lang, 'report:cli.progress');
    this.stream.write(`\r\x1b[2K${label} ${bar} ${Math.floor(share * 100)}%  ${mb(this.read)}/${mb(this.total)} MB  ${rate} msg/s`);
    this.drawn = true;
  }
}

function mb(bytes: number): string {
  return (bytes / 1048576).toFixed(1);
}
