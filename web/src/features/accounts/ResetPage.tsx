import { useState } from 'react';
import { Alert, Button, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { api, ApiError, showFieldErrors } from '../../app/api.js';
import { useSignedIn, type UserBody } from '../../app/session.js';
import { useErrorText } from '../../app/states.js';
import { AuthCard } from './AuthCard.js';
import { PASSWORD_MIN } from './SignUpPage.js';

interface Values {
  password: string;
  confirm: string;
}

export function ResetPage() {
  const { t } = useTranslation();
  const { token = '' } = useParams();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<'token' | string | null>(null);
  const [busy, setBusy] = useState(false);
  const signedIn = useSignedIn();
  const navigate = useNavigate();
  const errorText = useErrorText();

  async function submit(values: Values) {
    setBusy(true);
    setError(null);
    try {
      const { user } = await api<UserBody>('POST', '/api/auth/password-reset/confirm', { token, password: values.password });
      signedIn(user);
      navigate('/', { replace: true });
    } catch (err) {
      if (err instanceof ApiError && err.fields.some((f) => f.path === 'token')) setError('token');
      else if (!showFieldErrors(form, err, ['password'])) setError(errorText(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <AuthCard title={t('accounts-ui:reset.title')}>
      {error === 'token' ? (
        <Alert
          type="error"
          showIcon
          role="alert"
          style={{ marginBottom: 16 }}
          title={t('accounts-ui:reset.badToken')}
          description={<Link to="/forgot">{t('accounts-ui:reset.again')}</Link>}
        />
      ) : (
        error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} role="alert" />
      )}
      <Form form={form} layout="vertical" size="large" onFinish={submit} requiredMark={false}>
        <Form.Item
          name="password"
          label={t('accounts-ui:field.newPassword')}
          extra={t('accounts-ui:help.password', { min: PASSWORD_MIN })}
          rules={[{ required: true, min: PASSWORD_MIN, message: t('accounts-ui:validation.passwordLength', { min: PASSWORD_MIN }) }]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="confirm"
          label={t('accounts-ui:field.confirmPassword')}
          dependencies={['password']}
          rules={[
            { required: true, message: t('accounts-ui:validation.confirm') },
            ({ getFieldValue }) => ({
              validator: (_, value) => (value === getFieldValue('password') ? Promise.resolve() : Promise.reject(new Error(t('accounts-ui:validation.confirm')))),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={busy}>
          {t('accounts-ui:reset.submit')}
        </Button>
      </Form>
    </AuthCard>
  );
}
