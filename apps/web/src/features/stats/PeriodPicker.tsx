import { DatePicker, Flex, Segmented } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useT } from '../../i18n';
import type { PeriodKind, StatsScope } from './stats.api';

const KINDS: PeriodKind[] = ['month', 'quarter', 'half', 'year', 'custom'];
const fmt = (d: Dayjs) => d.format('YYYY-MM-DD');

/** 月 / 季度 / 半年 / 年 / 自定义, and the date that picks which one. */
export function PeriodPicker({ scope, onChange }: { scope: StatsScope; onChange: (next: Partial<StatsScope>) => void }) {
  const t = useT();
  const anchor = scope.from ? dayjs(scope.from) : dayjs();
  const picker = scope.period === 'quarter' ? 'quarter' : scope.period === 'year' || scope.period === 'half' ? 'year' : 'month';
  return (
    <Flex gap={12} wrap align="center" data-testid="stats-period">
      <Segmented
        value={scope.period}
        onChange={(v) => onChange({ period: v as PeriodKind, from: v === 'custom' ? fmt(anchor.startOf('month')) : undefined, to: v === 'custom' ? fmt(dayjs()) : undefined })}
        options={KINDS.map((k) => ({ value: k, label: t(`stPeriod.${k}`) }))}
      />
      {scope.period === 'custom' ? (
        <DatePicker.RangePicker
          allowClear={false}
          value={[anchor, scope.to ? dayjs(scope.to) : dayjs()]}
          onChange={(v) => v?.[0] && v[1] && onChange({ from: fmt(v[0]), to: fmt(v[1]) })}
        />
      ) : (
        <DatePicker picker={picker} allowClear={false} value={anchor} onChange={(d) => d && onChange({ from: fmt(d), to: undefined })} />
      )}
      {scope.period === 'half' && (
        <Segmented
          value={anchor.month() < 6 ? 'first' : 'second'}
          onChange={(v) => onChange({ from: fmt(anchor.month(v === 'first' ? 0 : 6).date(1)) })}
          options={[{ value: 'first', label: t('stHalf.first') }, { value: 'second', label: t('stHalf.second') }]}
        />
      )}
    </Flex>
  );
}
