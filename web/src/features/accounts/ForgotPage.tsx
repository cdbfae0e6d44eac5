import { useState } from 'react';
import { Alert, Button, Form, Input, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { api, showFieldErrors } from '../../app/api.js';
import { useErrorText } from '../../app/states.js';
import { AuthCard } from './AuthCard.js';

export function ForgotPage() {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ email: string }>();
  const [sent, setSent] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const errorText = useErrorText();

  async function submit(values: { email: string }) {
    setBusy(true);
    setError(null);
    try {
      await api('POST', '/api/auth/password-reset', values);
      setSent(true);
    } catch (err) {
      if (!showFieldErrors(form, err, ['email'])) setError(errorText(err));
    } finally {
      setBusy(false);
    }
  }

  if (sent) {
    return (
      <AuthCard title={t('accounts-ui:forgot.title')}>
        <Result status="success" title={t('accounts-ui:forgot.sentTitle')} subTitle={t('accounts-ui:forgot.sent')} extra={<Link to="/signin">{t('accounts-ui:forgot.back')}</Link>} />
      </AuthCard>
    );
  }
  return (
    <AuthCard title={t('accounts-ui:forgot.title')} intro={t('accounts-ui:forgot.intro')}>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} role="alert" />}
      <Form form={form} layout="vertical" size="large" onFinish={submit} requiredMark={false}>
        <Form.Item name="email" label={t('accounts-ui:field.email')} rules={[{ required: true, type: 'email', message: t('accounts-ui:validation.email') }]}>
          <Input type="email" autoComplete="email" inputMode="email" placeholder={t('accounts-ui:placeholder.email')} />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={busy}>
          {t('accounts-ui:forgot.submit')}
        </Button>
      </Form>
      <div style={{ marginTop: 16 }}>
        <Link to="/signin">{t('accounts-ui:forgot.back')}</Link>
      </div>
    </AuthCard>
  );
}
