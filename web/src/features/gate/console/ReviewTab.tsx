/** The review queue: answers, referrer and channel per applicant; approve or reject one by one or in bulk. */
import { useState } from 'react';
import { App, Button, Descriptions, Input, Modal, Segmented, Space, Tag, Typography } from 'antd';
import { ResponsiveTable } from '../../../app/ResponsiveTable.js';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../../app/api.js';
import { ErrorState, LoadMore, useErrorText } from '../../../app/states.js';
import { path } from '../../communities/api.js';
import { useConsole } from '../../communities/console/ConsoleLayout.js';
import { useConfig, useQueue, type DecideResults, type QueueItem } from '../api.js';

const STATES = ['pending', 'waitlisted', 'approved', 'rejected'] as const;

export function ReviewTab() {
  const { t, i18n } = useTranslation();
  const { slug } = useConsole();
  const [state, setState] = useState<(typeof STATES)[number]>('pending');
  const q = useQueue(slug, state);
  const config = useConfig(slug);
  const qc = useQueryClient();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [selected, setSelected] = useState<string[]>([]);
  const [rejecting, setRejecting] = useState<string[] | null>(null);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  if (q.error) return <ErrorState error={q.error} retry={() => void q.refetch()} />;
  const labels = new Map((config.data?.form.questions ?? []).map((x) => [x.id, x]));

  async function decide(ids: string[], decision: 'approve' | 'reject', why?: string) {
    setBusy(true);
    try {
      const r = await api<DecideResults>('POST', `${path(slug)}/gate/applications/decide`, { ids, decision, ...(why ? { reason: why } : {}) });
      const failed = r.results.filter((x) => !x.ok);
      if (failed.length) void message.warning(t('gate-ui:review.someFailed', { n: failed.length, error: failed[0]!.error ?? '' }));
      else void message.success(t('gate-ui:review.done', { n: ids.length }));
      setSelected([]);
      setRejecting(null);
      setReason('');
      await qc.invalidateQueries({ queryKey: ['gate', slug] });
      await qc.invalidateQueries({ queryKey: ['community', slug] });
    } catch (err) {
      void message.error(errorText(err));
    } finally {
      setBusy(false);
    }
  }

  const answerText = (item: QueueItem, id: string) => {
    const v = item.answers[id];
    const question = labels.get(id);
    const optionLabel = (o: string) => question?.options?.find((x) => x.id === o)?.label ?? o;
    return Array.isArray(v) ? v.map(optionLabel).join(', ') : question?.kind === 'single_choice' && v ? optionLabel(v) : (v ?? '');
  };

  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <Segmented value={state} onChange={(v) => { setState(v as typeof state); setSelected([]); }} options={STATES.map((s) => ({ value: s, label: t(`gate-ui:state.${s}`) }))} />
        {state === 'pending' && (
          <>
            <Button type="primary" disabled={!selected.length} loading={busy} onClick={() => void decide(selected, 'approve')} data-testid="bulk-approve">
              {t('gate-ui:review.approveSelected', { n: selected.length })}
            </Button>
            <Button danger disabled={!selected.length} onClick={() => setRejecting(selected)}>
              {t('gate-ui:review.rejectSelected', { n: selected.length })}
            </Button>
          </>
        )}
      </Space>
      <ResponsiveTable<QueueItem>
        rowKey="id"
        loading={q.isLoading}
        dataSource={q.data?.pages.flatMap((p) => p.applications) ?? []}
        rowSelection={state === 'pending' ? { selectedRowKeys: selected, onChange: (keys) => setSelected(keys as string[]) } : undefined}
        pagination={{ pageSize: 20 }}
        expandable={{
          expandedRowRender: (item) => (
            <Descriptions column={1} size="small" bordered>
              {Object.keys(item.answers).map((id) => (
                <Descriptions.Item key={id} label={labels.get(id)?.label ?? id}>
                  <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{answerText(item, id)}</Typography.Text>
                </Descriptions.Item>
              ))}
              {item.reason && <Descriptions.Item label={t('gate-ui:review.reason')}>{item.reason}</Descriptions.Item>}
            </Descriptions>
          ),
        }}
        columns={[
          { title: t('gate-ui:review.applicant'), render: (_, i) => <span>{i.applicant.displayName} <Typography.Text type="secondary">{i.applicant.email}</Typography.Text></span> },
          { title: t('gate-ui:review.channel'), render: (_, i) => <Space size={4}><Tag>{i.inviteName ?? i.channel}</Tag>{i.vouched && <Tag color="green">{t('gate-ui:review.vouched')}</Tag>}</Space> },
          { title: t('gate-ui:review.referrer'), render: (_, i) => i.referrer?.displayName ?? '—' },
          { title: t('gate-ui:review.appliedAt'), render: (_, i) => new Date(i.createdAt).toLocaleString(i18n.language) },
          { title: t('gate-ui:review.decidedBy'), render: (_, i) => (i.ruleId ? <Tag color="blue">{t('gate-ui:review.rule', { id: i.ruleId })}</Tag> : i.decidedAt ? t('gate-ui:review.person') : '—') },
          ...(state === 'pending'
            ? [{
                title: '',
                render: (_: unknown, i: QueueItem) => (
                  <Space>
                    <Button size="small" type="primary" onClick={() => void decide([i.id], 'approve')}>{t('gate-ui:review.approve')}</Button>
                    <Button size="small" danger onClick={() => setRejecting([i.id])}>{t('gate-ui:review.reject')}</Button>
                  </Space>
                ),
              }]
            : []),
        ]}
      />
      <LoadMore query={q} />
      <Modal
        open={rejecting !== null}
        title={t('gate-ui:review.rejectTitle', { n: rejecting?.length ?? 0 })}
        okText={t('gate-ui:review.reject')}
        okButtonProps={{ danger: true, disabled: !reason.trim(), loading: busy }}
        onOk={() => rejecting && void decide(rejecting, 'reject', reason.trim())}
        onCancel={() => setRejecting(null)}
      >
        <Typography.Paragraph type="secondary">{t('gate-ui:review.reasonHelp')}</Typography.Paragraph>
        <Input.TextArea value={reason} onChange={(e) => setReason(e.target.value)} maxLength={500} showCount autoSize={{ minRows: 3 }} />
      </Modal>
    </Space>
  );
}
