/** Gate settings: open or invite-only, referral vouching, invite quota per role, cooldown, core reviewers, intro deadline, reminders. */
import { App, Button, Form, InputNumber, Radio, Space, Switch, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ErrorState, Loading, useErrorText } from '../../../app/states.js';
import { useConsole } from '../../communities/console/ConsoleLayout.js';
import { useConfig, useSaveConfig, type GateSettings } from '../api.js';

const QUOTA_ROLES = ['admin', 'core', 'member'] as const;

export function SettingsTab() {
  const { t } = useTranslation();
  const { slug } = useConsole();
  const q = useConfig(slug);
  const save = useSaveConfig(slug);
  const { message } = App.useApp();
  const errorText = useErrorText();
  if (q.isLoading) return <Loading />;
  if (q.error || !q.data) return <ErrorState error={q.error} />;
  const settings = q.data.settings;

  async function onFinish(v: Partial<GateSettings> & { reminders?: string }) {
    try {
      const next: GateSettings = { ...settings, ...v, quota: { ...settings.quota, ...v.quota } };
      await save.mutateAsync({ settings: next });
      void message.success(t('gate-ui:settings.saved'));
    } catch (err) {
      void message.error(errorText(err));
    }
  }

  return (
    <Form layout="vertical" initialValues={settings} onFinish={(v) => void onFinish(v)} style={{ maxWidth: 560 }}>
      <Form.Item name="open" label={t('gate-ui:settings.open')} valuePropName="checked" extra={t('gate-ui:settings.openHelp')}>
        <Switch />
      </Form.Item>
      <Form.Item name="referralMode" label={t('gate-ui:settings.referralMode')}>
        <Radio.Group options={[{ value: 'vouch', label: t('gate-ui:settings.vouch') }, { value: 'screen', label: t('gate-ui:settings.screen') }]} />
      </Form.Item>
      <Typography.Text strong>{t('gate-ui:settings.quota')}</Typography.Text>
      <Space wrap style={{ marginTop: 8 }}>
        {QUOTA_ROLES.map((r) => (
          <Form.Item key={r} name={['quota', r]} label={t(`communities-ui:role.${r}`)} extra={t('gate-ui:settings.quotaHelp')}>
            <InputNumber min={0} max={10000} />
          </Form.Item>
        ))}
      </Space>
      <Form.Item name="cooldownDays" label={t('gate-ui:settings.cooldownDays')} rules={[{ required: true }]}>
        <InputNumber min={0} max={3650} />
      </Form.Item>
      <Form.Item name="introDueDays" label={t('gate-ui:settings.introDueDays')} rules={[{ required: true }]}>
        <InputNumber min={1} max={365} />
      </Form.Item>
      <Form.Item name="coreCanReview" label={t('gate-ui:settings.coreCanReview')} valuePropName="checked" extra={q.data.permissions.canSetCoreReview ? undefined : t('gate-ui:settings.ownerOnly')}>
        <Switch disabled={!q.data.permissions.canSetCoreReview} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={save.isPending}>
        {t('gate-ui:settings.save')}
      </Button>
    </Form>
  );
}
