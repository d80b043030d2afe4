import { useState } from 'react';
import { Alert, App, Button, Flex, Form, Modal, Select, Upload } from 'antd';
import { PATROL_IMPORT_MAX_BYTES, type PATROL_IMPORT_TYPES, type PatrolSourceView } from '@tianlang/contracts';
import { useT } from '../../i18n';
import { isApiError } from '../../lib/api';
import { useShowError } from '../../lib/use-show-error';
import { ImportProblems, IngestResult, rowProblems, type RowProblem } from './IngestResult';
import { useImportFile, type PushResult } from './patrol.api';

/** A file's media type by its extension: one of those an import source takes. */
const MEDIA_TYPES: Record<string, keyof typeof PATROL_IMPORT_TYPES> = {
  csv: 'text/csv',
  jsonl: 'application/x-ndjson',
  ndjson: 'application/x-ndjson',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};
const mediaType = (name: string) => MEDIA_TYPES[name.split('.').pop()?.toLowerCase() ?? ''];

/** Uploads a CSV, JSONL or xlsx file into an import source: every row valid, or nothing stored. */
export function ImportModal({ sources, onClose }: { sources: PatrolSourceView[]; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const showError = useShowError();
  const targets = sources.filter((s) => s.active && s.kind === 'import');
  const [sourceId, setSourceId] = useState<string | undefined>(targets.length === 1 ? targets[0]!.id : undefined);
  const [file, setFile] = useState<File | null>(null);
  const [result, setResult] = useState<PushResult | null>(null);
  const [problems, setProblems] = useState<RowProblem[] | null>(null);
  const upload = useImportFile();

  const pick = (f: File) => {
    setResult(null);
    setProblems(null);
    if (!mediaType(f.name)) void message.error(t('import.badType'));
    else if (f.size > PATROL_IMPORT_MAX_BYTES) void message.error(t('error.request.too_large'));
    else setFile(f);
    return false; // keep the file here; it is sent on 导入, not on pick
  };

  const submit = () => {
    const type = file && mediaType(file.name);
    if (!sourceId || !file || !type) return;
    upload.mutate(
      { sourceId, file, contentType: type },
      {
        onSuccess: (r) => {
          setResult(r);
          setFile(null);
        },
        onError: (err) => {
          if (isApiError(err, 'patrol.invalid_import')) setProblems(rowProblems(err.details));
          else showError(err);
        },
      },
    );
  };

  return (
    <Modal
      open
      width={760}
      title={t('import.title')}
      okText={t('import.submit')}
      cancelText={t(result ? 'common.close' : 'common.cancel')}
      okButtonProps={{ disabled: !sourceId || !file }}
      confirmLoading={upload.isPending}
      onOk={submit}
      onCancel={onClose}
    >
      {targets.length === 0 && <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('import.noSource')} />}
      <Form layout="vertical" data-testid="patrol-import-form">
        <Form.Item label={t('import.source')} required>
          <Select value={sourceId} onChange={setSourceId} options={targets.map((s) => ({ value: s.id, label: s.name }))} />
        </Form.Item>
        <Form.Item label={t('import.file')} required extra={
            <Flex vertical gap={2} style={{ marginTop: 4 }}>
              <span>{t('import.formats')}</span>
              <span>{t('import.columns')}</span>
            </Flex>
          }>
          <Upload
            accept=".csv,.jsonl,.ndjson,.xlsx"
            maxCount={1}
            beforeUpload={pick}
            fileList={file ? [{ uid: 'file', name: file.name, status: 'done' }] : []}
            onRemove={() => setFile(null)}
          >
            <Button data-testid="patrol-import-pick">{t('import.pick')}</Button>
          </Upload>
        </Form.Item>
      </Form>
      {result && <IngestResult result={result} />}
      {problems && <ImportProblems problems={problems} />}
    </Modal>
  );
}
