import { Alert, Table } from 'antd';
import { useT } from '../../i18n';

export interface RuleProblem {
  line?: number;
  rule?: string;
  reason: string;
}

/** The problems of a `lexicon.invalid_rule` / `lexicon.invalid_file` error, if its details carry them. */
export function ruleProblems(details: unknown): RuleProblem[] {
  const list = (details as { problems?: unknown } | null | undefined)?.problems;
  if (!Array.isArray(list)) return [];
  return list.map((p: unknown) => {
    const rec = (p ?? {}) as { line?: unknown; rule?: unknown; reason?: unknown };
    return {
      line: typeof rec.line === 'number' ? rec.line : undefined,
      rule: typeof rec.rule === 'string' ? rec.rule : undefined,
      reason: typeof rec.reason === 'string' ? rec.reason : '',
    };
  });
}

/** Why the engine refused a rule or a file: the localized error, then each problem (with its line). */
export function RuleProblems({ title, problems }: { title: string; problems: RuleProblem[] }) {
  const t = useT();
  const withLines = problems.some((p) => p.line !== undefined);
  return (
    <div data-testid="lexicon-problems">
      <Alert type="error" showIcon title={title} style={{ marginBottom: problems.length > 0 ? 12 : 0 }} />
      {problems.length > 0 && (
        <Table<RuleProblem>
          rowKey={(p, i) => `${p.line ?? ''}-${i}`}
          size="small"
          pagination={problems.length > 8 ? { pageSize: 8, showSizeChanger: false } : false}
          dataSource={problems}
          columns={[
            ...(withLines ? [{ key: 'line', title: t('lex.line'), width: 70, render: (_: unknown, p: RuleProblem) => p.line ?? '—' }] : []),
            { key: 'rule', title: t('lex.rule'), width: 180, ellipsis: true, render: (_, p) => p.rule ?? '—' },
            { key: 'reason', title: t('lex.problem'), render: (_, p) => p.reason },
          ]}
        />
      )}
    </div>
  );
}
