/** The admins' queues: warnings (and the review queue), reports, appeals. Each decision asks for an optional note. */
import { useState } from 'react';
import { App, Button, Input, Modal, Segmented, Space, Tag, Typography } from 'antd';
import { ResponsiveTable } from '../../app/ResponsiveTable.js';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api.js';
import { ErrorState, useErrorText } from '../../app/states.js';
import { day, pruningPath, ruleName, say, type AppealsView, type AppealView, type ReportsView, type ReportView, type WarningsView, type WarningView } from './api.js';

/** Runs a decision after the admin wrote an optional note. */
function useDecide(slug: string) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const qc = useQueryClient();
  const [pending, setPending] = useState<{ url: string; decision: string; title: string } | null>(null);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  async function confirm() {
    if (!pending) return;
    setBusy(true);
    try {
      await api('POST', pending.url, { decision: pending.decision, ...(note.trim() ? { note: note.trim() } : {}) });
      void message.success(t('pruning-ui:queue.done'));
      setPending(null);
      setNote('');
      await qc.invalidateQueries({ queryKey: ['pruning', slug] });
    } catch (err) {
      void message.error(errorText(err));
    } finally {
      setBusy(false);
    }
  }
  const modal = (
    <Modal open={!!pending} title={pending?.title} onOk={() => void confirm()} confirmLoading={busy} onCancel={() => setPending(null)} okText={t('pruning-ui:queue.confirm')}>
      <Input.TextArea value={note} onChange={(e) => setNote(e.target.value)} maxLength={1000} rows={3} placeholder={t('pruning-ui:queue.note')} aria-label={t('pruning-ui:queue.note')} />
    </Modal>
  );
  return { ask: (url: string, decision: string, title: string) => setPending({ url, decision, title }), modal };
}

export function WarningsTab({ slug }: { slug: string }) {
  const { t } = useTranslation();
  const [state, setState] = useState<'open' | 'review'>('review');
  const q = useQuery({ queryKey: ['pruning', slug, 'warnings', state], queryFn: () => api<WarningsView>('GET', `${pruningPath(slug)}/pruning/warnings?state=${state}`) });
  const { ask, modal } = useDecide(slug);
  if (q.error) return <ErrorState error={q.error} retry={() => void q.refetch()} />;
  return (
    <>
      <Segmented value={state} onChange={(v) => setState(v as 'open' | 'review')} style={{ marginBottom: 12 }} options={[{ value: 'review', label: t('pruning-ui:warnings.review') }, { value: 'open', label: t('pruning-ui:warnings.open') }]} />
      <ResponsiveTable<WarningView>
        rowKey="id"
        loading={q.isLoading}
        dataSource={q.data?.warnings ?? []}
        pagination={false}
        locale={{ emptyText: t('pruning-ui:queue.empty') }}
        columns={[
          { title: t('pruning-ui:col.member'), dataIndex: 'displayName' },
          { title: t('pruning-ui:col.rule'), dataIndex: 'rule', render: (r: string) => ruleName(t, r) },
          { title: t('pruning-ui:col.why'), key: 'why', render: (_, w) => say(t, w.reason) },
          { title: t('pruning-ui:col.deadline'), dataIndex: 'deadline', render: day },
          {
            title: '',
            key: 'act',
            render: (_, w) =>
              w.state === 'review' && (
                <Space>
                  <Button danger size="small" onClick={() => ask(`${pruningPath(slug)}/pruning/warnings/${w.id}/decide`, 'remove', t('pruning-ui:warnings.removeTitle', { name: w.displayName }))}>
                    {t('pruning-ui:warnings.remove')}
                  </Button>
                  <Button size="small" onClick={() => ask(`${pruningPath(slug)}/pruning/warnings/${w.id}/decide`, 'keep', t('pruning-ui:warnings.keepTitle', { name: w.displayName }))}>
                    {t('pruning-ui:warnings.keep')}
                  </Button>
                </Space>
              ),
          },
        ]}
      />
      {modal}
    </>
  );
}

