/**
 * The member's one notices list (GET/POST /api/communities/:slug/notices): a bell with the
 * unread count that opens a drawer. A notice kind is `<feature>.<event>` (docs/notices.md); its
 * text is `<feature>-ui:notice.<event>`, and it links to the page where the person can act.
 */
import { useState } from 'react';
import { Badge, Button, Drawer, Empty, List, Typography } from 'antd';
import { BellOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { api } from '../../app/api.js';
import { useOlderPages } from '../../app/paging.js';
import { useMe } from '../../app/session.js';
import { LoadMore } from '../../app/states.js';
import { path } from '../communities/api.js';
import { day, ruleName, say, type Message } from '../pruning/api.js';
import type { Notice, NoticesView } from './api.js';

/** Where the person acts on each feature's notices. */
const PAGE: Record<string, string> = { gate: 'status', pruning: 'standing' };

function split(kind: string): [feature: string, event: string] {
  const dot = kind.indexOf('.');
  return dot < 0 ? ['', kind] : [kind.slice(0, dot), kind.slice(dot + 1)];
}

export function useNotices(slug: string, enabled = true) {
  return useQuery({
    queryKey: ['notices', slug],
    queryFn: () => api<NoticesView>('GET', `${path(slug)}/notices`),
    enabled,
    retry: false,
  });
}

/** A notice as a sentence in the reader's language. */
export function noticeText(t: TFunction, n: Notice): string {
  const [feature, event] = split(n.kind);
  return t(`${feature}-ui:notice.${event}`, { ...n.data, ...(feature === 'pruning' ? pruningParams(t, n.data) : {}), defaultValue: n.kind });
}

/** Pruning's notices carry messages, rule ids and times: said in the reader's words. */
function pruningParams(t: TFunction, d: Record<string, unknown>) {
  const str = (v: unknown) => (typeof v === 'string' ? v : '');
  return {
    rule: ruleName(t, str(d.rule) || null),
    reason: say(t, d.reason as Message | undefined),
    keep: say(t, d.keep as Message | undefined),
    deadline: day(str(d.deadline) || null),
    appealUntil: day(str(d.appealUntil) || null),
    note: str(d.note),
    subject: str(d.subject),
  };
}

/** Where a notice's follow-up lives: pruning → standing, gate → the application status. */
export function noticeLink(slug: string, n: Notice): string {
  return `/c/${slug}/${PAGE[split(n.kind)[0]] ?? 'status'}`;
}

/** The bell: nothing for a visitor; for anyone signed in, the unread count and the drawer. */
export function NoticesBell({ slug }: { slug: string }) {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const q = useNotices(slug, !!me.data);
  const qc = useQueryClient();
  const [open, setOpen] = useState(false);
  const read = useMutation({
    mutationFn: (body: { ids: string[] } | { all: true }) => api('POST', `${path(slug)}/notices/read`, body),
    onSettled: () => qc.invalidateQueries({ queryKey: ['notices', slug] }),
  });
  const older = useOlderPages(['notices', slug], q.data?.nextCursor ?? null, (c) =>
    api<{ notices: Notice[]; nextCursor: string | null }>('GET', `${path(slug)}/notices?cursor=${encodeURIComponent(c)}`).then((r) => ({ items: r.notices, nextCursor: r.nextCursor })),
  );
  if (!me.data || !q.data) return null;
  const { unread } = q.data;
  const notices = [...q.data.notices, ...older.items];
  return (
    <>
      <Badge count={unread} size="small" offset={[-4, 4]}>
        <Button
          shape="circle"
          size="large"
          icon={<BellOutlined />}
          aria-label={t('gate-ui:notices.bell', { count: unread })}
          data-testid="notices-bell"
          onClick={() => setOpen(true)}
        />
      </Badge>
      <Drawer
        open={open}
        onClose={() => setOpen(false)}
        placement="bottom"
        size="large"
        title={t('gate-ui:notices.title')}
        extra={
          unread > 0 && (
            <Button size="small" loading={read.isPending} onClick={() => read.mutate({ all: true })} data-testid="notices-read-all">
              {t('gate-ui:notices.readAll')}
            </Button>
          )
        }
      >
        {notices.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('gate-ui:notices.empty')} />
        ) : (
          <List
            dataSource={notices}
            rowKey="id"
            renderItem={(n) => (
              <List.Item data-testid="notice" style={{ background: n.readAt ? undefined : '#f0f7f4', paddingInline: 8 }}>
                <Link
                  to={noticeLink(slug, n)}
                  onClick={() => {
                    if (!n.readAt) read.mutate({ ids: [n.id] });
                    setOpen(false);
                  }}
                  style={{ display: 'block', width: '100%', color: 'inherit' }}
                >
                  <Typography.Text strong={!n.readAt}>{noticeText(t, n)}</Typography.Text>
                  <br />
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {new Date(n.createdAt).toLocaleString(i18n.language)}
                    {!n.readAt && ` · ${t('gate-ui:notices.unread')}`}
                  </Typography.Text>
                </Link>
              </List.Item>
            )}
          />
        )}
        <LoadMore query={older.more} />
      </Drawer>
    </>
  );
}
