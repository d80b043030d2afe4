import { useEffect, useState } from 'react';
import { Drawer, Table, Typography } from 'antd';
import { Link } from 'react-router';
import { useT } from '../../i18n';
import { formatDateTime } from '../../lib/format';
import { useFigureItems, type FigureItemList, type StatsScope } from './stats.api';

const PAGE = 20;
type Item = FigureItemList['items'][number];
/** A figure counted by a date shows the date; one counted at a moment, the office time. */
export const figureTime = (at: string | null) => (!at ? '' : at.length === 10 ? at : formatDateTime(at));

/** The rows behind a figure of the catalogue (same period and jurisdiction as the dashboard); each row opens where it lives. */
export function FigureDrawer({ code, label, scope, onClose }: { code: string | null; label: string; scope: StatsScope; onClose: () => void }) {
  const t = useT();
  const [page, setPage] = useState(1);
  useEffect(() => setPage(1), [code]);
  const q = useFigureItems(code, scope, { limit: PAGE, offset: (page - 1) * PAGE });
  const d = q.data;
  return (
    <Drawer open={!!code} onClose={onClose} width={720} title={t('st.figure.title', { figure: label })} data-testid="stats-figure-drawer" destroyOnHidden>
      {d && (
        <Typography.Paragraph type="secondary" data-testid="stats-figure-meta">
          {d.jurisdictionName} · {d.period.from} — {d.period.to} · {t('st.figure.total', { n: d.total })}
          <br />
          {t('st.figure.definition')}{d.definition}
        </Typography.Paragraph>
      )}
      <Table<Item> size="small" rowKey={(r, i) => `${r.id}:${r.at ?? ''}:${i}`} loading={q.isFetching} dataSource={d?.items ?? []}
        pagination={{ current: page, pageSize: PAGE, total: d?.total ?? 0, onChange: setPage, showSizeChanger: false }}
        columns={[
          { title: t('st.figure.item'), dataIndex: 'title', render: (v: string, r) => (r.link ? <Link to={r.link} onClick={onClose}>{v}</Link> : v) },
          { title: t('st.figure.detail'), dataIndex: 'subtitle' },
          { title: t('st.figure.at'), dataIndex: 'at', render: (v: string | null) => figureTime(v), width: 160 },
        ]} />
    </Drawer>
  );
}
