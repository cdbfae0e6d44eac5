/**
 * The importers and format detection: `openImport(path)` looks at the input
 * (a file's head, or a folder's / zip's entry list plus its most telling file),
 * asks every importer how sure it is, and streams events from the surest one.
 */
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { ImportError, type ChatEvent, type FormatId, type Importer, type ImportProgress, type Probe } from '../types.js';
import { discordImporter } from './discord.js';
import { decodeHead, listFiles, readHead, unreadable } from './files.js';
import { qqImporter } from './qq.js';
import { slackImporter } from './slack.js';
import { telegramImporter } from './telegram.js';
import { wechatChatlogImporter, wechatMemotraceImporter, wechatWechatmsgImporter } from './wechat.js';
import { whatsappImporter } from './whatsapp.js';
import { isZip, zipEntries, zipEntryHead } from './zip.js';

export const IMPORTERS: readonly Importer[] = [
  telegramImporter,
  discordImporter,
  whatsappImporter,
  slackImporter,
  qqImporter,
  wechatChatlogImporter,
  wechatMemotraceImporter,
  wechatWechatmsgImporter,
];

export interface OpenedImport {
  format: FormatId;
  label: string;
  bytesTotal: number;
  /** The group's name when the export states it. */
  chatName: string | null;
  events: AsyncIterable<ChatEvent>;
}

export interface OpenImportOptions {
  format?: string;
  onProgress?: (p: ImportProgress) => void;
}

const EXPECTED_FORMATS = IMPORTERS.map((i) => i.label).join('; ');
const MAX_ENTRIES = 5000;

export async function openImport(path: string, options: OpenImportOptions = {}): Promise<OpenedImport> {
  let importer: Importer | undefined;
  const { probe, bytesTotal } = await buildProbe(path);
  if (options.format !== undefined) {
    importer = IMPORTERS.find((i) => i.format === options.format);
    if (!importer) {
      throw new ImportError(path, `unknown format "${options.format}"; expected one of ${IMPORTERS.map((i) => i.format).join(', ')}`);
    }
  } else {
    importer = detect(probe);
    if (!importer) throw new ImportError(path, `cannot tell which chat export this is; expected one of: ${EXPECTED_FORMATS}`);
  }
  const chosen = importer;
  let target = path;
  let total = bytesTotal;
  if (probe.isDirectory && chosen.format !== 'slack') {
    // A Telegram export folder holds result.json next to photos/ and files/.
    const inner = chosen.format === 'telegram' ? probe.entries?.find((e) => /^(?:[^/]+\/)?result\.json$/.test(e)) : undefined;
    if (!inner || (await stat(path)).isFile()) {
      throw new ImportError(path, `this is a folder or zip; the ${chosen.label} importer reads the export file itself`);
    }
    target = join(path, inner);
    total = (await stat(target)).size;
  }
  return {
    format: chosen.format,
    label: chosen.label,
    bytesTotal: total,
    chatName: chosen.chatName?.(probe) ?? null,
    events: chosen.read(target, { onProgress: options.onProgress }),
  };
}

/** The importer with the highest confidence above a floor, if any. */
export function detect(probe: Probe): Importer | undefined {
  let best: Importer | undefined;
  let bestScore = 0.2;
  for (const imp of IMPORTERS) {
    const score = imp.sniff(probe);
    if (score > bestScore) {
      best = imp;
      bestScore = score;
    }
  }
  return best;
}

export async function buildProbe(path: string): Promise<{ probe: Probe; bytesTotal: number }> {
  let info;
  try {
    info = await stat(path);
  } catch (err) {
    throw unreadable(path, err);
  }
  if (info.isDirectory()) {
    const { entries, bytes } = await listFolder(path);
    const telling = tellingEntry(entries);
    const head = telling ? decodeHead(await readHead(join(path, telling))) : '';
    return { probe: { path, isDirectory: true, head, entries }, bytesTotal: bytes };
  }
  const headBuf = await readHead(path);
  if (isZip(headBuf)) {
    const entries = await zipEntries(path);
    const names = entries.slice(0, MAX_ENTRIES).map((e) => e.fileName);
    const telling = tellingEntry(names);
    const head = telling ? decodeHead(await zipEntryHead(path, telling)) : '';
    return { probe: { path, isDirectory: true, head, entries: names }, bytesTotal: info.size };
  }
  return { probe: { path, isDirectory: false, head: decodeHead(headBuf) }, bytesTotal: info.size };
}

/** The file of a folder export that tells most about its format. */
function tellingEntry(entries: string[]): string | undefined {
  const prefer = [/(^|\/)channels\.json$/, /(^|\/)users\.json$/, /(^|\/)result\.json$/, /\.json$/, /\.csv$/, /\.txt$/];
  for (const re of prefer) {
    const hit = entries.find((e) => re.test(e));
    if (hit) return hit;
  }
  return undefined;
}

async function listFolder(root: string): Promise<{ entries: string[]; bytes: number }> {
  const files = await listFiles(root, MAX_ENTRIES);
  let bytes = 0;
  for (const size of files.values()) bytes += size;
  return { entries: [...files.keys()], bytes };
}
