import { useState } from 'react';
import { Alert, Button, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { api, ApiError, showFieldErrors } from '../../app/api.js';
import { useSignedIn, type UserBody } from '../../app/session.js';
import { useErrorText } from '../../app/states.js';
import { AuthCard } from './AuthCard.js';

interface Values {
  email: string;
  password: string;
}

/** Only same-site paths: a ?next= pointing elsewhere would be an open redirect. */
export function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') && next !== '/signin' ? next : '/';
}

export function SignInPage() {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const signedIn = useSignedIn();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const errorText = useErrorText();

  async function submit(values: Values) {
    setBusy(true);
    setError(null);
    try {
      const { user } = await api<UserBody>('POST', '/api/auth/signin', values);
      signedIn(user);
      navigate(safeNext(params.get('next')), { replace: true });
    } catch (err) {
      if (err instanceof ApiError && err.status === 401) setError(t('accounts-ui:signIn.wrong'));
      else if (!showFieldErrors(form, err, ['email', 'password'])) setError(errorText(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <AuthCard title={t('accounts-ui:signIn.title')}>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} role="alert" />}
      <Form form={form} layout="vertical" size="large" onFinish={submit} requiredMark={false}>
        <Form.Item name="email" label={t('accounts-ui:field.email')} rules={[{ required: true, type: 'email', message: t('accounts-ui:validation.email') }]}>
          <Input type="email" autoComplete="email" inputMode="email" placeholder={t('accounts-ui:placeholder.email')} />
        </Form.Item>
        <Form.Item name="password" label={t('accounts-ui:field.password')} rules={[{ required: true, message: t('accounts-ui:validation.passwordRequired') }]}>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={busy}>
          {t('accounts-ui:signIn.submit')}
        </Button>
      </Form>
      <div style={{ display: 'flex', justifyContent: 'space-between', marginTop: 16, gap: 8, flexWrap: 'wrap' }}>
        <Link to="/forgot">{t('accounts-ui:signIn.forgot')}</Link>
        <Link to={`/signup${params.get('next') ? `?next=${encodeURIComponent(params.get('next')!)}` : ''}`}>{t('accounts-ui:signIn.toSignUp')}</Link>
      </div>
    </AuthCard>
  );
}
