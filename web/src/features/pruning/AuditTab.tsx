/** The audit trail: every decision about a person, by a rule or by an operator; CSV export for the records. */
import { Button, Space, Tag, Typography } from 'antd';
import { ResponsiveTable } from '../../app/ResponsiveTable.js';
import { DownloadOutlined } from '@ant-design/icons';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api.js';
import { ErrorState, LoadMore } from '../../app/states.js';
import { pruningPath, reasonText, ruleName, type AuditPage, type AuditView } from './api.js';

export function AuditTab({ slug }: { slug: string }) {
  const { t } = useTranslation();
  const q = useInfiniteQuery({
    queryKey: ['pruning', slug, 'audit'],
    initialPageParam: '',
    queryFn: ({ pageParam }) => api<AuditPage>('GET', `${pruningPath(slug)}/audit?limit=100${pageParam ? `&cursor=${encodeURIComponent(pageParam)}` : ''}`),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  if (q.error) return <ErrorState error={q.error} retry={() => void q.refetch()} />;
  return (
    <>
      <Space style={{ marginBottom: 12 }}>
        <Typography.Text type="secondary">{t('pruning-ui:audit.intro')}</Typography.Text>
        <a href={`${pruningPath(slug)}/audit?format=csv`} download>
          <Button icon={<DownloadOutlined />}>{t('pruning-ui:audit.export')}</Button>
        </a>
      </Space>
      <ResponsiveTable<AuditView>
        rowKey="id"
        size="small"
        loading={q.isLoading}
        dataSource={q.data?.pages.flatMap((p) => p.entries) ?? []}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        scroll={{ x: 800 }}
        columns={[
          { title: t('pruning-ui:col.when'), dataIndex: 'at', width: 180, render: (v: string) => <time dateTime={v}>{new Date(v).toLocaleString()}</time> },
          { title: t('pruning-ui:audit.action'), dataIndex: 'action', render: (a: string) => <Tag>{t(`pruning-ui:action.${a.replaceAll('.', '_')}`, { defaultValue: a })}</Tag> },
          { title: t('pruning-ui:audit.who'), key: 'who', render: (_, e) => (e.automatic ? <Tag color="blue">{t('pruning-ui:audit.automatic')}</Tag> : e.decidedBy?.displayName) },
          { title: t('pruning-ui:col.member'), key: 'subject', render: (_, e) => e.subject?.displayName ?? '' },
          { title: t('pruning-ui:col.rule'), dataIndex: 'rule', render: (r: string | null) => ruleName(t, r) },
          { title: t('pruning-ui:col.why'), dataIndex: 'reason', render: (r: string | null) => reasonText(t, r) },
        ]}
      />
      <LoadMore query={q} />
    </>
  );
}
