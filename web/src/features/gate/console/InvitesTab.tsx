/** Campaign links (name, channel, expiry, max uses, vouch), every link's uses, and the referral console. */
import { useState } from 'react';
import { Alert, App, Button, Card, Checkbox, Col, DatePicker, Form, Input, InputNumber, Row, Space, Statistic, Tag, Typography } from 'antd';
import { ResponsiveTable } from '../../../app/ResponsiveTable.js';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../../app/api.js';
import { useErrorText } from '../../../app/states.js';
import { path } from '../../communities/api.js';
import { useConsole } from '../../communities/console/ConsoleLayout.js';
import { useInvites, useReferrals, type Invite, type InviteCreated } from '../api.js';
import { ReferralTree } from './ReferralTree.js';

interface CampaignForm {
  name: string;
  channel: string;
  expiresAt?: { toISOString(): string };
  maxUses?: number;
  vouch?: boolean;
}

export function InvitesTab() {
  const { t, i18n } = useTranslation();
  const { slug } = useConsole();
  const invites = useInvites(slug);
  const stats = useReferrals(slug);
  const qc = useQueryClient();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [form] = Form.useForm<CampaignForm>();
  const [created, setCreated] = useState<string | null>(null);

  async function create(v: CampaignForm) {
    try {
      const r = await api<InviteCreated>('POST', `${path(slug)}/invites`, { kind: 'campaign', name: v.name, channel: v.channel, expiresAt: v.expiresAt?.toISOString() ?? null, maxUses: v.maxUses ?? null, vouch: !!v.vouch });
      setCreated(r.url);
      form.resetFields();
      await qc.invalidateQueries({ queryKey: ['gate', slug, 'invites'] });
    } catch (err) {
      void message.error(errorText(err));
    }
  }
  async function revoke(inv: Invite) {
    try {
      await api('POST', `${path(slug)}/invites/${inv.id}/revoke`);
      await qc.invalidateQueries({ queryKey: ['gate', slug, 'invites'] });
    } catch (err) {
      void message.error(errorText(err));
    }
  }
  const s = stats.data;

  return (
    <Space orientation="vertical" style={{ width: '100%' }} size={16}>
      {s && (
        <Row gutter={[16, 16]}>
          <Col xs={12} md={6}><Card size="small"><Statistic title={t('gate-ui:funnel.applied')} value={s.funnel.applied} /></Card></Col>
          <Col xs={12} md={6}><Card size="small"><Statistic title={t('gate-ui:funnel.approved')} value={s.funnel.approved} /></Card></Col>
          <Col xs={12} md={6}><Card size="small"><Statistic title={t('gate-ui:funnel.introduced')} value={s.funnel.introduced} /></Card></Col>
          <Col xs={12} md={6}><Card size="small"><Statistic title={t('gate-ui:funnel.active')} value={s.funnel.active} /></Card></Col>
          <Col xs={24} md={8}>
            <Card size="small" title={t('gate-ui:referral.growth')}>
              <Statistic value={s.growth.k ?? '—'} precision={s.growth.k === null ? undefined : 2} />
              <Typography.Text type="secondary">{t('gate-ui:referral.growthHelp', { joins: s.growth.referredJoins, base: s.growth.base, inviters: s.growth.inviters })}</Typography.Text>
            </Card>
          </Col>
          <Col xs={24} md={8}>
            <Card size="small" title={t('gate-ui:referral.channels')}>
              <ResponsiveTable size="small" rowKey="channel" pagination={false} dataSource={s.channels} columns={[{ title: t('gate-ui:referral.channel'), dataIndex: 'channel' }, { title: t('gate-ui:referral.joins'), dataIndex: 'joins' }]} />
            </Card>
          </Col>
          <Col xs={24} md={8}>
            <Card size="small" title={t('gate-ui:referral.leaderboard')}>
              <ResponsiveTable size="small" rowKey="userId" pagination={false} dataSource={s.leaderboard} columns={[{ title: t('gate-ui:referral.member'), dataIndex: 'displayName' }, { title: t('gate-ui:referral.direct'), dataIndex: 'direct' }, { title: t('gate-ui:referral.total'), dataIndex: 'total' }]} />
            </Card>
          </Col>
          <Col xs={24}>
            <Card size="small" title={t('gate-ui:referral.tree')}>
              <ReferralTree slug={slug} first={s.tree} />
            </Card>
          </Col>
        </Row>
      )}
      <Card size="small" title={t('gate-ui:invites.newCampaign')}>
        <Form form={form} layout="inline" onFinish={(v) => void create(v)} style={{ rowGap: 8 }}>
          <Form.Item name="name" rules={[{ required: true, max: 80 }]}><Input placeholder={t('gate-ui:invites.name')} /></Form.Item>
          <Form.Item name="channel" rules={[{ required: true, pattern: /^[a-z0-9][a-z0-9-]{0,39}$/, message: t('gate-ui:invites.channelHelp') }]}><Input placeholder={t('gate-ui:invites.channel')} /></Form.Item>
          <Form.Item name="expiresAt"><DatePicker showTime placeholder={t('gate-ui:invites.expiresAt')} /></Form.Item>
          <Form.Item name="maxUses"><InputNumber min={1} placeholder={t('gate-ui:invites.maxUses')} /></Form.Item>
          <Form.Item name="vouch" valuePropName="checked"><Checkbox>{t('gate-ui:invites.vouch')}</Checkbox></Form.Item>
          <Button type="primary" htmlType="submit">{t('gate-ui:invites.create')}</Button>
        </Form>
        {created && <Alert style={{ marginTop: 12 }} type="success" showIcon title={t('gate-ui:invites.copyNow')} description={<Typography.Text copyable data-testid="campaign-url">{created}</Typography.Text>} />}
      </Card>
      <ResponsiveTable<Invite>
        rowKey="id"
        size="small"
        loading={invites.isLoading}
        dataSource={invites.data?.invites ?? []}
        columns={[
          { title: t('gate-ui:invites.name'), render: (_, i) => i.name ?? t('gate-ui:invites.personal') },
          { title: t('gate-ui:invites.channel'), render: (_, i) => <Tag>{i.channel ?? 'referral'}</Tag> },
          { title: t('gate-ui:invites.uses'), render: (_, i) => `${i.uses}${i.maxUses !== null ? ` / ${i.maxUses}` : ''}` },
          { title: t('gate-ui:invites.expiresAt'), render: (_, i) => (i.expiresAt ? new Date(i.expiresAt).toLocaleString(i18n.language) : '—') },
          { title: '', render: (_, i) => (i.live ? <Button size="small" onClick={() => void revoke(i)}>{t('gate-ui:invites.revoke')}</Button> : <Tag>{t('gate-ui:invites.dead')}</Tag>) },
        ]}
      />
    </Space>
  );
}
