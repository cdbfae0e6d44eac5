import { sql, type Kysely } from 'kysely';

/**
 * Notice kinds are named `<feature>.<event>` (docs/notices.md). The gate's
 * notices were stored bare (`approved`); pruning's already had their prefix.
 */
const GATE_KINDS = ['approved', 'rejected', 'waitlisted', 'admitted', 'renewal'];

export async function up(db: Kysely<any>): Promise<void> {
  await db
    .updateTable('notifications')
    .set({ kind: sql`'gate.' || kind` })
    .where('kind', 'in', GATE_KINDS)
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db
    .updateTable('notifications')
    .set({ kind: sql`substr(kind, 6)` })
    .where('kind', 'in', GATE_KINDS.map((k) => `gate.${k}`))
    .execute();
}