export function ReportsTab({ slug }: { slug: string }) {
  const { t } = useTranslation();
  const q = useQuery({ queryKey: ['pruning', slug, 'reports'], queryFn: () => api<ReportsView>('GET', `${pruningPath(slug)}/reports`) });
  const { ask, modal } = useDecide(slug);
  if (q.error) return <ErrorState error={q.error} retry={() => void q.refetch()} />;
  return (
    <>
      <ResponsiveTable<ReportView>
        rowKey="id"
        loading={q.isLoading}
        dataSource={q.data?.reports ?? []}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: t('pruning-ui:queue.empty') }}
        columns={[
          { title: t('pruning-ui:reports.subject'), key: 'subject', render: (_, r) => r.subject.displayName },
          { title: t('pruning-ui:reports.reporter'), key: 'reporter', render: (_, r) => r.reporter.displayName },
          { title: t('pruning-ui:reports.reason'), dataIndex: 'reason', render: (v: string) => <Typography.Paragraph style={{ margin: 0 }} ellipsis={{ rows: 2, expandable: true }}>{v}</Typography.Paragraph> },
          { title: t('pruning-ui:col.when'), dataIndex: 'createdAt', render: day },
          { title: t('pruning-ui:col.state'), dataIndex: 'state', render: (s: string) => <Tag>{t(`pruning-ui:reportState.${s}`)}</Tag> },
          {
            title: '',
            key: 'act',
            render: (_, r) =>
              r.state === 'open' && (
                <Space>
                  <Button danger size="small" onClick={() => ask(`${pruningPath(slug)}/reports/${r.id}/decide`, 'uphold', t('pruning-ui:reports.upholdTitle', { name: r.subject.displayName }))}>
                    {t('pruning-ui:reports.uphold')}
                  </Button>
                  <Button size="small" onClick={() => ask(`${pruningPath(slug)}/reports/${r.id}/decide`, 'dismiss', t('pruning-ui:reports.dismissTitle', { name: r.subject.displayName }))}>
                    {t('pruning-ui:reports.dismiss')}
                  </Button>
                </Space>
              ),
          },
        ]}
      />
      {modal}
    </>
  );
}

export function AppealsTab({ slug }: { slug: string }) {
  const { t } = useTranslation();
  const q = useQuery({ queryKey: ['pruning', slug, 'appeals'], queryFn: () => api<AppealsView>('GET', `${pruningPath(slug)}/appeals`) });
  const { ask, modal } = useDecide(slug);
  if (q.error) return <ErrorState error={q.error} retry={() => void q.refetch()} />;
  return (
    <>
      <ResponsiveTable<AppealView>
        rowKey="id"
        loading={q.isLoading}
        dataSource={q.data?.appeals ?? []}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: t('pruning-ui:queue.empty') }}
        columns={[
          { title: t('pruning-ui:col.member'), dataIndex: 'displayName' },
          { title: t('pruning-ui:appeals.text'), dataIndex: 'text', render: (v: string) => <Typography.Paragraph style={{ margin: 0 }} ellipsis={{ rows: 3, expandable: true }}>{v}</Typography.Paragraph> },
          { title: t('pruning-ui:col.when'), dataIndex: 'createdAt', render: day },
          { title: t('pruning-ui:col.state'), dataIndex: 'state', render: (s: string) => <Tag>{t(`pruning-ui:appealState.${s}`)}</Tag> },
          {
            title: '',
            key: 'act',
            render: (_, a) =>
              a.state === 'open' && (
                <Space>
                  <Button type="primary" size="small" onClick={() => ask(`${pruningPath(slug)}/appeals/${a.id}/decide`, 'grant', t('pruning-ui:appeals.grantTitle', { name: a.displayName }))}>
                    {t('pruning-ui:appeals.grant')}
                  </Button>
                  <Button size="small" onClick={() => ask(`${pruningPath(slug)}/appeals/${a.id}/decide`, 'deny', t('pruning-ui:appeals.denyTitle', { name: a.displayName }))}>
                    {t('pruning-ui:appeals.deny')}
                  </Button>
                </Space>
              ),
          },
        ]}
      />
      {modal}
    </>
  );
}
