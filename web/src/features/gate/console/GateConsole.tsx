/** Console → gate: review queue, application form, screening rules, invites & referral, paid tiers, settings. */
import { Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { ReviewTab } from './ReviewTab.js';
import { FormTab } from './FormTab.js';
import { RulesTab } from './RulesTab.js';
import { InvitesTab } from './InvitesTab.js';
import { TiersTab } from './TiersTab.js';
import { SettingsTab } from './SettingsTab.js';

export function GateConsole() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') ?? 'review';
  return (
    <Tabs
      activeKey={tab}
      onChange={(key) => setParams({ tab: key })}
      destroyOnHidden
      items={[
        { key: 'review', label: t('gate-ui:console.review'), children: <ReviewTab /> },
        { key: 'form', label: t('gate-ui:console.form'), children: <FormTab /> },
        { key: 'rules', label: t('gate-ui:console.rules'), children: <RulesTab /> },
        { key: 'invites', label: t('gate-ui:console.invites'), children: <InvitesTab /> },
        { key: 'tiers', label: t('gate-ui:console.tiers'), children: <TiersTab /> },
        { key: 'settings', label: t('gate-ui:console.settings'), children: <SettingsTab /> },
      ]}
    />
  );
}
