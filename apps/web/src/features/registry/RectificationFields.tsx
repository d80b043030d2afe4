import { Button, Flex, Form, Input, InputNumber, Select } from 'antd';
import { useT } from '../../i18n';

export interface RectificationValues {
  description: string;
  days: number;
  unit: 'working_days' | 'calendar_days';
}

/** 整改事项: each with its own period; the server turns the period into a due date on the office calendar. */
export function RectificationFields() {
  const t = useT();
  return (
    <Form.Item label={t('regRect.items')} extra={t('regRect.itemsHint')}>
      <Form.List name="rectifications">
        {(fields, { add, remove }) => (
          <Flex vertical gap={4}>
            {fields.map(({ key, name }) => (
              <Flex key={key} gap={8} align="start" data-testid="rectification-item">
                <Form.Item name={[name, 'description']} rules={[{ required: true, whitespace: true, min: 2, message: t('regRect.descriptionRequired') }]} style={{ flex: 1, marginBottom: 4 }}>
                  <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={1000} placeholder={t('regRect.description')} data-testid="rectification-description" />
                </Form.Item>
                <Form.Item name={[name, 'days']} rules={[{ required: true, message: t('regRect.daysRequired') }]} style={{ width: 96, marginBottom: 4 }}>
                  <InputNumber min={1} max={365} style={{ width: '100%' }} data-testid="rectification-days" />
                </Form.Item>
                <Form.Item name={[name, 'unit']} style={{ width: 104, marginBottom: 4 }}>
                  <Select
                    options={[
                      { value: 'working_days', label: t('regRect.workingDays') },
                      { value: 'calendar_days', label: t('regRect.calendarDays') },
                    ]}
                  />
                </Form.Item>
                <Button type="text" onClick={() => remove(name)} aria-label={t('reg.remove')}>
                  ✕
                </Button>
              </Flex>
            ))}
            <Button type="dashed" onClick={() => add({ days: 15, unit: 'working_days' })} style={{ alignSelf: 'flex-start' }} data-testid="rectification-add">
              {t('regRect.add')}
            </Button>
          </Flex>
        )}
      </Form.List>
    </Form.Item>
  );
}
