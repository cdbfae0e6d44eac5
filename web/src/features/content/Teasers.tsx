/** On the public page: posts whose authors chose a public teaser — the title and the teaser, the rest behind the gate. */
import { Card, Typography } from 'antd';
import { LockOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useTeasers } from './api.js';

export function Teasers({ slug, member }: { slug: string; member: boolean }) {
  const { t } = useTranslation();
  const q = useTeasers(slug);
  const teasers = q.data?.teasers ?? [];
  if (teasers.length === 0) return null;
  return (
    <Card size="small" title={t('content-ui:teasers.title')} style={{ marginBottom: 12 }} data-testid="teasers">
      {teasers.map((x) => (
        <div key={x.id} style={{ marginBottom: 12 }} data-testid="teaser">
          {x.title && <Typography.Text strong style={{ display: 'block', fontSize: 15 }}>{x.title}</Typography.Text>}
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: '2px 0' }}>{x.teaser}</Typography.Paragraph>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {x.author.displayName}
            {!member && (
              <>
                {' · '}
                <LockOutlined /> {t('content-ui:teasers.more')}
              </>
            )}
          </Typography.Text>
        </div>
      ))}
    </Card>
  );
}
