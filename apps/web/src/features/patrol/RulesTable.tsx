import { App, Button, Flex, Table, Tag, Tooltip, Typography } from 'antd';
import type { LexiconRuleView } from '@tianlang/contracts';
import { useT } from '../../i18n';
import { useConfirmWithReason } from '../../components/use-confirm-with-reason';
import type { Page } from '../../lib/api';
import { useCan } from '../../lib/session';
import { useIsTopLevel } from '../../components/SettingSource';
import { useShowError } from '../../lib/use-show-error';
import { categoryLabel, percent } from './labels';
import { useUpdateRule } from './lexicon.api';
import { RuleKindTag } from './PatrolTags';

interface Props {
  data: Page<LexiconRuleView> | undefined;
  loading: boolean;
  page: number;
  pageSize: number;
  onPage: (page: number) => void;
  onEdit: (rule: LexiconRuleView) => void;
}

const severityColors = ['', 'default', 'blue', 'gold', 'orange', 'red'];

export function RulesTable({ data, loading, page, pageSize, onPage, onEdit }: Props) {
  const t = useT();
  const can = useCan();
  const { message } = App.useApp();
  const showError = useShowError();
  const confirm = useConfirmWithReason();
  const update = useUpdateRule();
  // kept at the top level only; below it read-only
  const top = useIsTopLevel();
  const manage = can('patrol.manage') && top;

  const toggle = (r: LexiconRuleView) =>
    confirm({
      title: t(r.active ? 'lex.deactivateTitle' : 'lex.activateTitle', { pattern: r.pattern }),
      content: t('lex.toggleBody'),
      okText: t(r.active ? 'common.deactivate' : 'common.activate'),
      danger: r.active,
      onConfirm: (reason) =>
        update
          .mutateAsync({ id: r.id, input: { active: !r.active, reason } })
          .then(() => void message.success(t('common.saved')))
          .catch(showError),
    });

  return (
    <div data-testid="lexicon-rules-table">
      <Table<LexiconRuleView>
        rowKey="id"
        size="middle"
        loading={loading}
        dataSource={data?.items}
        scroll={{ x: 1150 }}
        pagination={{ current: page, pageSize, total: data?.total, onChange: onPage, showTotal: (total) => t('common.total', { total }), showSizeChanger: false }}
        columns={[
          {
            key: 'pattern',
            title: t('lex.pattern'),
            render: (_, r) => (
              <Flex vertical>
                <Typography.Text code delete={!r.active}>
                  {r.pattern}
                </Typography.Text>
                {r.note && (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }} ellipsis={{ tooltip: r.note }}>
                    {r.note}
                  </Typography.Text>
                )}
              </Flex>
            ),
          },
          { key: 'kind', title: t('lex.kind'), width: 110, render: (_, r) => <RuleKindTag kind={r.kind} /> },
          { key: 'category', title: t('lex.category'), width: 110, render: (_, r) => <Tooltip title={r.category}>{categoryLabel(t, r.category)}</Tooltip> },
          { key: 'severity', title: t('lex.severity'), width: 80, render: (_, r) => <Tag color={severityColors[r.severity]}>{t('lex.severityValue', { n: r.severity })}</Tag> },
          {
            key: 'allow',
            title: t('lex.allowContexts'),
            render: (_, r) =>
              r.allowContexts.length === 0 ? '—' : (
                <Flex wrap gap={4}>
                  {r.allowContexts.map((c) => (
                    <Tag key={c} style={{ marginInlineEnd: 0 }}>
                      {c}
                    </Tag>
                  ))}
                </Flex>
              ),
          },
          { key: 'pinyin', title: t('lex.pinyin'), width: 80, render: (_, r) => (r.pinyin ? t('common.yes') : t('common.no')) },
          { key: 'hits', title: t('lex.hits'), width: 70, align: 'right', render: (_, r) => r.hits },
          { key: 'confirmed', title: t('lex.confirmed'), width: 70, align: 'right', render: (_, r) => r.confirmed },
          { key: 'dismissed', title: t('lex.dismissed'), width: 70, align: 'right', render: (_, r) => r.dismissed },
          {
            key: 'precision',
            title: <Tooltip title={t('lex.precisionHint')}>{t('lex.precision')}</Tooltip>,
            width: 90,
            align: 'right',
            render: (_, r) => {
              const p = percent(r.precision);
              if (p === null) return <Tooltip title={t('lex.precisionNone')}>—</Tooltip>;
              return <Typography.Text type={r.precision !== null && r.precision < 0.5 ? 'danger' : undefined}>{p}</Typography.Text>;
            },
          },
          {
            key: 'status',
            title: t('common.status'),
            width: 80,
            render: (_, r) => (r.active ? <Tag color="success">{t('common.active')}</Tag> : <Tag>{t('common.inactive')}</Tag>),
          },
          ...(manage
            ? [
                {
                  key: 'actions',
                  title: t('common.actions'),
                  width: 130,
                  fixed: 'right' as const,
                  render: (_: unknown, r: LexiconRuleView) => (
                    <Flex gap={4}>
                      <Button size="small" type="link" onClick={() => onEdit(r)}>
                        {t('common.edit')}
                      </Button>
                      <Button size="small" type="link" danger={r.active} onClick={() => toggle(r)} data-testid="rule-toggle">
                        {t(r.active ? 'common.deactivate' : 'common.activate')}
                      </Button>
                    </Flex>
                  ),
                },
              ]
            : []),
        ]}
      />
    </div>
  );
}
