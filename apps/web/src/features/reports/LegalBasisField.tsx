import { Form, Select } from 'antd';
import { useT } from '../../i18n';
import { allLegalBases, legalBasisKey, legalBasisText } from './legal-basis';
import { useReportOptions } from './reports.api';

/** Multi-select of the taxonomy's legal bases; values are legalBasisKey strings. */
export function LegalBasisField({ required }: { required: boolean }) {
  const t = useT();
  const options = useReportOptions().data;
  return (
    <Form.Item
      name="legalBasis"
      label={t('rptDisposal.legalBasis')}
      extra={t('rptDisposal.legalBasisHint')}
      rules={required ? [{ required: true, type: 'array', min: 1, message: t('rptDisposal.legalBasisRequired') }] : []}
    >
      <Select
        mode="multiple"
        maxCount={10}
        options={allLegalBases(options).map((b) => ({ value: legalBasisKey(b), label: legalBasisText(b) }))}
        showSearch={{ optionFilterProp: 'label' }}
        data-testid="disposal-legal-basis"
      />
    </Form.Item>
  );
}
