import { useEffect, useState } from 'react';
import { Alert, Empty, Flex, Form, Select, Spin, Tag, Typography } from 'antd';
import type { ReportDetail } from '@tianlang/contracts';
import { useT } from '../../i18n';
import { useShowError } from '../../lib/use-show-error';
import { FormModal } from './FormModal';
import { useReportAction, useReportOptions } from './reports.api';
import { cleanValues, TemplateValues } from './TemplateValues';
import { useReplyPreview } from './templates.api';

interface Values {
  templateId?: string;
  values?: Record<string, string | undefined>;
}

/** 答复: a template for the report's outcome, its open placeholders filled in, checked in a live preview. */
export function ReplyModal({ report, onClose }: { report: ReportDetail; onClose: () => void }) {
  const t = useT();
  const showError = useShowError();
  const options = useReportOptions().data;
  const run = useReportAction();
  const preview = useReplyPreview();
  const [form] = Form.useForm<Values>();
  const watched = Form.useWatch((v: Values) => v, form) as Values | undefined;
  const [debounced, setDebounced] = useState<Values>({});
  const templates = (options?.templates ?? []).filter((tpl) => tpl.active && (!report.outcome || tpl.outcome === report.outcome));
  const template = templates.find((tpl) => tpl.id === watched?.templateId);
  const { mutate } = preview;

  useEffect(() => {
    const timer = setTimeout(() => setDebounced(watched ?? {}), 350);
    return () => clearTimeout(timer);
  }, [watched]);
  const key = JSON.stringify(debounced);
  useEffect(() => {
    const v = JSON.parse(key) as Values;
    if (v.templateId) mutate({ id: report.id, templateId: v.templateId, values: cleanValues(v.values) });
  }, [key, mutate, report.id]);

  const onFinish = (v: Values) => {
    // a required field: the form finishes only with a template chosen
    if (!v.templateId) return;
    run.mutate(
      { id: report.id, action: 'reply', body: { templateId: v.templateId, values: cleanValues(v.values) } },
      { onSuccess: onClose, onError: (err) => showError(err, form) },
    );
  };

  const shown = template && preview.data && !preview.isError ? preview.data : null;
  return (
    <FormModal<Values>
      title={t('rptReply.title', { no: report.trackingNo })}
      okText={t('rptReply.send')}
      submitId="reply-submit"
      pending={run.isPending}
      form={form}
      width={720}
      initialValues={{ templateId: templates.length === 1 ? templates[0]!.id : undefined }}
      onFinish={onFinish}
      onClose={onClose}
    >
      {report.outcome && <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('rptReply.outcome', { outcome: t(`rptOutcome.${report.outcome}`) })} />}
      <Form.Item name="templateId" label={t('rptReply.template')} rules={[{ required: true, message: t('rptReply.templateRequired') }]}>
        <Select options={templates.map((tpl) => ({ value: tpl.id, label: tpl.name }))} notFoundContent={t('rptReply.noTemplate')} data-testid="reply-template" />
      </Form.Item>
      {template && <TemplateValues placeholders={template.placeholders} />}
      <Typography.Text strong>{t('rptReply.preview')}</Typography.Text>
      <div className={`rpt-preview${shown && shown.missing.length > 0 ? ' is-missing' : ''}`} data-testid="reply-preview" style={{ marginTop: 8 }}>
        {!template ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('rptReply.pickTemplate')} />
        ) : shown ? (
          shown.text
        ) : (
          <Spin size="small" />
        )}
      </div>
      {shown && (
        <Flex wrap gap={8} align="center" style={{ marginTop: 8 }}>
          {shown.missing.length > 0 ? (
            <>
              <Typography.Text type="warning">{t('rptReply.missing')}</Typography.Text>
              {shown.missing.map((m) => (
                <Tag key={m} color="warning">{`{{${m}}}`}</Tag>
              ))}
            </>
          ) : (
            <Typography.Text type="success">{t('rptReply.complete')}</Typography.Text>
          )}
          <Typography.Text type="secondary">{t('rptReply.recipients', { count: shown.recipients })}</Typography.Text>
        </Flex>
      )}
    </FormModal>
  );
}
