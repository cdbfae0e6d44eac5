/**
 * The member's standing where they already are (member home, public page): a warning banner
 * (why, deadline, what keeps them) or, for a removed member, the removal and the way to appeal.
 * Reads /pruning/me; says nothing when all is well or when the person has no membership here.
 */
import { Alert, Button, Space } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { api } from '../../app/api.js';
import { useMe } from '../../app/session.js';
import { day, pruningPath, ruleName, say, type MyStatus } from './api.js';

export function useMyStanding(slug: string, enabled = true) {
  return useQuery({
    queryKey: ['pruning', slug, 'me'],
    queryFn: () => api<MyStatus>('GET', `${pruningPath(slug)}/pruning/me`),
    enabled,
    retry: false,
  });
}

export function StandingBanner({ slug }: { slug: string }) {
  const { t } = useTranslation();
  const me = useMe();
  const q = useMyStanding(slug, !!me.data);
  const s = q.data;
  if (!s) return null;
  const standing = (
    <Link to={`/c/${slug}/standing`}>
      <Button type="primary" block>
        {t(s.removal ? 'pruning-ui:banner.appealAction' : 'pruning-ui:banner.open')}
      </Button>
    </Link>
  );
  if (s.removal) {
    const r = s.removal;
    const appealLine = r.appeal
      ? t(`pruning-ui:status.appeal.${r.appeal.state}`)
      : r.canAppeal
        ? t('pruning-ui:status.appealUntil', { date: day(r.appealUntil) })
        : t('pruning-ui:status.appealClosed');
    return (
      <Alert
        type="error"
        showIcon
        data-testid="standing-banner"
        style={{ margin: '8px 0 12px' }}
        title={t('pruning-ui:status.removed', { date: day(r.at) })}
        description={
          <Space orientation="vertical" style={{ width: '100%' }}>
            <span>{appealLine}</span>
            {standing}
          </Space>
        }
      />
    );
  }
  if (!s.warnings.length) return null;
  return (
    <Space orientation="vertical" style={{ width: '100%', margin: '8px 0 12px' }}>
      {s.warnings.map((w) => (
        <Alert
          key={w.id}
          type="warning"
          showIcon
          data-testid="standing-banner"
          title={t('pruning-ui:banner.warned', { rule: ruleName(t, w.rule), date: day(w.deadline) })}
          description={
            <Space orientation="vertical" style={{ width: '100%' }}>
              <span>{say(t, w.reason)}</span>
              <span>
                <strong>{t('pruning-ui:status.keep')}</strong> {say(t, w.keep)}
              </span>
              {standing}
            </Space>
          }
        />
      ))}
    </Space>
  );
}
