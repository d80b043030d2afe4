import { Alert, Col, Progress, Row, Statistic, Table, Tag } from 'antd';
import type { ImportProblem } from '@tianlang/contracts';
import { useT } from '../../i18n';
import { testId } from '../../lib/test-id';
import type { ImportView } from './registry.api';

/** 读取中 / 校验中 / 写入中, with a bar when the server knows the total. */
export function ImportProgress({ view }: { view: ImportView }) {
  const t = useT();
  const { phase, done, total } = view.progress;
  const percent = total ? Math.min(100, Math.round((done / total) * 100)) : undefined;
  return (
    <div data-testid="import-progress" style={{ padding: '24px 0' }}>
      <div style={{ marginBottom: 8 }}>{t(`regImport.phase.${phase}`)} {total ? t('regImport.progressCount', { done, total }) : t('regImport.progressRows', { done })}</div>
      <Progress percent={percent ?? 99} status="active" showInfo={percent !== undefined} />
    </div>
  );
}

export function ImportTotals({ view }: { view: ImportView }) {
  const t = useT();
  const { totals } = view;
  const cells: [string, number, string?][] = [
    [t('regImport.rows'), totals.rows],
    [t('regImport.valid'), totals.valid, '#389e0d'],
    [t('regImport.invalid'), totals.invalid, totals.invalid ? '#cf1322' : undefined],
    [t('regImport.toCreate'), totals.create],
    [t('regImport.toUpdate'), totals.update],
    [t('regImport.unchanged'), totals.unchanged],
  ];
  return (
    <Row gutter={16} data-testid="import-totals">
      {cells.map(([title, value, color]) => (
        <Col key={title} xs={8} md={4}>
          <Statistic title={title} value={value} styles={{ content: color ? { color } : undefined }} />
        </Col>
      ))}
    </Row>
  );
}

/** Problems, by row and column, in the words the server wrote them (Chinese). Row 0 is the file as a whole. */
export function ProblemsTable({ problems, capped }: { problems: ImportProblem[]; capped: boolean }) {
  const t = useT();
  return (
    <div data-testid="import-problems">
      {capped && <Alert type="info" showIcon style={{ marginBottom: 8 }} title={t('regImport.problemsCapped')} />}
      <Table<ImportProblem>
        rowKey={(p, i) => `${p.row}-${p.column ?? ''}-${i}`}
        size="small"
        dataSource={problems}
        onRow={() => testId('import-problem-row')}
        pagination={problems.length > 10 ? { pageSize: 10, showSizeChanger: false } : false}
        columns={[
          { key: 'row', title: t('regImport.row'), width: 90, render: (_, p) => (p.row > 0 ? t('regImport.rowNo', { row: p.row }) : t('regImport.wholeFile')) },
          { key: 'col', title: t('regImport.column'), width: 140, render: (_, p) => p.column ?? '—' },
          { key: 'msg', title: t('regImport.problem'), render: (_, p) => p.message },
        ]}
      />
    </div>
  );
}

const actionColors = { create: 'green', update: 'blue', unchanged: 'default' } as const;

export function SampleTable({ view }: { view: ImportView }) {
  const t = useT();
  return (
    <Table
      rowKey="row"
      size="small"
      dataSource={view.sample}
      pagination={view.sample.length > 10 ? { pageSize: 10, showSizeChanger: false } : false}
      columns={[
        { key: 'row', title: t('regImport.row'), width: 90, render: (_, s) => t('regImport.rowNo', { row: s.row }) },
        { key: 'action', title: t('regImport.action'), width: 100, render: (_, s) => <Tag color={actionColors[s.action]}>{t(`regImport.act.${s.action}`)}</Tag> },
        { key: 'name', title: t('reg.name'), render: (_, s) => s.name },
      ]}
    />
  );
}
