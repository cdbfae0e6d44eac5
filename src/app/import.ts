/**
 * `shequn import <export> --community <slug> [--format …]`: bring a chat
 * export's history into a community's activity log through the health
 * feature's import use case. Prints a progress line on a terminal, then what
 * it added and skipped. Exit codes: 0 done; 2 bad input (unknown community,
 * unreadable or malformed export).
 */
import { basename } from 'node:path';
import type { AppContext } from '../kernel/context.js';
import { AppError } from '../kernel/errors.js';
import { startImportFromCli } from '../features/health/index.js';

export interface ImportCommandOptions {
  community: string;
  format?: string;
}

export interface ImportIO {
  stdout: { write(chunk: string): unknown };
  stderr: { write(chunk: string): unknown; isTTY?: boolean };
}

export async function runImportCommand(ctx: AppContext, input: string, opts: ImportCommandOptions, io: ImportIO): Promise<number> {
  let started;
  try {
    started = await startImportFromCli(ctx, { slug: opts.community }, { path: input, fileName: basename(input), format: opts.format });
  } catch (err) {
    if (err instanceof AppError && err.code === 'not_found') {
      io.stderr.write(`shequn import: --community ${opts.community}: no such community\n`);
      return 2;
    }
    throw err;
  }
  let last = 0;
  const result = await started.run({
    onProgress: (p) => {
      if (!io.stderr.isTTY || Date.now() - last < 100) return;
      last = Date.now();
      const share = p.bytesTotal > 0 ? Math.floor((100 * p.bytesRead) / p.bytesTotal) : 0;
      io.stderr.write(`\r\x1b[2Kimporting ${share}%  added ${p.added}  skipped ${p.skipped}`);
    },
  });
  if (io.stderr.isTTY) io.stderr.write('\r\x1b[2K');
  if (result.state === 'failed') {
    io.stderr.write(`shequn import: ${result.error}\n`);
    return 2;
  }
  io.stdout.write(`${result.fileName} (${result.format}): added ${result.added} events, skipped ${result.skipped} already imported.\n`);
  return 0;
}
