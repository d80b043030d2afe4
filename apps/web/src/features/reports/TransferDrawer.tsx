import { useState } from 'react';
import { App, Button, Descriptions, Drawer, Flex, Form, Input, Typography } from 'antd';
import type { TransferView } from '@tianlang/contracts';
import { useT } from '../../i18n';
import { formatDateTime } from '../../lib/format';
import { useShowError } from '../../lib/use-show-error';
import { UrlList } from './OrderCells';
import { DeadlineTag, TransferStateTag } from './ReportTags';
import { TransferReasonModal } from './SubcaseModals';
import { useTransferAction } from './subcases.api';

/** One transfer as the receiving department sees it: what to look into, by when; sign, reply or return it. */
export function TransferDrawer({ transfer: x, canHandle, onClose }: { transfer: TransferView | null; canHandle: boolean; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const showError = useShowError();
  const run = useTransferAction();
  const [form] = Form.useForm<{ text: string }>();
  const [returning, setReturning] = useState(false);
  // After signing, the drawer stays open on the refreshed transfer, ready for the reply.
  const signed = () => void message.success(t('rptTransfer.signed'));
  const replied = () => {
    void message.success(t('rptTransfer.replied'));
    onClose();
  };

  return (
    <Drawer open={x !== null} size={640} title={x ? t('rptTransfer.drawerTitle', { no: x.trackingNo }) : ''} onClose={onClose} destroyOnHidden>
      {x && (
        <Flex vertical gap={16} data-testid="transfer-detail">
          <Descriptions
            size="small"
            column={1}
            bordered
            styles={{ label: { width: 110, whiteSpace: 'nowrap' } }}
            items={[
              { key: 'state', label: t('rpt.state'), children: <TransferStateTag state={x.state} /> },
              { key: 'kind', label: t('rptTransfer.kind'), children: t(`rptTransferKind.${x.kind}`) },
              { key: 'from', label: t('rptTransfer.from'), children: `${x.fromUnitName} → ${x.toUnitName}` },
              { key: 'due', label: t('rpt.deadline'), children: <DeadlineTag dueAt={x.dueAt} status={x.deadlineStatus} /> },
              { key: 'summary', label: t('rpt.summary'), children: <span style={{ whiteSpace: 'pre-wrap' }}>{x.summary}</span> },
              { key: 'urls', label: t('rpt.urls'), children: <UrlList urls={x.urls} /> },
              { key: 'note', label: t('rptTransfer.note'), children: <span style={{ whiteSpace: 'pre-wrap' }}>{x.note}</span> },
              // Present only when the reporter agreed to share it with partner departments.
              ...(x.reporterContact ? [{ key: 'contact', label: t('rptTransfer.contact'), children: x.reporterContact }] : []),
              ...(x.urgeCount > 0 ? [{ key: 'urge', label: t('rptTransfer.urgeCount'), children: x.urgeCount }] : []),
              { key: 'created', label: t('rptTransfer.createdAt'), children: formatDateTime(x.createdAt) },
              ...(x.signedAt ? [{ key: 'signed', label: t('rptTransfer.signedAt'), children: formatDateTime(x.signedAt) }] : []),
              ...(x.replyText ? [{ key: 'reply', label: t('rptTransfer.reply'), children: <span style={{ whiteSpace: 'pre-wrap' }}>{x.replyText}</span> }] : []),
              ...(x.returnReason ? [{ key: 'return', label: t('rptTransfer.returnReason'), children: x.returnReason }] : []),
            ]}
          />
          {canHandle && x.state === 'sent' && (
            <Flex gap={8}>
              <Button type="primary" loading={run.isPending} onClick={() => run.mutate({ id: x.id, action: 'sign' }, { onSuccess: signed, onError: (err) => showError(err) })} data-testid="transfer-sign">
                {t('rptTransfer.sign')}
              </Button>
              <Button danger onClick={() => setReturning(true)} data-testid="transfer-return">{t('rptTransfer.return')}</Button>
            </Flex>
          )}
          {canHandle && x.state === 'signed' && (
            <Form form={form} layout="vertical" onFinish={(v) => run.mutate({ id: x.id, action: 'reply', body: { text: v.text.trim() } }, { onSuccess: replied, onError: (err) => showError(err, form) })}>
              <Typography.Text strong>{t('rptTransfer.replyTitle')}</Typography.Text>
              <Form.Item name="text" extra={t('rptTransfer.replyHint')} rules={[{ required: true, whitespace: true, min: 5, message: t('rptDisposal.textMin', { min: 5 }) }]}>
                <Input.TextArea rows={5} maxLength={5000} showCount data-testid="transfer-reply-text" />
              </Form.Item>
              <Flex gap={8}>
                <Button type="primary" htmlType="submit" loading={run.isPending} data-testid="transfer-reply-submit">{t('rptTransfer.replySubmit')}</Button>
                <Button danger onClick={() => setReturning(true)} data-testid="transfer-return">{t('rptTransfer.return')}</Button>
              </Flex>
            </Form>
          )}
        </Flex>
      )}
      {x && returning && (
        <TransferReasonModal
          transfer={x}
          action="return"
          onClose={() => setReturning(false)}
          onDone={() => {
            setReturning(false);
            onClose();
          }}
        />
      )}
    </Drawer>
  );
}
