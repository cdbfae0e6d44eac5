/** `/c/:slug/m/:userId`: a member's profile with their self-introduction (members only), and their timeline for the operators. */
import { Card, Descriptions, Empty, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { ErrorState, Loading, Page } from '../../app/states.js';
import { useProfile } from './api.js';
import { useFieldLabel } from './IntroFields.js';
import { ReportMemberButton } from '../pruning/ReportMemberButton.js';
import { MemberTimeline } from './Timeline.js';

export function ProfilePage() {
  const { t, i18n } = useTranslation();
  const { slug = '', userId = '' } = useParams();
  const q = useProfile(slug, userId);
  const label = useFieldLabel();
  if (q.isLoading) return <Loading />;
  if (q.error || !q.data) return <ErrorState error={q.error} retry={() => void q.refetch()} />;
  const { profile, template } = q.data;
  return (
    <Page width={600}>
      <Typography.Title level={2} style={{ fontSize: 24, marginBottom: 4 }} data-testid="profile-name">{profile.displayName}</Typography.Title>
      <Typography.Text type="secondary">
        {t(`communities-ui:role.${profile.role}`)}
        {profile.joinedAt && ` · ${t('gate-ui:profile.joined', { at: new Date(profile.joinedAt).toLocaleDateString(i18n.language) })}`}
      </Typography.Text>
      <ReportMemberButton slug={slug} userId={userId} name={profile.displayName} />
      <Card size="small" title={t('gate-ui:welcome.intro')} style={{ marginTop: 16 }}>
        {profile.intro ? (
          <Descriptions column={1} size="small" data-testid="profile-intro">
            {template.fields.filter((f) => profile.intro?.[f.id]).map((f) => (
              <Descriptions.Item key={f.id} label={label(f.label)}>
                <span style={{ whiteSpace: 'pre-wrap' }}>{profile.intro![f.id]}</span>
              </Descriptions.Item>
            ))}
          </Descriptions>
        ) : (
          <Empty description={t('gate-ui:profile.noIntro')} />
        )}
      </Card>
      <MemberTimeline slug={slug} userId={userId} />
    </Page>
  );
}
