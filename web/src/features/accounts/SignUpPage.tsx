import { useState } from 'react';
import { Alert, Button, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { api, showFieldErrors } from '../../app/api.js';
import { currentLang } from '../../app/i18n.js';
import { useSignedIn, type UserBody } from '../../app/session.js';
import { useErrorText } from '../../app/states.js';
import { AuthCard } from './AuthCard.js';
import { safeNext } from './SignInPage.js';

interface Values {
  displayName: string;
  email: string;
  password: string;
}

export const PASSWORD_MIN = 8;

export function SignUpPage() {
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
      const { user } = await api<UserBody>('POST', '/api/auth/signup', { ...values, locale: currentLang() });
      signedIn(user);
      navigate(safeNext(params.get('next')), { replace: true });
    } catch (err) {
      if (!showFieldErrors(form, err, ['displayName', 'email', 'password'], { 'email:conflict': t('accounts-ui:signUp.emailTaken') })) setError(errorText(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <AuthCard title={t('accounts-ui:signUp.title')} intro={t('accounts-ui:signUp.intro')}>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} role="alert" />}
      <Form form={form} layout="vertical" size="large" onFinish={submit} requiredMark={false}>
        <Form.Item
          name="displayName"
          label={t('accounts-ui:field.displayName')}
          extra={t('accounts-ui:help.displayName')}
          rules={[{ required: true, whitespace: true, max: 60, message: t('accounts-ui:validation.displayName') }]}
        >
          <Input autoComplete="nickname" maxLength={60} />
        </Form.Item>
        <Form.Item name="email" label={t('accounts-ui:field.email')} rules={[{ required: true, type: 'email', message: t('accounts-ui:validation.email') }]}>
          <Input type="email" autoComplete="email" inputMode="email" placeholder={t('accounts-ui:placeholder.email')} />
        </Form.Item>
        <Form.Item
          name="password"
          label={t('accounts-ui:field.password')}
          extra={t('accounts-ui:help.password', { min: PASSWORD_MIN })}
          dependencies={['email']}
          rules={[
            { required: true, min: PASSWORD_MIN, message: t('accounts-ui:validation.passwordLength', { min: PASSWORD_MIN }) },
            ({ getFieldValue }) => ({
              validator: (_, value?: string) =>
                value && value.trim().toLowerCase() === String(getFieldValue('email') ?? '').trim().toLowerCase() ? Promise.reject(new Error(t('accounts-ui:validation.passwordIsEmail'))) : Promise.resolve(),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={busy}>
          {t('accounts-ui:signUp.submit')}
        </Button>
      </Form>
      <div style={{ marginTop: 16 }}>
        <Link to="/signin">{t('accounts-ui:signUp.toSignIn')}</Link>
      </div>
    </AuthCard>
  );
}
