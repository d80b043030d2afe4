import { Card, Table, Typography } from 'antd';
import { useT } from '../../i18n';
import { formatDuration, percent } from './format';
import type { DashboardView } from './stats.api';

/** On-time rates per stage, and median / 90th-percentile durations. */
export function Timeliness({ d }: { d: DashboardView }) {
  const t = useT();
  const rows = d.onTime.map((o, i) => ({ ...o, ...d.durations[i]!, stage: o.stage }));
  return (
    <Card size="small" title={t('st.timeliness')} extra={<Typography.Text type="secondary">{t('st.durationNote')}</Typography.Text>}>
      <Table size="small" rowKey="stage" pagination={false} dataSource={rows} data-testid="stats-timeliness"
        columns={[
          { title: t('st.stage'), dataIndex: 'stage', render: (s: 'accept') => t(`stStage.${s}`) },
          { title: t('st.timed'), dataIndex: 'timed', align: 'right' },
          { title: t('st.onTime'), dataIndex: 'onTime', align: 'right' },
          { title: t('st.onTimeRate'), dataIndex: 'rate', align: 'right', render: percent },
          { title: t('st.median'), dataIndex: 'median', align: 'right', render: (v: number | null) => formatDuration(t, v) },
          { title: t('st.p90'), dataIndex: 'p90', align: 'right', render: (v: number | null) => formatDuration(t, v) },
        ]} />
    </Card>
  );
}
