/**
 * The shape of the features, checked on every run (docs/architecture.md):
 * - another feature is reached through its front door, `<name>/index.js`; pure
 *   code (a feature's rules.ts and the files it re-exports, policy.ts,
 *   permissions.ts, schemas.ts) may import another feature's pure doors,
 *   `<name>/rules.js` and `<name>/schemas.js`, so it stays free of I/O (the web
 *   imports it too);
 * - a feature writes only its own tables (and the kernel's through the kernel);
 * - no two features import each other, directly or round a circle.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..');
const FEATURES_DIR = join(ROOT, 'features');
const FEATURES = readdirSync(FEATURES_DIR).filter((f) => statSync(join(FEATURES_DIR, f)).isDirectory());

/** Who may write each table. Kernel tables are written through kernel functions only. */
const OWNER: Record<string, string> = {
  users: 'accounts',
  passwordResets: 'accounts',
  communities: 'communities',
  memberships: 'communities',
  activitySources: 'communities',
  memberProfiles: 'members',
  notifications: 'members',
  gateConfigs: 'gate',
  applications: 'gate',
  invites: 'gate',
  gateBlocks: 'gate',
  tiers: 'gate',
  memberTiers: 'gate',
  payments: 'gate',
  pruningSettings: 'pruning',
  pruningWarnings: 'pruning',
  memberReports: 'pruning',
  appeals: 'pruning',
  posts: 'content',
  postTags: 'content',
  replies: 'content',
  reactions: 'content',
  bookmarks: 'content',
  contentSettings: 'content',
  coreDuties: 'content',
  healthSnapshots: 'health',
  healthReports: 'health',
  chatImports: 'health',
  chatImportKeys: 'health',
  carrierIdentities: 'health',
  challenges: 'activities',
  events: 'activities',
  eventRsvps: 'activities',
  challengeMembers: 'activities',
  checkins: 'activities',
  checkinResponses: 'activities',
  activityEvents: 'kernel',
  auditEntries: 'kernel',
  mailOutbox: 'kernel',
  sessions: 'kernel',
  jobs: 'jobs',
};

/**
 * The demo loaders seed a whole community (people, memberships, profiles) in
 * bulk into an empty database, once; they are the one place allowed to write
 * other features' tables, and they run no use case.
 */
const SEEDERS = new Set(['communities/demo.ts', 'gate/demo.ts']);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return name.endsWith('.ts') && !name.endsWith('.test.ts') && name !== 'testing.ts' ? [path] : [];
  });
}

const files = sourceFiles(FEATURES_DIR).map((path) => ({ path, rel: relative(FEATURES_DIR, path), text: readFileSync(path, 'utf8') }));
const featureOf = (rel: string) => rel.split('/')[0]!;
const importsOf = (text: string) => [...text.matchAll(/(?:import|export)\s[^'"]*?from\s+'([^']+)'/g)].map((m) => m[1]!);

/** A feature's pure files: rules.ts and what it re-exports, the policy, its permissions and its API schemas. */
function pureFiles(feature: string): Set<string> {
  const out = new Set([`${feature}/rules.ts`, `${feature}/policy.ts`, `${feature}/permissions.ts`, `${feature}/schemas.ts`]);
  const rules = files.find((f) => f.rel === `${feature}/rules.ts`);
  for (const spec of importsOf(rules?.text ?? '')) if (spec.startsWith('./')) out.add(`${feature}/${spec.slice(2).replace(/\.js$/, '.ts')}`);
  return out;
}
const PURE = new Set(FEATURES.flatMap((f) => [...pureFiles(f)]));

describe('features have front doors', () => {
  it('every feature has an index.ts', () => {
    expect(FEATURES.filter((f) => !files.some((x) => x.rel === `${f}/index.ts`))).toEqual([]);
  });

  it('a feature reaches another only through its index.ts (pure code: its rules.ts or schemas.ts)', () => {
    const bad: string[] = [];
    for (const f of files) {
      for (const spec of importsOf(f.text)) {
        const m = /^\.\.\/([a-z-]+)\/(.+)$/.exec(spec);
        if (!m || !FEATURES.includes(m[1]!)) continue;
        const door = m[2] === 'index.js' || ((m[2] === 'rules.js' || m[2] === 'schemas.js') && PURE.has(f.rel));
        if (!door) bad.push(`${f.rel} imports ${spec}`);
      }
    }
    expect(bad).toEqual([]);
  });

  it('the app, the jobs and the kernel reach features through their index.ts too (the schema: their tables’ types)', () => {
    const outside = ['app', 'jobs', 'kernel'].flatMap((d) => sourceFiles(join(ROOT, d)));
    const bad: string[] = [];
    for (const path of outside) {
      const text = readFileSync(path, 'utf8');
      for (const spec of importsOf(text)) {
        const m = /features\/([a-z-]+)\/(.+)$/.exec(spec);
        if (!m) continue;
        const ok = m[2] === 'index.js' || (m[2] === 'tables.js' && path.endsWith('kernel/db/schema.ts'));
        if (!ok) bad.push(`${relative(ROOT, path)} imports ${spec}`);
      }
    }
    expect(bad).toEqual([]);
  });

  it('a feature writes only its own tables', () => {
    const bad: string[] = [];
    for (const f of files) {
      if (SEEDERS.has(f.rel)) continue;
      for (const m of f.text.matchAll(/\.(insertInto|updateTable|deleteFrom)\('([a-zA-Z]+)/g)) {
        const owner = OWNER[m[2]!];
        if (owner !== featureOf(f.rel)) bad.push(`${f.rel} ${m[1]}('${m[2]}') — owned by ${owner ?? 'nobody (add it to OWNER)'}`);
      }
    }
    expect(bad).toEqual([]);
  });

  it('no import cycle between features', () => {
    const edges = new Map<string, Set<string>>(FEATURES.map((f) => [f, new Set<string>()]));
    for (const f of files) {
      for (const spec of importsOf(f.text)) {
        const m = /^\.\.\/([a-z-]+)\//.exec(spec);
        if (m && FEATURES.includes(m[1]!) && m[1] !== featureOf(f.rel)) edges.get(featureOf(f.rel))!.add(m[1]!);
      }
    }
    const cycles: string[] = [];
    const walk = (node: string, path: string[]) => {
      if (path.includes(node)) return void cycles.push([...path.slice(path.indexOf(node)), node].join(' → '));
      for (const next of edges.get(node) ?? []) walk(next, [...path, node]);
    };
    for (const f of FEATURES) walk(f, []);
    expect(cycles).toEqual([]);
  });
});
