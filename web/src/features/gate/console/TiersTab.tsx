/** Paid tiers (会员费): define a fee and period; mark a member's payment received; see who is due or lapsed. */
import { App, Button, Card, Form, Input, InputNumber, Select, Space, Tag } from 'antd';
import { ResponsiveTable } from '../../../app/ResponsiveTable.js';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../../app/api.js';
import { ErrorState, useErrorText } from '../../../app/states.js';
import { path, type MemberList } from '../../communities/api.js';
import type { Payer, Tier, TiersView } from '../api.js';
import { useConsole } from '../../communities/console/ConsoleLayout.js';

const STATUS_COLOR = { paid: 'green', due_soon: 'orange', lapsed: 'red', unpaid: 'default' } as const;

export function TiersTab() {
  const { t, i18n } = useTranslation();
  const { slug } = useConsole();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const q = useQuery({ queryKey: ['gate', slug, 'tiers'], queryFn: () => api<TiersView>('GET', `${path(slug)}/tiers`) });
  const members = useQuery({ queryKey: ['community', slug, 'members', 'all-for-tiers'], queryFn: () => api<MemberList>('GET', `${path(slug)}/members?limit=200`) });
  const [tierForm] = Form.useForm();
  const [payForm] = Form.useForm();
  if (q.error) return <ErrorState error={q.error} />;

  async function run(fn: () => Promise<unknown>, done: string) {
    try {
      await fn();
      void message.success(done);
      await qc.invalidateQueries({ queryKey: ['gate', slug, 'tiers'] });
    } catch (err) {
      void message.error(errorText(err));
    }
  }
  const money = (minor: number, currency: string) => new Intl.NumberFormat(i18n.language, { style: 'currency', currency }).format(minor / 100);

  return (
    <Space orientation="vertical" style={{ width: '100%' }} size={16}>
      <Card size="small" title={t('gate-ui:tiers.new')}>
        <Form form={tierForm} layout="inline" initialValues={{ currency: 'CNY', periodUnit: 'year', periodCount: 1 }} style={{ rowGap: 8 }}
          onFinish={(v: { name: string; fee: number; currency: string; periodUnit: string; periodCount: number }) =>
            void run(() => api('POST', `${path(slug)}/tiers`, { name: v.name, feeMinor: Math.round(v.fee * 100), currency: v.currency, periodUnit: v.periodUnit, periodCount: v.periodCount }).then(() => tierForm.resetFields()), t('gate-ui:tiers.created'))
          }>
          <Form.Item name="name" rules={[{ required: true, max: 80 }]}><Input placeholder={t('gate-ui:tiers.name')} /></Form.Item>
          <Form.Item name="fee" rules={[{ required: true }]}><InputNumber min={0} precision={2} placeholder={t('gate-ui:tiers.fee')} /></Form.Item>
          <Form.Item name="currency" rules={[{ required: true, pattern: /^[A-Z]{3}$/ }]}><Input style={{ width: 80 }} /></Form.Item>
          <Form.Item name="periodCount" rules={[{ required: true }]}><InputNumber min={1} max={120} /></Form.Item>
          <Form.Item name="periodUnit"><Select style={{ width: 100 }} options={(['day', 'month', 'year'] as const).map((u) => ({ value: u, label: t(`gate-ui:tiers.unit.${u}`) }))} /></Form.Item>
          <Button type="primary" htmlType="submit">{t('gate-ui:tiers.create')}</Button>
        </Form>
      </Card>
      <ResponsiveTable<Tier> rowKey="id" size="small" pagination={false} loading={q.isLoading} dataSource={q.data?.tiers ?? []}
        columns={[
          { title: t('gate-ui:tiers.name'), dataIndex: 'name' },
          { title: t('gate-ui:tiers.fee'), render: (_, r) => money(r.feeMinor, r.currency) },
          { title: t('gate-ui:tiers.period'), render: (_, r) => `${r.periodCount} ${t(`gate-ui:tiers.unit.${r.periodUnit}`)}` },
        ]} />
      <Card size="small" title={t('gate-ui:tiers.markPaid')}>
        <Form form={payForm} layout="inline" style={{ rowGap: 8 }}
          onFinish={(v: { userId: string; tierId: string; note?: string }) => void run(() => api('POST', `${path(slug)}/tiers/payments`, v).then(() => payForm.resetFields()), t('gate-ui:tiers.recorded'))}>
          <Form.Item name="userId" rules={[{ required: true }]}>
            <Select showSearch optionFilterProp="label" style={{ width: 200 }} placeholder={t('gate-ui:tiers.member')} options={(members.data?.members ?? []).map((m) => ({ value: m.userId, label: m.displayName }))} />
          </Form.Item>
          <Form.Item name="tierId" rules={[{ required: true }]}>
            <Select style={{ width: 160 }} placeholder={t('gate-ui:tiers.tier')} options={(q.data?.tiers ?? []).map((x) => ({ value: x.id, label: x.name }))} />
          </Form.Item>
          <Form.Item name="note"><Input placeholder={t('gate-ui:tiers.note')} maxLength={500} /></Form.Item>
          <Button type="primary" htmlType="submit">{t('gate-ui:tiers.record')}</Button>
        </Form>
      </Card>
      <ResponsiveTable<Payer> rowKey="userId" size="small" dataSource={q.data?.members ?? []}
        columns={[
          { title: t('gate-ui:tiers.member'), dataIndex: 'displayName' },
          { title: t('gate-ui:tiers.paidThrough'), render: (_, r) => (r.paidThrough ? new Date(r.paidThrough).toLocaleDateString(i18n.language) : '—') },
          { title: t('gate-ui:tiers.status'), render: (_, r) => <Tag color={STATUS_COLOR[r.status]}>{t(`gate-ui:tiers.statusName.${r.status}`)}</Tag> },
        ]} />
    </Space>
  );
}
