/**
 * The referral tree (推荐树), one level at a time: the first level comes with the
 * referral console; opening a member loads the people they brought in
 * (GET …/gate/referrals/tree?parent=), page by page, so a community of any size
 * never sends its whole tree.
 */
import { useState } from 'react';
import { Tree, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../../app/api.js';
import { LoadMore } from '../../../app/states.js';
import { path } from '../../communities/api.js';
import type { ReferralNode, TreePage } from '../api.js';

interface Item {
  key: string;
  title: string;
  isLeaf: boolean;
  selectable: boolean;
  children?: Item[];
  /** A "load more" entry: the parent and the cursor it continues from. */
  more?: { parent: string; cursor: string };
}

const MORE = '\u0000more:';

export function ReferralTree({ slug, first }: { slug: string; first: TreePage }) {
  const { t } = useTranslation();
  const [roots, setRoots] = useState<Item[]>(() => first.nodes.map((n) => item(n, '')));
  const [rootCursor, setRootCursor] = useState(first.nextCursor);
  const [loading, setLoading] = useState(false);
  if (!roots.length) return <Typography.Text type="secondary">{t('gate-ui:referral.noTree')}</Typography.Text>;

  const fetchPage = (parent: string | null, cursor: string | null) => {
    const params = new URLSearchParams({ limit: '100' });
    if (parent) params.set('parent', parent);
    if (cursor) params.set('cursor', cursor);
    return api<TreePage>('GET', `${path(slug)}/gate/referrals/tree?${params}`);
  };
  const moreItem = (parent: string, keyPrefix: string, cursor: string | null): Item[] =>
    cursor ? [{ key: `${keyPrefix}${MORE}${cursor}`, title: t('common:loadMore'), isLeaf: true, selectable: true, more: { parent, cursor } }] : [];

  /** Puts a level's page under the item with `key` (replacing its "load more" entry, if that was clicked). */
  const attach = (key: string, page: TreePage, parent: string) =>
    setRoots((items) =>
      mapItems(items, key, (it) => ({
        ...it,
        children: [...(it.children ?? []).filter((c) => !c.more), ...page.nodes.map((n) => item(n, `${key}/`)), ...moreItem(parent, `${key}/`, page.nextCursor)],
      })),
    );

  return (
    <>
      <Tree<Item>
        treeData={roots}
        loadData={async (node) => {
          if (node.children || node.isLeaf) return;
          attach(node.key, await fetchPage(userOf(node.key), null), userOf(node.key));
        }}
        onSelect={async (_keys, { node }) => {
          if (!node.more) return;
          const parentKey = node.key.slice(0, node.key.lastIndexOf('/'));
          attach(parentKey, await fetchPage(node.more.parent, node.more.cursor), node.more.parent);
        }}
      />
      <LoadMore
        query={{
          hasNextPage: rootCursor !== null,
          isFetchingNextPage: loading,
          fetchNextPage: async () => {
            setLoading(true);
            try {
              const page = await fetchPage(null, rootCursor);
              setRoots((items) => [...items, ...page.nodes.map((n) => item(n, ''))]);
              setRootCursor(page.nextCursor);
            } finally {
              setLoading(false);
            }
          },
        }}
      />
    </>
  );
}

/** Keys are the path of user ids from the root, so one person is one key wherever they appear. */
function item(n: ReferralNode, prefix: string): Item {
  return { key: `${prefix}${n.userId}`, title: `${n.displayName}${n.direct ? ` (+${n.direct})` : ''}`, isLeaf: n.direct === 0, selectable: false };
}

function userOf(key: string): string {
  return key.slice(key.lastIndexOf('/') + 1);
}

function mapItems(items: Item[], key: string, f: (it: Item) => Item): Item[] {
  return items.map((it) => (it.key === key ? f(it) : it.children && key.startsWith(`${it.key}/`) ? { ...it, children: mapItems(it.children, key, f) } : it));
}
