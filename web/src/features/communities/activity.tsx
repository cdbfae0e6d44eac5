/** One activity event in words: who did what to whom, with the event name translated. */
import { Space, Tag, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { ActivityItem } from './api.js';
import { eventDetail } from './eventDetail.js';

export { eventDetail };

export function eventName(t: TFunction, kind: string): string {
  return t(`communities-ui:event.${kind}`, { defaultValue: kind });
}

export function ActivityLine({ item }: { item: ActivityItem }) {
  const { t } = useTranslation();
  const detail = eventDetail(t, item);
  return (
    <Space orientation="vertical" size={2} style={{ width: '100%' }}>
      <Space size={6} wrap>
        <Tag color={kindColor(item.kind)}>{eventName(t, item.kind)}</Tag>
        <Typography.Text strong>{item.actor?.displayName ?? t('communities-ui:activity.system')}</Typography.Text>
        {item.target && item.target.id !== item.actor?.id && (
          <>
            <span aria-label={t('communities-ui:activity.towards')}>→</span>
            <Typography.Text strong>{item.target.displayName}</Typography.Text>
          </>
        )}
      </Space>
      {detail && <Typography.Text type="secondary">{detail}</Typography.Text>}
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        <time dateTime={item.at}>{new Date(item.at).toLocaleString(t('common:dateLocale'))}</time>
      </Typography.Text>
    </Space>
  );
}

function kindColor(kind: string): string {
  if (kind.startsWith('community.')) return 'geekblue';
  if (kind === 'member.removed' || kind === 'member.banned' || kind === 'member.left' || kind === 'member.rejected') return 'volcano';
  if (kind.startsWith('member.')) return 'green';
  if (kind.startsWith('content.')) return 'cyan';
  if (kind.startsWith('activity.')) return 'gold';
  return 'default';
}
