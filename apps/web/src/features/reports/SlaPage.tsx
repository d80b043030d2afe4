import { useState } from 'react';
import { App, Button, Card, Flex, Table, Typography } from 'antd';
import { useT } from '../../i18n';
import { PageHeader } from '../../components/PageHeader';
import { SettingLevelNote, SettingSourceTag } from '../../components/SettingSource';
import { useConfirmWithReason } from '../../components/use-confirm-with-reason';
import { useShowError } from '../../lib/use-show-error';
import { SlaFormModal } from './SlaFormModal';
import { useSaveSla, useSla, type SlaRow } from './sla.api';

interface Line { code: string; name: string; row: SlaRow | null }

/**
 * 办理时限 per category: the top level's are the defaults; a lower level may set its own for a
 * category, which applies to its reports and those of the levels below it.
 */
export function SlaPage() {
  const t = useT();
  const { message } = App.useApp();
  const confirm = useConfirmWithReason();
  const showError = useShowError();
  const sla = useSla();
  const save = useSaveSla();
  const [editing, setEditing] = useState<Line | null>(null);
  const d = sla.data?.defaults;
  const taxonomy = sla.data?.taxonomy ?? [];
  const nameOf = (code: string) => taxonomy.find((c) => c.code === code)?.name ?? code;
  const lines: Line[] = taxonomy.map((c) => ({
    code: c.code, name: c.parentCode ? `${nameOf(c.parentCode)} · ${c.name}` : c.name,
    row: sla.data?.categories.find((r) => r.categoryCode === c.code) ?? null,
  }));
  const onRemove = (l: Line) =>
    confirm({
      title: t('sla.removeTitle', { name: l.name }),
      content: t('sla.removeBody'),
      okText: t('settings.removeOwn'),
      onConfirm: (reason) => save.mutateAsync({ code: l.code, input: null, reason }).then(() => message.success(t('sla.removed')), showError),
    });
  const cell = (l: Line, f: 'accept' | 'dispose' | 'reply') =>
    l.row ? l.row[f] : <Typography.Text type="secondary">{d?.[f]}</Typography.Text>;
  return (
    <div data-testid="report-sla">
      <PageHeader title={t('nav.reportsSla')} />
      <SettingLevelNote level={sla.data?.level} />
      <Card>
        {d && <Typography.Paragraph type="secondary">{t('sla.hint', { ...d })}</Typography.Paragraph>}
        <Table<Line>
          rowKey="code"
          size="middle"
          loading={sla.isPending}
          dataSource={lines}
          pagination={false}
          columns={[
            { key: 'name', title: t('sla.category'), render: (_, l) => l.name },
            { key: 'accept', title: t('sla.accept'), width: 130, align: 'right', render: (_, l) => cell(l, 'accept') },
            { key: 'dispose', title: t('sla.dispose'), width: 130, align: 'right', render: (_, l) => cell(l, 'dispose') },
            { key: 'reply', title: t('sla.reply'), width: 130, align: 'right', render: (_, l) => cell(l, 'reply') },
            { key: 'source', title: t('settings.source'), width: 170, render: (_, l) => (l.row ? <SettingSourceTag source={l.row.source} /> : '—') },
            {
              key: 'actions',
              title: t('common.actions'),
              width: 190,
              render: (_, l) => (
                <Flex gap={4}>
                  <Button size="small" type="link" onClick={() => setEditing(l)} data-testid="sla-edit">
                    {l.row && !l.row.source.own ? t('settings.overrideInherited') : t('common.edit')}
                  </Button>
                  {l.row?.source.own && (
                    <Button size="small" type="link" danger onClick={() => onRemove(l)} data-testid="sla-remove">
                      {t('settings.removeOwn')}
                    </Button>
                  )}
                </Flex>
              ),
            },
          ]}
        />
      </Card>
      {editing && d && (
        <SlaFormModal code={editing.code} name={editing.name} initial={editing.row ?? d} onClose={() => setEditing(null)} />
      )}
    </div>
  );
}
