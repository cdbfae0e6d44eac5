import type { Config } from '../app/config.js';
import type { Clock } from './clock.js';
import type { Db } from './db/connect.js';
import type { Mailer } from './mail.js';

/** What every use case, route, job and command is handed: no globals. */
export interface AppContext {
  config: Config;
  db: Db;
  clock: Clock;
  mailer: Mailer;
}
