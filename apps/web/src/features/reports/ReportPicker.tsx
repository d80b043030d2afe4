import { useState } from 'react';
import { Select, Typography } from 'antd';
import { useT } from '../../i18n';
import { useReportSearch } from './reports.api';

interface Props {
  id?: string;
  value?: string;
  onChange?: (id: string | undefined) => void;
  /** a report that may not be chosen (the one being merged) */
  exclude?: string[];
  testId?: string;
}

/** Finds a report by its full tracking number (the list's search is exact, for speed at scale); the value is its id. */
export function ReportPicker({ id, value, onChange, exclude = [], testId }: Props) {
  const t = useT();
  const [q, setQ] = useState('');
  const found = useReportSearch(q.trim());
  const items = (found.data?.items ?? []).filter((r) => !exclude.includes(r.id));
  return (
    <Select
      id={id}
      value={value}
      onChange={onChange}
      allowClear
      showSearch={{ filterOption: false, onSearch: setQ }}
      placeholder={t('rpt.pickReport')}
      loading={found.isFetching}
      notFoundContent={q.trim().length < 10 ? t('rpt.pickReportHint') : t('rpt.pickReportNone')}
      options={items.map((r) => ({
        value: r.id,
        label: (
          <span>
            <span className="rpt-mono">{r.trackingNo}</span>{' '}
            <Typography.Text type="secondary">{r.summary.slice(0, 40)}</Typography.Text>
          </span>
        ),
      }))}
      data-testid={testId}
    />
  );
}
