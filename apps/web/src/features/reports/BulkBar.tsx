import { useState } from 'react';
import { Button, Card, Flex, Form, Input, Segmented, Select } from 'antd';
import { BULK_ACTIONS, type BulkAction, type ReportFilter } from '@tianlang/contracts';
import { useT } from '../../i18n';
import { idOptions } from './report-options';
import { useReportOptions } from './reports.api';
import { ReportPicker } from './ReportPicker';
import { BulkPreviewModal } from './BulkPreviewModal';
import { cleanValues, TemplateValues } from './TemplateValues';
import type { BulkInput } from './bulk.api';

interface Params {
  userId?: string;
  intoId?: string;
  templateId?: string;
  values?: Record<string, string | undefined>;
  reason?: string;
}

/**
 * Shown while rows are selected: choose the selection (the ticked rows, or everything the current
 * filter matches, up to 500), an action and its parameters, then preview before anything is written.
 */
export function BulkBar({ ids, filter, total, onClear }: { ids: string[]; filter: ReportFilter; total: number; onClear: () => void }) {
  const t = useT();
  const options = useReportOptions().data;
  const [form] = Form.useForm<Params>();
  const [action, setAction] = useState<BulkAction>();
  const templateId = Form.useWatch('templateId', form);
  const [input, setInput] = useState<BulkInput | null>(null);
  const [scope, setScope] = useState<'selected' | 'filter'>('selected');
  const templates = (options?.templates ?? []).filter((tpl) => tpl.active);
  const template = templates.find((tpl) => tpl.id === templateId);

  const onFinish = (p: Params) => {
    if (!action) return;
    const reason = p.reason?.trim() || undefined;
    const params =
      action === 'assign' ? { userId: p.userId, reason }
      : action === 'merge' ? { intoId: p.intoId, reason }
      : action === 'reply' ? { templateId: p.templateId, values: cleanValues(p.values), reason }
      : { reason };
    setInput(scope === 'filter' ? { action, filter, params } : { action, ids, params });
  };

  return (
    <Card size="small" className="rpt-bulk" data-testid="bulk-bar">
      <Form form={form} layout="inline" onFinish={onFinish} style={{ rowGap: 8 }}>
        <Form.Item>
          <Segmented<'selected' | 'filter'>
            value={scope}
            onChange={setScope}
            options={[
              { value: 'selected', label: t('rptBulk.selected', { count: ids.length }) },
              { value: 'filter', label: t('rptBulk.allMatching', { count: Math.min(total, 500) }) },
            ]}
            data-testid="bulk-scope"
          />
        </Form.Item>
        <Form.Item>
          <Select<BulkAction>
            placeholder={t('rptBulk.action')}
            style={{ width: 150 }}
            value={action}
            onChange={setAction}
            options={BULK_ACTIONS.map((a) => ({ value: a, label: t(`rptBulkAction.${a}`) }))}
            data-testid="bulk-action-select"
          />
        </Form.Item>
        {action === 'assign' && (
          <Form.Item name="userId" rules={[{ required: true, message: t('rptBulk.userRequired') }]}>
            <Select placeholder={t('rpt.assignee')} style={{ width: 160 }} options={idOptions(options?.assignees)} showSearch={{ optionFilterProp: 'label' }} data-testid="bulk-user" />
          </Form.Item>
        )}
        {action === 'merge' && (
          <Form.Item name="intoId" rules={[{ required: true, message: t('rptBulk.intoRequired') }]} style={{ width: 320 }}>
            <ReportPicker exclude={ids} testId="bulk-into" />
          </Form.Item>
        )}
        {action === 'reply' && (
          <Form.Item name="templateId" rules={[{ required: true, message: t('rptReply.templateRequired') }]}>
            <Select placeholder={t('rptReply.template')} style={{ width: 220 }} options={templates.map((tpl) => ({ value: tpl.id, label: `${tpl.name}（${t(`rptOutcome.${tpl.outcome}`)}）` }))} data-testid="bulk-template" />
          </Form.Item>
        )}
        {action && (
          <Form.Item name="reason">
            <Input placeholder={t('rptBulk.reasonHint')} style={{ width: 220 }} maxLength={1000} />
          </Form.Item>
        )}
        <Flex gap={8}>
          <Button type="primary" htmlType="submit" disabled={!action} data-testid="bulk-preview">
            {t('rptBulk.preview')}
          </Button>
          <Button onClick={onClear}>{t('rptBulk.clear')}</Button>
        </Flex>
        {action === 'reply' && template && (
          <div style={{ width: '100%', marginTop: 8 }}>
            <TemplateValues placeholders={template.placeholders} />
          </div>
        )}
      </Form>
      {input && (
        <BulkPreviewModal
          input={input}
          onClose={() => setInput(null)}
          onDone={() => {
            setInput(null);
            onClear();
          }}
        />
      )}
    </Card>
  );
}
