import { Checkbox, Flex, Select } from 'antd';
import { REPORT_CHANNELS, type ReportFilter } from '@tianlang/contracts';
import { useT } from '../../i18n';
import { categoryOptions, jurisdictionOptions } from './report-options';
import { useReportOptions } from './reports.api';
import { SearchInput } from './SearchInput';

export type QueueFilter = Omit<ReportFilter, 'queue'>;

interface Props {
  value: QueueFilter;
  onChange: (next: QueueFilter) => void;
}

/** The filter row above the queue; every change starts again at page one (the page does that). */
export function QueueFilters({ value, onChange }: Props) {
  const t = useT();
  const options = useReportOptions().data;
  const set = (patch: Partial<QueueFilter>) => onChange({ ...value, ...patch });
  return (
    <Flex wrap gap={8} align="center" data-testid="reports-filters">
      <SearchInput value={value.q} onSearch={(q) => set({ q })} placeholder={t('rptQueue.searchHint')} style={{ width: 240 }} testId="reports-filter-q" />
      <Select
        allowClear
        placeholder={t('rpt.category')}
        style={{ width: 140 }}
        value={value.categoryCode}
        onChange={(categoryCode: string | undefined) => set({ categoryCode })}
        options={categoryOptions(options, 'category')}
        showSearch={{ optionFilterProp: 'label' }}
      />
      <Select
        allowClear
        placeholder={t('rpt.zone')}
        style={{ width: 140 }}
        value={value.zoneCode}
        onChange={(zoneCode: string | undefined) => set({ zoneCode })}
        options={categoryOptions(options, 'zone')}
      />
      <Select
        allowClear
        placeholder={t('rpt.jurisdiction')}
        style={{ width: 150 }}
        value={value.jurisdictionId}
        onChange={(jurisdictionId: string | undefined) => set({ jurisdictionId })}
        options={jurisdictionOptions(t, options)}
        showSearch={{ optionFilterProp: 'label' }}
      />
      <Select
        allowClear
        placeholder={t('rpt.channel')}
        style={{ width: 120 }}
        value={value.channel}
        onChange={(channel: QueueFilter['channel']) => set({ channel })}
        options={REPORT_CHANNELS.map((c) => ({ value: c, label: t(`rptChannel.${c}`) }))}
      />
      <SearchInput value={value.platform} onSearch={(platform) => set({ platform })} placeholder={t('rpt.platform')} style={{ width: 150 }} />
      <Checkbox checked={value.trusted === 'true'} onChange={(e) => set({ trusted: e.target.checked ? 'true' : undefined })}>
        {t('rptQueue.trustedOnly')}
      </Checkbox>
    </Flex>
  );
}
