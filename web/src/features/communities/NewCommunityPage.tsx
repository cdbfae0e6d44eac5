/** `/new`: found a community by writing its charter; the founder becomes its owner. */
import { App, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { api, ApiError } from '../../app/api.js';
import { useMe } from '../../app/session.js';
import { ErrorState, Loading, Page } from '../../app/states.js';
import type { Created } from './api.js';
import { CharterForm } from './CharterForm.js';

export function NewCommunityPage() {
  const { t } = useTranslation();
  const me = useMe();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const { message } = App.useApp();
  if (me.isLoading) return <Loading />;
  if (!me.data) return <ErrorState error={new ApiError(401, 'unauthorized', '')} />;

  return (
    <Page>
      <Typography.Title level={2}>{t('communities-ui:create.title')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('communities-ui:create.intro')}</Typography.Paragraph>
      <CharterForm
        submitLabel={t('communities-ui:create.submit')}
        onSubmit={async (charter) => {
          const { community } = await api<Created>('POST', '/api/communities', charter);
          await qc.invalidateQueries({ queryKey: ['communities'] });
          void message.success(t('communities-ui:create.done', { name: community.name }));
          navigate(`/c/${community.slug}/home`);
        }}
      />
    </Page>
  );
}
