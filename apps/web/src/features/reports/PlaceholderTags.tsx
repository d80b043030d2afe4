import { Flex, Tag, Tooltip } from 'antd';
import { useT } from '../../i18n';
import { isAutoPlaceholder } from './templates.api';

/** Placeholders of a template: blue ones the server fills, orange ones are typed when replying. */
export function PlaceholderTags({ names }: { names: string[] }) {
  const t = useT();
  if (names.length === 0) return <span>—</span>;
  return (
    <Flex wrap gap={4}>
      {names.map((n) => (
        <Tooltip key={n} title={t(isAutoPlaceholder(n) ? 'rptTemplate.autoHint' : 'rptTemplate.typedHint')}>
          <Tag color={isAutoPlaceholder(n) ? 'blue' : 'orange'} bordered={false} className="rpt-mono">{`{{${n}}}`}</Tag>
        </Tooltip>
      ))}
    </Flex>
  );
}
