import { useState } from 'react';
import { Link } from 'react-router';
import { Alert, App, Button, Card, Flex, Result, Steps, Tag, Typography, Upload } from 'antd';
import { IMPORT_MAX_BYTES, registryApi } from '@tianlang/contracts';
import { useT } from '../../i18n';
import { PageHeader } from '../../components/PageHeader';
import { downloadFile } from '../../lib/api';
import { useShowError } from '../../lib/use-show-error';
import { consolePath } from '../shell/modules';
import { COLUMN_LIST } from './enums';
import { ImportProgress, ImportTotals, ProblemsTable, SampleTable } from './ImportPreview';
import { useCommitImport, useImport, useStartImport } from './registry.api';
import './registry.css';

const REQUIRED = new Set(['name', 'type', 'grade']);

/** Which header each column takes; the server also accepts the traditional spelling. */
function ColumnsHelp() {
  const t = useT();
  const showError = useShowError();
  return (
    <Flex vertical gap={6}>
      <Flex justify="space-between" align="baseline" gap={12} wrap>
        <Typography.Text type="secondary">{t('regImport.columnsHint')}</Typography.Text>
        <Button type="link" size="small" data-testid="import-template"
          onClick={() => { downloadFile(registryApi.template, {}).catch((err: unknown) => showError(err)); }}>
          {t('regImport.template')}
        </Button>
      </Flex>
      <Flex gap={4} wrap>
        {COLUMN_LIST.map((c) => (
          <Tag key={c} color={REQUIRED.has(c) ? 'blue' : undefined} bordered={false}>
            {t(`regCol.${c}`)}
            {REQUIRED.has(c) && ' *'}
          </Tag>
        ))}
      </Flex>
    </Flex>
  );
}

/**
 * 批量导入台账: upload an xlsx, read the server's check of every row (problems in Chinese, by row),
 * then import all valid rows in one transaction — or nothing.
 */
export function ImportPage() {
  const t = useT();
  const { message } = App.useApp();
  const showError = useShowError();
  const [id, setId] = useState<string | null>(null);
  const start = useStartImport();
  const commit = useCommitImport();
  const view = useImport(id).data ?? start.data;

  const pick = (file: File) => {
    if (!file.name.toLowerCase().endsWith('.xlsx')) void message.error(t('regImport.badType'));
    else if (file.size > IMPORT_MAX_BYTES) void message.error(t('error.request.too_large'));
    else start.mutate(file, { onSuccess: (v) => setId(v.id), onError: (err) => showError(err) });
    return false;
  };
  const reset = () => {
    setId(null);
    start.reset();
    commit.reset();
  };
  const confirm = (skipInvalid: boolean) => id && commit.mutate({ id, skipInvalid }, { onError: (err) => showError(err) });

  const state = view?.state;
  const step = !view ? 0 : state === 'parsing' || state === 'previewed' || state === 'failed' ? 1 : 2;
  const fileBlocked = (view?.fileProblems.length ?? 0) > 0 || state === 'failed';

  return (
    <div data-testid="registry-import-page">
      <PageHeader title={t('nav.registryImport')} extra={<Link to={consolePath.module('registry')}><Button>{t('reg.back')}</Button></Link>} />
      <Card>
        <Steps
          current={step}
          style={{ marginBottom: 24 }}
          items={[{ title: t('regImport.step.upload') }, { title: t('regImport.step.check') }, { title: t('regImport.step.import') }]}
        />
        {!view && (
          <Flex vertical gap={16}>
            <Upload.Dragger accept=".xlsx" showUploadList={false} beforeUpload={pick} disabled={start.isPending} data-testid="import-dropzone">
              <p style={{ fontSize: 16, margin: '12px 0 4px' }}>{start.isPending ? t('regImport.uploading') : t('regImport.drop')}</p>
              <p className="reg-hint">{t('regImport.dropHint')}</p>
            </Upload.Dragger>
            <ColumnsHelp />
          </Flex>
        )}

        {view && (state === 'parsing' || state === 'committing') && <ImportProgress view={view} />}

        {view && (state === 'previewed' || state === 'failed') && (
          <Flex vertical gap={16} data-testid="import-preview">
            <Typography.Text>
              {t('regImport.file')}
              <Typography.Text strong>{view.filename ?? '—'}</Typography.Text>
            </Typography.Text>
            {fileBlocked ? (
              <>
                <Alert type="error" showIcon title={t('regImport.fileBlocked')} />
                {view.fileProblems.length > 0 && <ProblemsTable problems={view.fileProblems} capped={false} />}
              </>
            ) : (
              <>
                <ImportTotals view={view} />
                {view.totals.invalid > 0 ? (
                  <>
                    <Alert type="warning" showIcon title={t('regImport.hasInvalid', { invalid: view.totals.invalid, valid: view.totals.valid })} />
                    <ProblemsTable problems={view.rowProblems} capped={view.rowProblems.length < view.totals.invalid} />
                  </>
                ) : (
                  <Alert type="success" showIcon title={t('regImport.allValid', { valid: view.totals.valid })} />
                )}
                {view.sample.length > 0 && (
                  <div>
                    <Typography.Title level={5} style={{ marginTop: 0 }}>{t('regImport.sample')}</Typography.Title>
                    <SampleTable view={view} />
                  </div>
                )}
              </>
            )}
            <Flex gap={8} wrap>
              {!fileBlocked && view.totals.valid > 0 && (
                <Button type="primary" loading={commit.isPending} onClick={() => confirm(view.totals.invalid > 0)} data-testid="import-confirm">
                  {view.totals.invalid > 0 ? t('regImport.confirmValid', { valid: view.totals.valid }) : t('regImport.confirmAll', { valid: view.totals.valid })}
                </Button>
              )}
              <Button onClick={reset} data-testid="import-again">{t('regImport.again')}</Button>
            </Flex>
            {!fileBlocked && <Typography.Text type="secondary">{t('regImport.atomic')}</Typography.Text>}
          </Flex>
        )}

        {view && state === 'committed' && view.result && (
          <Result
            status="success"
            title={t('regImport.doneTitle')}
            subTitle={<span data-testid="import-result">{t('regImport.doneBody', { created: view.result.created, updated: view.result.updated, unchanged: view.result.unchanged })}</span>}
            extra={[
              <Link key="list" to={consolePath.module('registry')}><Button type="primary">{t('regImport.toList')}</Button></Link>,
              <Button key="again" onClick={reset}>{t('regImport.again')}</Button>,
            ]}
          />
        )}
      </Card>
    </div>
  );
}
