import { useState } from 'react';
import { Checkbox, DatePicker, Divider, Form, Input, Modal, Segmented } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { STAFF_CHANNELS } from '@tianlang/contracts';
import { useT } from '../../i18n';
import { testId } from '../../lib/test-id';
import { useShowError } from '../../lib/use-show-error';
import { ReceiptModal } from './ReceiptModal';
import { categoryOptions } from './report-options';
import { cleanBody, ReportBodyFields, type ReportBodyValues } from './ReportBodyFields';
import { useCreateStaffReport, useReportOptions, type ReportReceipt, type StaffReportInput } from './reports.api';

interface Values extends ReportBodyValues {
  channel: StaffReportInput['channel'];
  receivedAt?: Dayjs;
  phone?: string;
  email?: string;
  shareWithPartners: boolean;
}

/** 新建举报: a report taken by phone, mail, letter or visit, entered by staff on the reporter's behalf. */
export function StaffEntryModal({ onClose }: { onClose: () => void }) {
  const t = useT();
  const showError = useShowError();
  const options = useReportOptions().data;
  const create = useCreateStaffReport();
  const [form] = Form.useForm<Values>();
  const [receipt, setReceipt] = useState<ReportReceipt | null>(null);

  const onFinish = (v: Values) => {
    const phone = v.phone?.trim();
    const email = v.email?.trim();
    const input: StaffReportInput = {
      ...cleanBody(v),
      channel: v.channel,
      receivedAt: v.receivedAt?.toISOString(),
      contact: phone || email ? { phone: phone || undefined, email: email || undefined, shareWithPartners: v.shareWithPartners } : undefined,
    };
    create.mutate(input, { onSuccess: setReceipt, onError: (err) => showError(err, form) });
  };

  if (receipt) return <ReceiptModal receipt={receipt} onClose={onClose} />;
  return (
    <Modal
      open
      width={680}
      title={t('rptEntry.title')}
      okText={t('rptEntry.submit')}
      cancelText={t('common.cancel')}
      confirmLoading={create.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      okButtonProps={{ ...testId('report-entry-submit') }}
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={onFinish}
        initialValues={{ channel: 'phone', receivedAt: dayjs(), shareWithPartners: false, urls: [] }}
        data-testid="report-entry-form"
      >
        <Form.Item name="channel" label={t('rpt.channel')}>
          <Segmented options={STAFF_CHANNELS.map((c) => ({ value: c, label: t(`rptChannel.${c}`) }))} />
        </Form.Item>
        <Form.Item name="receivedAt" label={t('rptEntry.receivedAt')} extra={t('rptEntry.receivedAtHint')}>
          <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
        </Form.Item>
        <ReportBodyFields categories={categoryOptions(options, 'category')} zones={categoryOptions(options, 'zone')} />
        <Divider titlePlacement="start">{t('rptEntry.contact')}</Divider>
        <Form.Item name="phone" label={t('rptEntry.phone')} rules={[{ pattern: /^\+?[0-9][0-9 -]{5,19}$/, message: t('rptEntry.phoneInvalid') }]}>
          <Input maxLength={20} />
        </Form.Item>
        <Form.Item name="email" label={t('rptEntry.email')} rules={[{ type: 'email', message: t('rptEntry.emailInvalid') }]}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="shareWithPartners" valuePropName="checked" extra={t('rptEntry.shareHint')}>
          <Checkbox>{t('rptEntry.share')}</Checkbox>
        </Form.Item>
      </Form>
    </Modal>
  );
}
