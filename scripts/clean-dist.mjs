#!/usr/bin/env node
// Empties dist/ of the server's compiled output before tsc writes it again, so a file deleted
// or excluded from the build (a test helper) does not linger there. dist/web is vite's: it
// empties that folder itself.
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const dist = new URL('../dist', import.meta.url).pathname;
let entries = [];
try {
  entries = readdirSync(dist);
} catch {
  // nothing built yet
}
for (const name of entries) if (name !== 'web') rmSync(join(dist, name), { recursive: true, force: true });
