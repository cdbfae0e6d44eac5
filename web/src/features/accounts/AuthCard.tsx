/** The narrow card the account pages share: large inputs and tap targets for phones. */
import type { ReactNode } from 'react';
import { Card, Typography } from 'antd';
import { Page } from '../../app/states.js';

export function AuthCard({ title, intro, children }: { title: string; intro?: string; children: ReactNode }) {
  return (
    <Page width={440}>
      <Card style={{ marginTop: 16 }}>
        <Typography.Title level={2} style={{ marginTop: 0 }}>
          {title}
        </Typography.Title>
        {intro && <Typography.Paragraph type="secondary">{intro}</Typography.Paragraph>}
        {children}
      </Card>
    </Page>
  );
}
