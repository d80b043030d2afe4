import { useState } from 'react';
import { Alert, Button, Checkbox, Flex, Modal, Typography } from 'antd';
import type { RegistryColumn } from '@tianlang/contracts';
import { useT } from '../../i18n';
import { testId } from '../../lib/test-id';
import { COLUMN_LIST, CONTACT_COLUMNS } from './enums';
import { exportUrl, type EntityFilter } from './registry.api';

const DEFAULT_COLUMNS = COLUMN_LIST.filter((c) => !CONTACT_COLUMNS.includes(c));

/** 导出台账: the rows of the current filter (the server keeps them to the user's jurisdiction), with the columns chosen here. */
export function ExportModal({ filter, total, onClose }: { filter: EntityFilter; total: number | undefined; onClose: () => void }) {
  const t = useT();
  const [columns, setColumns] = useState<RegistryColumn[]>(DEFAULT_COLUMNS);
  const filtered = Object.values(filter).some((v) => v !== undefined && v !== '');
  const download = () => {
    // keep the template's column order, whatever order they were ticked in
    const ordered = COLUMN_LIST.filter((c) => columns.includes(c));
    const a = document.createElement('a');
    a.href = exportUrl(filter, ordered);
    a.download = '';
    document.body.appendChild(a);
    a.click();
    a.remove();
    onClose();
  };
  return (
    <Modal
      open
      width={640}
      title={t('regExport.title')}
      okText={t('regExport.download')}
      cancelText={t('common.cancel')}
      okButtonProps={{ disabled: columns.length === 0, ...testId('export-submit') }}
      onOk={download}
      onCancel={onClose}
    >
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        title={filtered ? t('regExport.scopeFiltered', { total: total ?? '…' }) : t('regExport.scopeAll', { total: total ?? '…' })}
        description={t('regExport.scopeHint')}
      />
      <Flex justify="space-between" align="center" style={{ marginBottom: 8 }}>
        <Typography.Text strong>{t('regExport.columns')}</Typography.Text>
        <Flex gap={4}>
          <Button size="small" type="link" onClick={() => setColumns([...COLUMN_LIST])}>{t('regExport.selectAll')}</Button>
          <Button size="small" type="link" onClick={() => setColumns([...DEFAULT_COLUMNS])}>{t('regExport.selectDefault')}</Button>
        </Flex>
      </Flex>
      <Checkbox.Group<RegistryColumn> value={columns} onChange={setColumns} data-testid="export-columns" style={{ width: '100%' }}>
        <div style={{ display: 'grid', gridTemplateColumns: 'repeat(3, 1fr)', gap: '6px 12px', width: '100%' }}>
          {COLUMN_LIST.map((c) => (
            <Checkbox key={c} value={c} data-testid={`export-col-${c}`}>
              {t(`regCol.${c}`)}
            </Checkbox>
          ))}
        </div>
      </Checkbox.Group>
      {columns.some((c) => CONTACT_COLUMNS.includes(c)) && (
        <Alert type="warning" showIcon style={{ marginTop: 12 }} title={t('regExport.contactWarning')} />
      )}
    </Modal>
  );
}
