/** `/c/:slug/apply` and `/c/:slug/join/:code`: the mobile-first application form, with an invite link or not. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Checkbox, Form, Input, Radio, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { api, ApiError, problemText } from '../../app/api.js';
import { useMe } from '../../app/session.js';
import { ErrorState, Loading, Page, useErrorText } from '../../app/states.js';
import { path, usePublicCommunity } from '../communities/api.js';
import { useApplyPage, type Answers, type ApplicationBody } from './api.js';

export function ApplyPage() {
  const { t, i18n } = useTranslation();
  const { slug = '', code } = useParams();
  const me = useMe();
  const community = usePublicCommunity(slug);
  const page = useApplyPage(slug, code);
  const [form] = Form.useForm<Answers>();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const errorText = useErrorText();
  const submit = useMutation({
    mutationFn: (answers: Answers) => api<ApplicationBody>('POST', `${path(slug)}/apply`, { answers, ...(code ? { code } : {}) }),
    onSuccess: async () => {
      await qc.invalidateQueries({ queryKey: ['gate', slug] });
      await qc.invalidateQueries({ queryKey: ['community', slug] });
      navigate(`/c/${slug}/status`);
    },
    onError: (err) => {
      if (err instanceof ApiError) form.setFields(err.fields.filter((f) => f.path.startsWith('answers.')).map((f) => ({ name: f.path.slice(8), errors: [problemText(f, err)] })));
    },
  });
  if (page.isLoading || community.isLoading || me.isLoading) return <Loading />;
  if (page.error || !page.data) return <ErrorState error={page.error} retry={() => void page.refetch()} />;
  const { form: def, open, invite, application } = page.data;
  const here = code ? `/c/${slug}/join/${code}` : `/c/${slug}/apply`;
  const generalError = submit.error && !(submit.error instanceof ApiError && submit.error.fields.some((f) => f.path.startsWith('answers.'))) ? refusal(submit.error) : null;

  /** The server's refusals in the reader's language: cooldown, a dead invite, a block, an application already there. */
  function refusal(err: unknown): string {
    if (!(err instanceof ApiError)) return errorText(err);
    const cooldown = err.fields.find((f) => f.path === 'cooldownUntil');
    if (cooldown) return t('gate-ui:status.cooldown', { at: new Date(cooldown.message).toLocaleString(i18n.language) });
    if (err.fields.some((f) => f.path === 'code')) return t('gate-ui:apply.inviteInvalid');
    if (err.status === 403 && err.code === 'forbidden') return t('gate-ui:apply.refused');
    if (err.status === 409) return t('gate-ui:apply.alreadyApplied');
    return errorText(err);
  }

  return (
    <Page width={560}>
      <Typography.Title level={2} style={{ fontSize: 24, margin: '8px 0' }}>
        {t('gate-ui:apply.title', { name: community.data?.community.name ?? slug })}
      </Typography.Title>
      {community.data?.community.entryCriteria && (
        <Typography.Paragraph type="secondary" style={{ whiteSpace: 'pre-wrap' }}>
          {t('gate-ui:apply.criteria')}: {community.data.community.entryCriteria}
        </Typography.Paragraph>
      )}
      {code && !invite && <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={t('gate-ui:apply.inviteInvalid')} />}
      {invite && (
        <Alert
          type="success"
          showIcon
          style={{ marginBottom: 12 }}
          title={invite.kind === 'campaign' ? t('gate-ui:apply.viaCampaign', { name: invite.name ?? '' }) : t('gate-ui:apply.viaFriend')}
          description={invite.vouch ? t('gate-ui:apply.vouched') : undefined}
        />
      )}
      {application && (application.state === 'pending' || application.state === 'waitlisted') ? (
        <Alert type="info" showIcon title={t('gate-ui:apply.alreadyApplied')} action={<Link to={`/c/${slug}/status`}>{t('gate-ui:apply.seeStatus')}</Link>} />
      ) : !open ? (
        <Alert type="warning" showIcon title={t('gate-ui:apply.closed')} />
      ) : !me.data ? (
        <Card>
          <Typography.Paragraph>{t('gate-ui:apply.signInFirst')}</Typography.Paragraph>
          <Space orientation="vertical" style={{ width: '100%' }}>
            <Link to={`/signup?next=${encodeURIComponent(here)}`}>
              <Button type="primary" size="large" block>
                {t('gate-ui:apply.signUp')}
              </Button>
            </Link>
            <Link to={`/signin?next=${encodeURIComponent(here)}`}>
              <Button size="large" block>
                {t('gate-ui:apply.signIn')}
              </Button>
            </Link>
          </Space>
        </Card>
      ) : (
        <Form form={form} layout="vertical" size="large" onFinish={(v) => submit.mutate(clean(v))} data-testid="apply-form">
          {def.questions.map((q) => (
            <Form.Item key={q.id} name={q.id} label={q.label} extra={q.help} rules={q.required ? [{ required: true, message: t('gate-ui:apply.required') }] : []}>
              {q.kind === 'short_text' ? (
                <Input maxLength={q.maxLength ?? 200} />
              ) : q.kind === 'long_text' ? (
                <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} maxLength={q.maxLength ?? 5000} showCount />
              ) : q.kind === 'single_choice' ? (
                <Radio.Group options={(q.options ?? []).map((o) => ({ value: o.id, label: o.label }))} style={{ display: 'flex', flexDirection: 'column', gap: 8 }} />
              ) : (
                <Checkbox.Group options={(q.options ?? []).map((o) => ({ value: o.id, label: o.label }))} style={{ display: 'flex', flexDirection: 'column', gap: 8 }} />
              )}
            </Form.Item>
          ))}
          {generalError && <Alert type="error" showIcon style={{ marginBottom: 12 }} title={generalError} />}
          <Button type="primary" htmlType="submit" block loading={submit.isPending} data-testid="apply-submit">
            {t('gate-ui:apply.submit')}
          </Button>
        </Form>
      )}
    </Page>
  );
}

/** Drops unanswered optional questions so the server sees only real answers. */
function clean(values: Answers): Answers {
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined && v !== null && !(Array.isArray(v) && v.length === 0) && v !== ''));
}
