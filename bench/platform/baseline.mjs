/**
 * The yardstick: a bare Fastify handler doing one comparable better-sqlite3
 * SELECT (the community row by slug, prepared once) on the same file, answering
 * JSON. Every endpoint's throughput is reported as a ratio of this one's.
 *
 *   node bench/platform/baseline.mjs <sqlite file> <port>
 */
import Fastify from 'fastify';
import Database from 'better-sqlite3';

const [file, port] = process.argv.slice(2);
const db = new Database(file, { readonly: true });
const bySlug = db.prepare('SELECT * FROM communities WHERE slug = ?');
const app = Fastify({ logger: false });
app.get('/c/:slug', async (req) => ({ community: bySlug.get(req.params.slug) ?? null }));
await app.listen({ port: Number(port), host: '127.0.0.1' });
console.log('ready');
