// Streams a chat export through the importer alone (no analysis) and prints
// the event count: the `--importer-only` mode of the benchmark.
import { openImport } from '../dist/engine/importers/index.js';

const opened = await openImport(process.argv[2]);
let events = 0;
for await (const _ of opened.events) events++;
console.log(JSON.stringify({ format: opened.format, events }));
