import { Form, Input, Select } from 'antd';
import { useT } from '../../i18n';

type Option = { value: string; label: string };

interface Props {
  categories: Option[];
  zones: Option[];
}

const URL_RE = /^https?:\/\/\S+$/i;

/** The fields every report has, whoever enters it: category, zone, links, platform and account, description. */
export function ReportBodyFields({ categories, zones }: Props) {
  const t = useT();
  return (
    <>
      <Form.Item name="categoryCode" label={t('rpt.category')} rules={[{ required: true, message: t('common.required') }]}>
        <Select options={categories} showSearch={{ optionFilterProp: 'label' }} data-testid="report-form-category" />
      </Form.Item>
      <Form.Item name="zoneCode" label={t('rpt.zone')} extra={t('rptEntry.zoneHint')}>
        <Select allowClear options={zones} />
      </Form.Item>
      <Form.Item
        name="urls"
        label={t('rpt.urls')}
        extra={t('rptEntry.urlsHint')}
        dependencies={['platformName', 'accountName']}
        rules={[
          {
            validator: (_, v: string[] | undefined) =>
              (v ?? []).every((u) => URL_RE.test(u)) ? Promise.resolve() : Promise.reject(new Error(t('rptEntry.urlInvalid'))),
          },
          // The server needs something to find the content by: a link, or platform and account.
          ({ getFieldValue }) => ({
            validator: (_, v: string[] | undefined) =>
              (v ?? []).length > 0 || (String(getFieldValue('platformName') ?? '').trim() && String(getFieldValue('accountName') ?? '').trim())
                ? Promise.resolve()
                : Promise.reject(new Error(t('rptEntry.whereRequired'))),
          }),
        ]}
      >
        <Select mode="tags" open={false} tokenSeparators={[' ', '\n']} maxCount={10} data-testid="report-form-urls" />
      </Form.Item>
      <Form.Item name="platformName" label={t('rpt.platform')}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="accountName" label={t('rpt.account')}>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item
        name="description"
        label={t('rpt.description')}
        rules={[{ required: true, whitespace: true, min: 10, message: t('rptEntry.descriptionMin') }]}
      >
        <Input.TextArea rows={4} maxLength={5000} showCount data-testid="report-form-description" />
      </Form.Item>
    </>
  );
}

export interface ReportBodyValues {
  categoryCode: string;
  zoneCode?: string;
  urls?: string[];
  platformName?: string;
  accountName?: string;
  description: string;
}

/** Blank optional fields are left out rather than sent as "". */
export function cleanBody(v: ReportBodyValues) {
  const opt = (s: string | undefined) => s?.trim() || undefined;
  return {
    categoryCode: v.categoryCode,
    zoneCode: v.zoneCode || undefined,
    urls: (v.urls ?? []).map((u) => u.trim()).filter(Boolean),
    platformName: opt(v.platformName),
    accountName: opt(v.accountName),
    description: v.description.trim(),
  };
}
