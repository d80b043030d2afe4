import dayjs, { type Dayjs } from 'dayjs';
import { Alert, Button, Card, DatePicker, Form, InputNumber, Select, Typography } from 'antd';
import { DEADLINE_UNITS, type DeadlineUnit } from '@tianlang/contracts';
import { useT } from '../../i18n';
import { useShowError } from '../../lib/use-show-error';
import { useDeadlinePreview } from './calendar.api';

interface Values {
  start: Dayjs;
  amount: number;
  unit: DeadlineUnit;
}

/** Try the deadline engine against the calendar as it stands. */
export function DeadlinePreview() {
  const t = useT();
  const showError = useShowError();
  const [form] = Form.useForm<Values>();
  const preview = useDeadlinePreview();

  const onFinish = (v: Values) =>
    preview.mutate({ start: v.start.format(), amount: v.amount, unit: v.unit }, { onError: (err) => showError(err, form) });

  return (
    <Card title={t('cal.previewTitle')} data-testid="deadline-preview">
      <Typography.Paragraph type="secondary">{t('cal.previewHint')}</Typography.Paragraph>
      <Form
        form={form}
        layout="vertical"
        onFinish={onFinish}
        onValuesChange={() => preview.reset()}
        initialValues={{ start: dayjs().second(0), amount: 5, unit: 'working_days' }}
      >
        <Form.Item name="start" label={t('cal.start')} rules={[{ required: true, message: t('common.required') }]}>
          <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="amount" label={t('cal.amount')} rules={[{ required: true, message: t('common.required') }]}>
          <InputNumber min={0} max={3650} precision={0} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="unit" label={t('cal.unit')}>
          <Select options={DEADLINE_UNITS.map((u) => ({ value: u, label: t(`cal.unit.${u}`) }))} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={preview.isPending} block>
          {t('cal.compute')}
        </Button>
      </Form>
      {preview.data && (
        <Alert
          type="success"
          showIcon
          style={{ marginTop: 16 }}
          title={t('cal.dueAt', { time: preview.data.dueLocal })}
          data-testid="deadline-result"
        />
      )}
    </Card>
  );
}
