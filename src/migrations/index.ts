/**
 * Every migration, in order. One set runs on SQLite and PostgreSQL: use Kysely's
 * schema builder with portable types (text, integer, real) and branch on `dialect`
 * only where the engines truly differ (auto-increment keys, triggers).
 */
import type { Kysely } from 'kysely';
import type { DialectName } from '../kernel/db/connect.js';
import * as m0001 from './0001_foundation.js';
import * as m0002 from './0002_audit.js';
import * as m0003 from './0003_gate.js';
import * as m0004 from './0004_pruning.js';
import * as m0005 from './0005_notice_kinds.js';
import * as m0006 from './0006_read_indexes.js';
import * as m0007 from './0007_search.js';
import * as m0008 from './0008_health.js';
import * as m0009 from './0009_content.js';
import * as m0010 from './0010_core_duties.js';
import * as m0011 from './0011_activities.js';
import * as m0012 from './0012_activity_sources.js';

export interface PortableMigration {
  up(db: Kysely<any>, dialect: DialectName): Promise<void>;
  down?(db: Kysely<any>, dialect: DialectName): Promise<void>;
}

export const migrations: Record<string, PortableMigration> = {
  '0001_foundation': m0001,
  '0002_audit': m0002,
  '0003_gate': m0003,
  '0004_pruning': m0004,
  '0005_notice_kinds': m0005,
  '0006_read_indexes': m0006,
  '0007_search': m0007,
  '0008_health': m0008,
  '0009_content': m0009,
  '0010_core_duties': m0010,
  '0011_activities': m0011,
  '0012_activity_sources': m0012,
};
