/** A number that links to its definition in docs/metrics.md (shown in a dialog, in the docs' language). */
import { useState, type ReactNode } from 'react';
import { Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { definitionOf } from './metricsDoc.js';

export function Defined({ metric, children }: { metric: string; children: ReactNode }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const def = definitionOf(metric);
  if (!def) return <>{children}</>;
  return (
    <>
      <Typography.Link onClick={() => setOpen(true)} title={t('health-ui:definition', { metric })} data-metric={metric}>
        {children}
      </Typography.Link>
      <Modal open={open} onCancel={() => setOpen(false)} footer={null} width={760} title={`docs/metrics.md — ${def.title}`}>
        <pre style={{ whiteSpace: 'pre-wrap', fontSize: 13, maxHeight: '60vh', overflow: 'auto' }}>{def.text}</pre>
      </Modal>
    </>
  );
}
