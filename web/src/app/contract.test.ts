/**
 * The web speaks the server's contract: its API types are the ones the server's
 * Zod schemas infer, imported type-only, so they cannot drift and no server
 * code (stores, services, Fastify) reaches the bundle.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const webSrc = join(import.meta.dirname, '..');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return sources(p);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [p] : [];
  });
}

/** Each import or re-export statement of a file, with where it comes from. */
function imports(file: string): { text: string; from: string }[] {
  const code = readFileSync(file, 'utf8');
  return [...code.matchAll(/^(?:import|export)\s[^;]*?from\s+'([^']+)';/gms)].map((m) => ({ text: m[0], from: m[1]! }));
}

describe('the web uses the types the server infers', () => {
  it("imports the server's schema modules for their types only", () => {
    const runtime = sources(webSrc).flatMap((file) =>
      imports(file)
        .filter((i) => /\/src\/(features|kernel)\/.+\/schemas\.js$/.test(i.from) && !/^(import|export) type\s/.test(i.text))
        .map((i) => `${relative(webSrc, file)}: ${i.from}`),
    );
    expect(runtime).toEqual([]);
  });

  it('never imports server code that does I/O (services, stores, routes, the HTTP kernel)', () => {
    const reaching = sources(webSrc).flatMap((file) =>
      imports(file)
        .filter((i) => /\/src\/(features\/[^/]+\/(service|store|routes|[a-z-]*-service)|kernel\/(http|db)\/)/.test(i.from))
        .map((i) => `${relative(webSrc, file)}: ${i.from}`),
    );
    expect(reaching).toEqual([]);
  });

  it("declares no hand-written copy of an API answer in a feature's api.ts", () => {
    const copies = sources(join(webSrc, 'features'))
      .filter((file) => file.endsWith('api.ts'))
      .flatMap((file) => [...readFileSync(file, 'utf8').matchAll(/^export interface (\w+)/gm)].map((m) => `${relative(webSrc, file)}: ${m[1]}`));
    expect(copies).toEqual([]);
  });
});
