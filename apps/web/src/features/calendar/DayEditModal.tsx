import { App, Button, Flex, Form, Input, Modal, Radio, Typography } from 'antd';
import type { CalendarDayKind, CalendarDayView } from '@tianlang/contracts';
import { useT } from '../../i18n';
import { cleanReason, ReasonField } from '../../components/ReasonField';
import { SettingSourceTag } from '../../components/SettingSource';
import { useConfirmWithReason } from '../../components/use-confirm-with-reason';
import { useShowError } from '../../lib/use-show-error';
import { useRemoveDay, useSetDay } from './calendar.api';

interface Props {
  date: string;
  existing: CalendarDayView | null;
  onClose: () => void;
}

interface Values {
  kind: CalendarDayKind;
  name: string;
  reason?: string;
}

export function DayEditModal({ date, existing, onClose }: Props) {
  const t = useT();
  const { message } = App.useApp();
  const confirm = useConfirmWithReason();
  const showError = useShowError();
  const [form] = Form.useForm<Values>();
  const setDay = useSetDay();
  const removeDay = useRemoveDay();

  const onFinish = (v: Values) =>
    setDay.mutate(
      { date, input: { kind: v.kind, name: v.name.trim(), reason: cleanReason(v.reason) } },
      {
        onSuccess: () => {
          void message.success(t('common.saved'));
          onClose();
        },
        onError: (err) => showError(err, form),
      },
    );

  const onRemove = () =>
    confirm({
      title: t('cal.removeTitle', { date }),
      content: existing?.replaces ? t('settings.restoreDay', { name: existing.replaces.name, kind: t(`cal.${existing.replaces.kind}`) }) : t('cal.removeBody'),
      okText: t('cal.removeDay'),
      onConfirm: (reason) =>
        removeDay
          .mutateAsync({ date, reason })
          .then(() => {
            void message.success(t('cal.removed'));
            onClose();
          })
          .catch(showError),
    });

  return (
    <Modal
      open
      title={t('cal.dayTitle', { date })}
      onCancel={onClose}
      footer={[
        // Only this level's own entry can be removed; what a higher level set applies again.
        existing?.source.own && (
          <Button key="remove" danger onClick={onRemove} style={{ float: 'left' }}>
            {existing.replaces ? t('settings.removeOwn') : t('cal.removeDay')}
          </Button>
        ),
        <Button key="cancel" onClick={onClose}>
          {t('common.cancel')}
        </Button>,
        <Button key="save" type="primary" loading={setDay.isPending} onClick={() => form.submit()}>
          {t('common.save')}
        </Button>,
      ]}
    >
      {existing && (
        <Flex vertical gap={4} style={{ marginBottom: 12 }} data-testid="calendar-day-source">
          <span>
            <SettingSourceTag source={existing.source} />
          </span>
          {existing.replaces && (
            <Typography.Text type="secondary">
              {t('settings.replacesDay', { name: existing.replaces.name, kind: t(`cal.${existing.replaces.kind}`) })}
            </Typography.Text>
          )}
        </Flex>
      )}
      <Form form={form} layout="vertical" onFinish={onFinish} initialValues={existing ? { kind: existing.kind, name: existing.name } : { kind: 'holiday' }} data-testid="calendar-day-form">
        <Form.Item name="kind" label={t('cal.kind')} rules={[{ required: true, message: t('common.required') }]}>
          <Radio.Group
            optionType="button"
            options={[
              { value: 'holiday', label: t('cal.holiday') },
              { value: 'workday', label: t('cal.workday') },
            ]}
          />
        </Form.Item>
        <Form.Item name="name" label={t('cal.dayName')} rules={[{ required: true, whitespace: true, max: 40, message: t('common.required') }]}>
          <Input maxLength={40} placeholder={t('cal.dayNamePlaceholder')} />
        </Form.Item>
        <ReasonField />
      </Form>
    </Modal>
  );
}
