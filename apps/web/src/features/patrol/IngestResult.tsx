import { Alert, Col, Row, Statistic, Table } from 'antd';
import { useT } from '../../i18n';
import type { PushResult } from './patrol.api';

export function IngestResult({ result }: { result: PushResult }) {
  const t = useT();
  return (
    <div data-testid="patrol-import-result">
      <Row gutter={16}>
        <Col span={6}>
          <Statistic title={t('ingest.received')} value={result.received} />
        </Col>
        <Col span={6}>
          <Statistic title={t('ingest.created')} value={result.created} />
        </Col>
        <Col span={6}>
          <Statistic title={t('ingest.duplicates')} value={result.duplicates} />
        </Col>
        <Col span={6}>
          <Statistic title={t('ingest.withHits')} value={result.withHits} styles={{ content: result.withHits > 0 ? { color: '#d48806' } : undefined }} />
        </Col>
      </Row>
      {result.withHits > 0 && <Alert type="warning" showIcon style={{ marginTop: 16 }} title={t('ingest.toQueue', { count: result.withHits })} />}
    </div>
  );
}

export interface RowProblem {
  row: number;
  message: string;
}

/** Rows of a file that failed validation; nothing of the file was stored. Row 0 is the file as a whole. */
export function ImportProblems({ problems }: { problems: RowProblem[] }) {
  const t = useT();
  return (
    <div data-testid="patrol-import-problems">
      <Alert type="error" showIcon style={{ marginBottom: 12 }} title={t('import.problemsTitle', { count: problems.length })} />
      <Table<RowProblem>
        rowKey={(p, i) => `${p.row}-${i}`}
        size="small"
        pagination={problems.length > 10 ? { pageSize: 10, showSizeChanger: false } : false}
        dataSource={problems}
        columns={[
          { key: 'row', title: t('import.row'), width: 90, render: (_, p) => (p.row > 0 ? p.row : t('import.wholeFile')) },
          { key: 'message', title: t('import.message'), render: (_, p) => p.message },
        ]}
      />
    </div>
  );
}

/** The row problems of a `patrol.invalid_import` error, if its details carry them. */
export function rowProblems(details: unknown): RowProblem[] {
  const list = (details as { problems?: unknown } | null | undefined)?.problems;
  if (!Array.isArray(list)) return [];
  return list.map((p: unknown) => {
    const rec = (p ?? {}) as { row?: unknown; message?: unknown };
    return { row: typeof rec.row === 'number' ? rec.row : 0, message: typeof rec.message === 'string' ? rec.message : '' };
  });
}
