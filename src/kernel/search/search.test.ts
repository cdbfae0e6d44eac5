import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, openTestDb, type TestDb } from '../db/testing.js';
import { inTransaction } from '../db/tx.js';
import { indexDocuments, removeDocument, searchDocuments } from './index.js';

describe.each(DIALECTS)('search on %s', (dialect) => {
  let db: TestDb;
  beforeAll(async () => {
    db = await openTestDb(dialect);
    await inTransaction(db, (trx) =>
      indexDocuments(trx, 'person', [
        { docId: 'simplified', text: '张伟 zhang.wei@example.com' },
        { docId: 'traditional', text: '張偉 chang@example.org' },
        { docId: 'long', text: '王小明-互联网-北京 wang@mail.cn' },
        { docId: 'other', text: '李娜 li.na@example.com' },
      ]),
    );
    await indexDocuments(db.kysely, 'post', [{ docId: 'p1', text: '张伟的帖子' }]);
  });
  afterAll(() => db.destroy());

  const find = (q: string, scope = 'person') => searchDocuments(db.kysely, scope, q, 50).then((ids) => ids.sort());

  it('「張偉」 finds 「张伟」 and 「张伟」 finds 「張偉」', async () => {
    expect(await find('張偉')).toEqual(['simplified', 'traditional']);
    expect(await find('张伟')).toEqual(['simplified', 'traditional']);
  });

  it('finds a name by part of it and an email by a prefix of its parts', async () => {
    expect(await find('小明')).toEqual(['long']);
    expect(await find('北京')).toEqual(['long']);
    expect(await find('ZHANG.W')).toEqual(['simplified']);
    expect(await find('example')).toEqual(['other', 'simplified', 'traditional']);
    expect(await find('li example')).toEqual(['other']);
  });

  it('stays in its scope and finds nothing for punctuation or an unknown word', async () => {
    expect(await find('张伟', 'post')).toEqual(['p1']);
    expect(await find('%')).toEqual([]);
    expect(await find("' OR 1=1 --")).toEqual([]);
    expect(await find('赵')).toEqual([]);
  });

  it('a changed document is found by its new text only, a removed one not at all', async () => {
    await indexDocuments(db.kysely, 'person', [{ docId: 'other', text: '李娜娜 nana@example.net' }]);
    expect(await find('li.na')).toEqual([]);
    expect(await find('nana')).toEqual(['other']);
    await removeDocument(db.kysely, 'person', 'other');
    expect(await find('nana')).toEqual([]);
  });
});
