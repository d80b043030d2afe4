import { useState } from 'react';
import { Button, Card, Col, Form, Row } from 'antd';
import { useT } from '../../i18n';
import { PageHeader } from '../../components/PageHeader';
import { useShowError } from '../../lib/use-show-error';
import { ReceiptModal } from './ReceiptModal';
import { cleanBody, ReportBodyFields, type ReportBodyValues } from './ReportBodyFields';
import type { ReportReceipt } from './reports.api';
import { usePublicFormOptions, useSubmitTrusted } from './trusted.api';
import { TrustedList } from './TrustedList';
import './reports.css';

/** 我的举报: a volunteer's report form and the reports they sent, with stage and reply. */
export function TrustedPage() {
  const t = useT();
  const showError = useShowError();
  const options = usePublicFormOptions().data;
  const submit = useSubmitTrusted();
  const [form] = Form.useForm<ReportBodyValues>();
  const [receipt, setReceipt] = useState<ReportReceipt | null>(null);
  const all = options?.categories ?? [];
  const nameOf = (code: string) => all.find((c) => c.code === code)?.name ?? code;
  const categories = all.map((c) => ({ value: c.code, label: c.parentCode ? `${nameOf(c.parentCode)} · ${c.name}` : c.name }));
  const zones = (options?.zones ?? []).map((z) => ({ value: z.code, label: z.name }));

  const onFinish = (v: ReportBodyValues) =>
    submit.mutate(
      { ...cleanBody(v), evidence: [] },
      {
        onSuccess: (r) => {
          form.resetFields();
          setReceipt(r);
        },
        onError: (err) => showError(err, form),
      },
    );

  return (
    <div data-testid="trusted-reports">
      <PageHeader title={t('nav.reportsMineTrusted')} />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={10}>
          <Card title={t('rptTrusted.formTitle')} extra={<span className="rpt-hint">{t('rptTrusted.formHint')}</span>}>
            <Form form={form} layout="vertical" onFinish={onFinish} initialValues={{ urls: [] }} data-testid="trusted-form">
              <ReportBodyFields categories={categories} zones={zones} />
              <Button type="primary" htmlType="submit" loading={submit.isPending} data-testid="trusted-submit">
                {t('rptTrusted.submit')}
              </Button>
            </Form>
          </Card>
        </Col>
        <Col xs={24} xl={14}>
          <TrustedList />
        </Col>
      </Row>
      {receipt && <ReceiptModal receipt={receipt} own onClose={() => setReceipt(null)} />}
    </div>
  );
}
