/** Console → activity: the community's activity log, newest first, filterable by event kind. */
import { useState } from 'react';
import { Button, Empty, Select, Space, Tag, Typography } from 'antd';
import { ResponsiveTable } from '../../../app/ResponsiveTable.js';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { EVENT_KINDS } from '../../../../../src/kernel/activity/taxonomy.js';
import { api } from '../../../app/api.js';
import { ErrorState } from '../../../app/states.js';
import { path, type ActivityItem, type ActivityPage } from '../api.js';
import { eventDetail, eventName } from '../activity.js';
import { useConsole } from './ConsoleLayout.js';

const PAGE = 50;

export function ActivityTab() {
  const { t } = useTranslation();
  const { slug } = useConsole();
  const [kind, setKind] = useState<string | undefined>();
  const log = useInfiniteQuery({
    queryKey: ['community', slug, 'activity', kind ?? ''],
    initialPageParam: '',
    queryFn: ({ pageParam }) => {
      const params = new URLSearchParams({ limit: String(PAGE) });
      if (kind) params.set('kind', kind);
      if (pageParam) params.set('cursor', pageParam);
      return api<ActivityPage>('GET', `${path(slug)}/activity?${params}`);
    },
    // the server hands out the next page's cursor; null on the last page
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  if (log.error) return <ErrorState error={log.error} retry={() => void log.refetch()} />;
  const events = log.data?.pages.flatMap((p) => p.events) ?? [];

  return (
    <>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t('communities-ui:console.activity')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('communities-ui:activity.intro')}</Typography.Paragraph>
      <Space style={{ marginBottom: 12 }}>
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          placeholder={t('communities-ui:activity.filterKind')}
          aria-label={t('communities-ui:activity.filterKind')}
          style={{ width: 240 }}
          value={kind}
          onChange={setKind}
          options={EVENT_KINDS.map((k) => ({ value: k, label: eventName(t, k) }))}
        />
      </Space>
      <ResponsiveTable<ActivityItem>
        rowKey="id"
        loading={log.isFetching && !log.isFetchingNextPage}
        dataSource={events}
        pagination={false}
        scroll={{ x: 720 }}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('communities-ui:activity.empty')} /> }}
        columns={[
          { title: t('communities-ui:activity.at'), dataIndex: 'at', width: 190, render: (v: string) => <time dateTime={v}>{new Date(v).toLocaleString(t('common:dateLocale'))}</time> },
          { title: t('communities-ui:activity.event'), dataIndex: 'kind', width: 150, render: (k: string) => <Tag>{eventName(t, k)}</Tag> },
          {
            title: t('communities-ui:activity.who'),
            key: 'who',
            render: (_, e) => (
              <span>
                <Typography.Text strong>{e.actor?.displayName ?? t('communities-ui:activity.system')}</Typography.Text>
                {e.target && e.target.id !== e.actor?.id && (
                  <>
                    {' → '}
                    <Typography.Text strong>{e.target.displayName}</Typography.Text>
                  </>
                )}
              </span>
            ),
          },
          { title: t('communities-ui:activity.detail'), key: 'detail', render: (_, e) => eventDetail(t, e) ?? '' },
        ]}
      />
      {log.hasNextPage && (
        <div style={{ textAlign: 'center', marginTop: 12 }}>
          <Button onClick={() => void log.fetchNextPage()} loading={log.isFetchingNextPage}>
            {t('communities-ui:activity.more')}
          </Button>
        </div>
      )}
    </>
  );
}
