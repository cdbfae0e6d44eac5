/** `/c/:slug/welcome`: a new member accepts the norms, writes the self-introduction, and finds their invite link. */
import { useState } from 'react';
import { Alert, App, Button, Card, Form, Input, Space, Steps, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { api, ApiError, problemText } from '../../app/api.js';
import { useMe } from '../../app/session.js';
import { ErrorState, Loading, Page, useErrorText } from '../../app/states.js';
import { path } from '../communities/api.js';
import { useInvites, type InviteCreated } from '../gate/api.js';
import { useOnboarding, type OnboardingView } from './api.js';
import { useFieldLabel } from './IntroFields.js';

export function OnboardingPage() {
  const { t, i18n } = useTranslation();
  const { slug = '' } = useParams();
  const q = useOnboarding(slug);
  const me = useMe();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const label = useFieldLabel();
  const [form] = Form.useForm<Record<string, string>>();
  const [busy, setBusy] = useState(false);
  if (q.isLoading) return <Loading />;
  if (q.error || !q.data) return <ErrorState error={q.error} retry={() => void q.refetch()} />;
  const { norms, template, intro, status } = q.data;

  async function act(fn: () => Promise<OnboardingView>) {
    setBusy(true);
    try {
      qc.setQueryData(['members', slug, 'onboarding'], await fn());
    } catch (err) {
      if (err instanceof ApiError && err.fields.length) form.setFields(err.fields.filter((f) => f.path.startsWith('intro.')).map((f) => ({ name: f.path.slice(6), errors: [problemText(f, err)] })));
      else void message.error(errorText(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Page width={600}>
      <Typography.Title level={2} style={{ fontSize: 24 }}>{t('gate-ui:welcome.title')}</Typography.Title>
      <Steps
        size="small"
        current={status.normsAccepted ? (status.introduced ? 2 : 1) : 0}
        items={[{ title: t('gate-ui:welcome.norms') }, { title: t('gate-ui:welcome.intro') }, { title: t('gate-ui:welcome.done') }]}
        style={{ marginBottom: 16 }}
      />
      {!status.introduced && (
        <Alert
          type={status.overdue ? 'warning' : 'info'}
          showIcon
          style={{ marginBottom: 12 }}
          title={status.overdue ? t('gate-ui:welcome.overdue') : t('gate-ui:welcome.due', { n: status.daysLeft, at: new Date(status.dueAt).toLocaleDateString(i18n.language) })}
        />
      )}
      <Card size="small" title={t('gate-ui:welcome.norms')} style={{ marginBottom: 12 }}>
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{norms || t('gate-ui:welcome.noNorms')}</Typography.Paragraph>
        {status.normsAccepted ? (
          <Typography.Text type="success">{t('gate-ui:welcome.accepted')}</Typography.Text>
        ) : (
          <Button type="primary" block loading={busy} onClick={() => void act(() => api('POST', `${path(slug)}/onboarding/norms`))} data-testid="accept-norms">
            {t('gate-ui:welcome.accept')}
          </Button>
        )}
      </Card>
      <Card size="small" title={t('gate-ui:welcome.intro')} style={{ marginBottom: 12 }}>
        <Form form={form} layout="vertical" initialValues={intro ?? {}} onFinish={(v) => void act(() => api('POST', `${path(slug)}/intro`, { intro: trimmed(v) }))} data-testid="intro-form">
          {template.fields.map((f) => (
            <Form.Item key={f.id} name={f.id} label={label(f.label)} rules={f.required ? [{ required: true, message: t('gate-ui:apply.required') }] : []}>
              <Input.TextArea autoSize={{ minRows: 1, maxRows: 6 }} maxLength={f.maxLength ?? 1000} />
            </Form.Item>
          ))}
          <Button type="primary" htmlType="submit" block loading={busy} data-testid="intro-submit">
            {status.introduced ? t('gate-ui:welcome.update') : t('gate-ui:welcome.publish')}
          </Button>
        </Form>
      </Card>
      {status.introduced && me.data && (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Link to={`/c/${slug}/m/${me.data.id}`}>{t('gate-ui:welcome.seeProfile')}</Link>
          <MyInvite slug={slug} />
        </Space>
      )}
    </Page>
  );
}

/** A member's personal invite link, within the quota of their role. */
function MyInvite({ slug }: { slug: string }) {
  const { t } = useTranslation();
  const q = useInvites(slug);
  const [url, setUrl] = useState<string | null>(null);
  const errorText = useErrorText();
  const [error, setError] = useState<string | null>(null);
  if (!q.data) return null;
  return (
    <Card size="small" title={t('gate-ui:invites.mine')}>
      <Typography.Paragraph type="secondary">
        {q.data.quotaLeft === null ? t('gate-ui:invites.unlimited') : t('gate-ui:invites.left', { n: q.data.quotaLeft })}
      </Typography.Paragraph>
      {url ? (
        <Typography.Text copyable>{url}</Typography.Text>
      ) : (
        <Button disabled={q.data.quotaLeft === 0} onClick={() => api<InviteCreated>('POST', `${path(slug)}/invites`, { kind: 'personal' }).then((r) => setUrl(r.url), (e: unknown) => setError(errorText(e)))}>
          {t('gate-ui:invites.createMine')}
        </Button>
      )}
      {error && <Alert type="error" title={error} style={{ marginTop: 8 }} />}
    </Card>
  );
}

function trimmed(v: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(Object.entries(v).filter(([, x]) => typeof x === 'string' && x.trim() !== '')) as Record<string, string>;
}
