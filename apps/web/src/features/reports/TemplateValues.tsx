import { Form, Input, Typography } from 'antd';
import { isMessageKey, useT, type TFunction } from '../../i18n';
import { isAutoPlaceholder } from './templates.api';

/** 平台名称 {{platformName}} for the common placeholders, the bare {{name}} for others. */
function placeholderLabel(t: TFunction, name: string): string {
  const key = `rptPlaceholder.${name}`;
  return isMessageKey(key) ? `${t(key)}  {{${name}}}` : `{{${name}}}`;
}

/** The server proposes these from the recorded disposals; staff may reword them. */
const SUGGESTED = new Set(['measure', 'targetOffice']);

/** One input per placeholder that the server does not fill itself, under form field values.<name>. */
export function TemplateValues({ placeholders }: { placeholders: string[] }) {
  const t = useT();
  const typed = placeholders.filter((p) => !isAutoPlaceholder(p));
  const auto = placeholders.filter(isAutoPlaceholder);
  return (
    <>
      {auto.length > 0 && (
        <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
          {t('rptReply.autoFilled', { names: auto.map((p) => `{{${p}}}`).join('、') })}
        </Typography.Paragraph>
      )}
      {typed.map((name) => (
        <Form.Item
          key={name}
          name={['values', name]}
          label={placeholderLabel(t, name)}
          extra={SUGGESTED.has(name) ? t('rptReply.suggested') : undefined}
          rules={SUGGESTED.has(name) ? [] : [{ required: true, whitespace: true, message: t('rptReply.valueRequired') }]}
        >
          <Input maxLength={500} data-testid={`reply-value-${name}`} />
        </Form.Item>
      ))}
    </>
  );
}

/** Non-blank values only; blank ones are reported as missing by the preview. */
export function cleanValues(values: Record<string, string | undefined> | undefined): Record<string, string> {
  return Object.fromEntries(Object.entries(values ?? {}).flatMap(([k, v]) => (v?.trim() ? [[k, v.trim()]] : [])));
}
