import { useState } from 'react';
import { AutoComplete, Button, Card, Col, Flex, Input, Row, Select } from 'antd';
import type { LexiconRuleView } from '@tianlang/contracts';
import { useT } from '../../i18n';
import { PageHeader } from '../../components/PageHeader';
import { SettingLevelNote, useIsTopLevel } from '../../components/SettingSource';
import { useCan } from '../../lib/session';
import { categoryLabel, KNOWN_CATEGORIES } from './labels';
import { useRules, type RuleSort } from './lexicon.api';
import { LexiconImportModal } from './LexiconImportModal';
import { RuleFormModal } from './RuleFormModal';
import { RulesTable } from './RulesTable';
import { VersionsTimeline } from './VersionsTimeline';

const PAGE_SIZE = 20;

export function LexiconPage() {
  const t = useT();
  const can = useCan();
  // Lexicons are kept at the top level only; below it they are read-only.
  const top = useIsTopLevel();
  const [q, setQ] = useState('');
  const [category, setCategory] = useState('');
  const [active, setActive] = useState<'true' | 'false' | 'all'>('true');
  const [sort, setSort] = useState<RuleSort>('pattern');
  const [page, setPage] = useState(1);
  const [editing, setEditing] = useState<LexiconRuleView | 'new' | null>(null);
  const [importing, setImporting] = useState(false);
  const rules = useRules({
    q: q || undefined,
    category: category.trim() || undefined,
    active: active === 'all' ? undefined : active,
    sort,
    limit: PAGE_SIZE,
    offset: (page - 1) * PAGE_SIZE,
  });
  const filter = <T,>(set: (v: T) => void) => (v: T) => {
    set(v);
    setPage(1);
  };

  return (
    <>
      <PageHeader
        title={t('nav.patrolLexicon')}
        extra={
          can('patrol.manage') && top && (
            <>
              <Button onClick={() => setImporting(true)} data-testid="lexicon-import">
                {t('lex.import')}
              </Button>
              <Button type="primary" onClick={() => setEditing('new')} data-testid="lexicon-add">
                {t('lex.addRule')}
              </Button>
            </>
          )
        }
      />
      {can('patrol.manage') && <SettingLevelNote rootOnly />}
      <Row gutter={[16, 16]}>
        <Col xs={24} xxl={18}>
          <Card>
            <Flex wrap gap={12} style={{ marginBottom: 16 }}>
              <Input.Search allowClear placeholder={t('lex.search')} style={{ width: 220 }} onSearch={filter(setQ)} maxLength={60} data-testid="lexicon-search" />
              <AutoComplete
                allowClear
                placeholder={t('lex.category')}
                style={{ width: 160 }}
                value={category}
                onChange={(v: string | undefined) => filter(setCategory)(v ?? '')}
                options={KNOWN_CATEGORIES.map((c) => ({ value: c, label: categoryLabel(t, c) }))}
              />
              <Select
                style={{ width: 120 }}
                value={active}
                onChange={filter(setActive)}
                options={[
                  { value: 'true', label: t('lex.onlyActive') },
                  { value: 'false', label: t('lex.onlyInactive') },
                  { value: 'all', label: t('common.all') },
                ]}
              />
              <Select<RuleSort>
                style={{ width: 150 }}
                value={sort}
                onChange={filter(setSort)}
                options={(['pattern', 'hits', 'precision'] as const).map((s) => ({ value: s, label: t(`lex.sort.${s}`) }))}
                data-testid="lexicon-sort"
              />
            </Flex>
            <RulesTable data={rules.data} loading={rules.isFetching} page={page} pageSize={PAGE_SIZE} onPage={setPage} onEdit={setEditing} />
          </Card>
        </Col>
        <Col xs={24} xxl={6}>
          <VersionsTimeline />
        </Col>
      </Row>
      {editing && <RuleFormModal rule={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
      {importing && <LexiconImportModal onClose={() => setImporting(false)} />}
    </>
  );
}
