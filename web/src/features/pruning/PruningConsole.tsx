/** Console → pruning (清理): settings with the dry run, the warnings and review queue, reports, appeals, the audit trail. */
import { Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { useConsole } from '../communities/console/ConsoleLayout.js';
import { SettingsTab } from './SettingsTab.js';
import { AppealsTab, ReportsTab, WarningsTab } from './QueueTabs.js';
import { AuditTab } from './AuditTab.js';

const TABS = ['settings', 'warnings', 'reports', 'appeals', 'audit'] as const;

export function PruningConsole() {
  const { t } = useTranslation();
  const { slug } = useConsole();
  const [params, setParams] = useSearchParams();
  const tab = (TABS as readonly string[]).includes(params.get('tab') ?? '') ? params.get('tab')! : 'settings';
  return (
    <>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t('pruning-ui:title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('pruning-ui:intro')}</Typography.Paragraph>
      <Tabs
        activeKey={tab}
        onChange={(key) => setParams({ tab: key })}
        destroyOnHidden
        items={[
          { key: 'settings', label: t('pruning-ui:tab.settings'), children: <SettingsTab slug={slug} /> },
          { key: 'warnings', label: t('pruning-ui:tab.warnings'), children: <WarningsTab slug={slug} /> },
          { key: 'reports', label: t('pruning-ui:tab.reports'), children: <ReportsTab slug={slug} /> },
          { key: 'appeals', label: t('pruning-ui:tab.appeals'), children: <AppealsTab slug={slug} /> },
          { key: 'audit', label: t('pruning-ui:tab.audit'), children: <AuditTab slug={slug} /> },
        ]}
      />
    </>
  );
}
