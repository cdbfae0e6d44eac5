/** "Report" on a member's profile: a reason for the admins' reports queue (举报). Hidden on one's own profile. */
import { useState } from 'react';
import { App, Button, Input, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api.js';
import { useMe } from '../../app/session.js';
import { useErrorText } from '../../app/states.js';
import { pruningPath } from './api.js';

export function ReportMemberButton({ slug, userId, name }: { slug: string; userId: string; name: string }) {
  const { t } = useTranslation();
  const me = useMe();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  if (!me.data || me.data.id === userId) return null;
  async function send() {
    setBusy(true);
    try {
      await api('POST', `${pruningPath(slug)}/reports`, { subjectId: userId, reason: reason.trim() });
      void message.success(t('pruning-ui:report.sent'));
      setOpen(false);
      setReason('');
    } catch (err) {
      void message.error(errorText(err));
    } finally {
      setBusy(false);
    }
  }
  return (
    <>
      <Button type="link" danger size="small" onClick={() => setOpen(true)} data-testid="report-member">
        {t('pruning-ui:report.button')}
      </Button>
      <Modal open={open} title={t('pruning-ui:report.title', { name })} onOk={() => void send()} okButtonProps={{ disabled: reason.trim().length < 5, danger: true }} confirmLoading={busy} onCancel={() => setOpen(false)} okText={t('pruning-ui:report.send')}>
        <Typography.Paragraph type="secondary">{t('pruning-ui:report.explain')}</Typography.Paragraph>
        <Input.TextArea rows={4} maxLength={2000} showCount value={reason} onChange={(e) => setReason(e.target.value)} aria-label={t('pruning-ui:report.reason')} placeholder={t('pruning-ui:report.reason')} />
      </Modal>
    </>
  );
}
