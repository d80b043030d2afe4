import { useState } from 'react';
import { Button, Upload } from 'antd';
import { useT } from '../../i18n';
import { useShowError } from '../../lib/use-show-error';
import { fileUrl, useUploadFile } from './registry.api';

/** The evidence store's types (the same checks as report evidence). */
const ACCEPT = '.pdf,.png,.jpg,.jpeg,.webp';

interface Props {
  id?: string;
  /** the upload token the record is saved with */
  value?: string;
  onChange?: (token: string | undefined) => void;
  testId?: string;
}

/** A scanned document (pledge, interview record, inspection form): uploaded on pick, referenced by its token. */
export function FileField({ id, value, onChange, testId }: Props) {
  const t = useT();
  const showError = useShowError();
  const upload = useUploadFile();
  const [name, setName] = useState<string | null>(null);
  const pick = (file: File) => {
    setName(file.name);
    upload.mutate(file, {
      onSuccess: (r) => onChange?.(r.token),
      onError: (err) => {
        setName(null);
        showError(err);
      },
    });
    return false;
  };
  const status = upload.isPending ? 'uploading' : value ? 'done' : 'error';
  return (
    <Upload
      id={id}
      accept={ACCEPT}
      maxCount={1}
      beforeUpload={pick}
      fileList={name ? [{ uid: 'file', name, status }] : []}
      onRemove={() => {
        setName(null);
        onChange?.(undefined);
      }}
    >
      <Button loading={upload.isPending} data-testid={testId}>
        {t('regFile.pick')}
      </Button>
    </Upload>
  );
}

/** A stored file as a download link, with its size. */
export function FileLink({ entityId, file }: { entityId: string; file: { id: string; filename: string | null; size: number; mime: string } | null }) {
  const t = useT();
  if (!file) return <span>—</span>;
  const kb = Math.max(1, Math.round(file.size / 1024));
  return (
    <a href={fileUrl(entityId, file.id)} target="_blank" rel="noreferrer">
      {file.filename ?? t('regFile.unnamed')}（{kb} KB）
    </a>
  );
}
