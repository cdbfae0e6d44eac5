/**
 * Statements compiled once. Kysely builds and compiles a query's tree on every
 * call; for a large hot statement (the member home's merged feed) that costs
 * more than running it. `runCompiled` builds the query once per shape with
 * placeholder values, remembers which parameter slot holds which argument, and
 * afterwards only fills the slots. Results pass through the plugins as usual.
 *
 * The shape key must name everything that changes the SQL text (how many
 * items a list has, which optional filters are present), never a value.
 */
import { createQueryId, type Compilable, type Kysely } from 'kysely';
import type { Database } from './schema.js';

interface Template {
  sql: string;
  slots: ({ arg: number } | { value: unknown })[];
  query: ReturnType<Compilable<unknown>['compile']>['query'];
}

const templates = new Map<string, Template>();
const SLOT = /^\u0000arg(\d+)\u0000$/;

export async function runCompiled<R>(db: Kysely<Database>, shape: string, args: readonly unknown[], build: (args: readonly unknown[]) => Compilable<R>): Promise<R[]> {
  const key = `${db.getExecutor().adapter.constructor.name}:${shape}`;
  let template = templates.get(key);
  if (!template) {
    const compiled = build(args.map((_, i) => `\u0000arg${i}\u0000`)).compile();
    const slots = compiled.parameters.map((p) => {
      const m = typeof p === 'string' ? SLOT.exec(p) : null;
      return m ? { arg: Number(m[1]) } : { value: p };
    });
    template = { sql: compiled.sql, slots, query: compiled.query };
    templates.set(key, template);
  }
  const parameters = template.slots.map((s) => ('arg' in s ? args[s.arg] : s.value));
  const result = await db.executeQuery<R>({ sql: template.sql, parameters, query: template.query, queryId: createQueryId() });
  return result.rows;
}
