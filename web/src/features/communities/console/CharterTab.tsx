/** Console → charter: edit the charter; only changed fields are sent, so the event names them. */
import { App, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { api } from '../../../app/api.js';
import { path, type Charter, type CharterSaved, type Community } from '../api.js';
import { CharterForm, CHARTER_FIELDS } from '../CharterForm.js';
import { useConsole } from './ConsoleLayout.js';

export function CharterTab() {
  const { t } = useTranslation();
  const { slug, home } = useConsole();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const initial = useMemo(() => pickCharter(home.community), [home.community]);

  return (
    <div style={{ maxWidth: 760 }}>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t('communities-ui:console.charterTitle')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('communities-ui:console.charterIntro')}</Typography.Paragraph>
      <CharterForm
        initial={initial}
        currentSlug={slug}
        submitLabel={t('communities-ui:console.save')}
        onSubmit={async (values) => {
          const changed = Object.fromEntries(CHARTER_FIELDS.filter((f) => values[f] !== initial[f]).map((f) => [f, values[f]]));
          if (Object.keys(changed).length === 0) {
            void message.info(t('communities-ui:console.noChanges'));
            return;
          }
          const { community } = await api<CharterSaved>('PATCH', `${path(slug)}/charter`, changed);
          await qc.invalidateQueries({ queryKey: ['community'] });
          await qc.invalidateQueries({ queryKey: ['communities'] });
          void message.success(t('communities-ui:console.saved'));
          if (community.slug !== slug) navigate(`/c/${community.slug}/console`, { replace: true });
        }}
      />
    </div>
  );
}

function pickCharter(c: Community): Charter {
  return Object.fromEntries(CHARTER_FIELDS.map((f) => [f, c[f]])) as unknown as Charter;
}
