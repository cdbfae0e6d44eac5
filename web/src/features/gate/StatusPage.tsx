/** `/c/:slug/status`: the applicant's own status — pending, approved, waitlisted, rejected (with the reason), cooldown — and notices. */
import { Alert, Button, Card, List, Popconfirm, Result, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { api } from '../../app/api.js';
import { path } from '../communities/api.js';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { ErrorState, Loading, Page } from '../../app/states.js';
import { NoticesBell, noticeLink, noticeText } from '../members/notices.js';
import { StandingBanner } from '../pruning/StandingBanner.js';
import { useStatus } from './api.js';

export function StatusPage() {
  const { t, i18n } = useTranslation();
  const { slug = '' } = useParams();
  const q = useStatus(slug);
  const qc = useQueryClient();
  const withdrawButton = (
    <Popconfirm title={t('gate-ui:status.withdrawConfirm')} onConfirm={() => api('POST', `${path(slug)}/application/withdraw`).then(() => qc.invalidateQueries({ queryKey: ['gate', slug] }))}>
      <Button>{t('gate-ui:status.withdraw')}</Button>
    </Popconfirm>
  );
  if (q.isLoading) return <Loading />;
  if (q.error || !q.data) return <ErrorState error={q.error} retry={() => void q.refetch()} />;
  const { application, membership, waitlistPosition, cooldownUntil, notifications } = q.data;
  const date = (iso: string) => new Date(iso).toLocaleString(i18n.language);
  const member = membership?.state === 'member';
  return (
    <Page width={560}>
      <div style={{ display: 'flex', justifyContent: 'flex-end' }}>
        <NoticesBell slug={slug} />
      </div>
      <StandingBanner slug={slug} />
      {member ? (
        <Result
          status="success"
          title={t('gate-ui:status.member')}
          extra={[
            <Link key="w" to={`/c/${slug}/welcome`}>
              <Button type="primary">{t('gate-ui:status.onboarding')}</Button>
            </Link>,
            <Link key="h" to={`/c/${slug}/home`}>
              <Button>{t('gate-ui:status.home')}</Button>
            </Link>,
            <Link key="s" to={`/c/${slug}/standing`}>
              <Button type="link">{t('gate-ui:status.standing')}</Button>
            </Link>,
          ]}
        />
      ) : !application ? (
        <Result status="info" title={t('gate-ui:status.none')} extra={<Link to={`/c/${slug}/apply`}><Button type="primary">{t('gate-ui:status.applyNow')}</Button></Link>} />
      ) : application.state === 'pending' ? (
        <Result status="info" title={t('gate-ui:status.pending')} subTitle={t('gate-ui:status.pendingText', { at: date(application.createdAt) })} extra={withdrawButton} />
      ) : application.state === 'waitlisted' ? (
        <Result status="warning" title={t('gate-ui:status.waitlisted')} subTitle={t('gate-ui:status.position', { n: waitlistPosition ?? '?' })} extra={withdrawButton} />
      ) : application.state === 'rejected' ? (
        <Result
          status="error"
          title={t('gate-ui:status.rejected')}
          subTitle={application.reason ? t('gate-ui:status.reason', { reason: application.reason }) : undefined}
          extra={cooldownUntil ? <Alert type="info" title={t('gate-ui:status.cooldown', { at: date(cooldownUntil) })} /> : <Link to={`/c/${slug}/apply`}><Button>{t('gate-ui:status.applyAgain')}</Button></Link>}
        />
      ) : (
        <Result status="info" title={t(`gate-ui:state.${application.state}`)} extra={<Link to={`/c/${slug}/apply`}><Button>{t('gate-ui:status.applyAgain')}</Button></Link>} />
      )}
      {notifications.length > 0 && (
        <Card size="small" title={t('gate-ui:status.notices')}>
          <List
            dataSource={notifications}
            renderItem={(n) => (
              <List.Item>
                <Link to={noticeLink(slug, n)} style={{ color: 'inherit' }}>
                  <Typography.Text strong={!n.readAt}>{noticeText(t, n)}</Typography.Text>
                </Link>
                <Typography.Text type="secondary">{date(n.createdAt)}</Typography.Text>
              </List.Item>
            )}
          />
        </Card>
      )}
    </Page>
  );
}
