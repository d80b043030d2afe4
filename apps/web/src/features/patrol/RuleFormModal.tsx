import { useState } from 'react';
import { App, AutoComplete, Form, Input, Modal, Segmented, Select, Switch } from 'antd';
import type { LexiconRuleView } from '@tianlang/contracts';
import { useT } from '../../i18n';
import { cleanReason, ReasonField } from '../../components/ReasonField';
import { errorText } from '../../lib/errors';
import { isApiError } from '../../lib/api';
import { useShowError } from '../../lib/use-show-error';
import { RULE_KIND_LIST } from './enums';
import { categoryLabel, KNOWN_CATEGORIES } from './labels';
import { useCreateRule, useUpdateRule, type RuleKind } from './lexicon.api';
import { RuleProblems, ruleProblems, type RuleProblem } from './RuleProblems';

interface Values {
  kind: RuleKind;
  pattern: string;
  category: string;
  severity: number;
  allowContexts: string[];
  pinyin: boolean;
  note?: string;
  reason?: string;
}

export const SEVERITIES = [1, 2, 3, 4, 5] as const;

/** Add a rule (rule = null) or edit one; kind and pattern are the rule's identity and stay fixed. */
export function RuleFormModal({ rule, onClose }: { rule: LexiconRuleView | null; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const showError = useShowError();
  const [form] = Form.useForm<Values>();
  const kind = Form.useWatch('kind', form) ?? rule?.kind ?? 'term';
  const [refused, setRefused] = useState<{ title: string; problems: RuleProblem[] } | null>(null);
  const create = useCreateRule();
  const update = useUpdateRule();

  const onError = (err: unknown) => {
    if (isApiError(err, 'lexicon.invalid_rule')) setRefused({ title: errorText(t, err), problems: ruleProblems(err.details) });
    else if (isApiError(err, 'resource.conflict')) form.setFields([{ name: 'pattern', errors: [t('lex.duplicate')] }]);
    else showError(err, form);
  };
  const done = (text: string) => () => {
    void message.success(text);
    onClose();
  };

  const onFinish = (v: Values) => {
    setRefused(null);
    const term = v.kind === 'term';
    const common = { category: v.category.trim(), severity: v.severity, allowContexts: term ? v.allowContexts : [], pinyin: term && v.pinyin };
    if (rule) {
      const input = { ...common, note: v.note?.trim() || null, reason: cleanReason(v.reason) };
      update.mutate({ id: rule.id, input }, { onSuccess: done(t('common.saved')), onError });
    } else {
      create.mutate({ ...common, kind: v.kind, pattern: v.pattern.trim(), note: v.note?.trim() || undefined }, { onSuccess: done(t('common.created')), onError });
    }
  };

  return (
    <Modal
      open
      width={640}
      title={rule ? t('lex.editTitle', { pattern: rule.pattern }) : t('lex.addRule')}
      okText={rule ? t('common.save') : t('common.create')}
      cancelText={t('common.cancel')}
      confirmLoading={create.isPending || update.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={onFinish}
        onValuesChange={() => setRefused(null)}
        initialValues={rule ? { ...rule, note: rule.note ?? undefined } : { kind: 'term', severity: 3, allowContexts: [], pinyin: false }}
        data-testid="rule-form"
      >
        <Form.Item name="kind" label={t('lex.kind')}>
          <Segmented<RuleKind> disabled={rule !== null} options={RULE_KIND_LIST.map((k) => ({ value: k, label: t(`ruleKind.${k}`) }))} />
        </Form.Item>
        <Form.Item name="pattern" label={t('lex.pattern')} extra={t(`lex.patternHint.${kind}`)} rules={[{ required: true, whitespace: true, max: 200, message: t('common.required') }]}>
          <Input maxLength={200} disabled={rule !== null} style={kind === 'regex' ? { fontFamily: 'monospace' } : undefined} data-testid="rule-pattern" />
        </Form.Item>
        <Form.Item name="category" label={t('lex.category')} extra={t('lex.categoryHint')} rules={[{ required: true, whitespace: true, max: 60, message: t('common.required') }]}>
          <AutoComplete
            options={KNOWN_CATEGORIES.map((c) => ({ value: c, label: t('common.withNote', { text: categoryLabel(t, c), note: c }) }))}
            showSearch={{ filterOption: (input, option) => String(option?.label ?? '').toLowerCase().includes(input.toLowerCase()) }}
          />
        </Form.Item>
        <Form.Item name="severity" label={t('lex.severity')} extra={t('lex.severityHint')}>
          <Select style={{ width: 160 }} options={SEVERITIES.map((n) => ({ value: n, label: t('lex.severityValue', { n }) }))} />
        </Form.Item>
        {kind === 'term' && (
          <>
            <Form.Item name="allowContexts" label={t('lex.allowContexts')} extra={t('lex.allowHint')}>
              <Select mode="tags" open={false} tokenSeparators={[',', '，', '、']} maxCount={20} />
            </Form.Item>
            <Form.Item name="pinyin" label={t('lex.pinyin')} extra={t('lex.pinyinHint')} valuePropName="checked">
              <Switch />
            </Form.Item>
          </>
        )}
        <Form.Item name="note" label={t('lex.note')}>
          <Input maxLength={200} />
        </Form.Item>
        {rule && <ReasonField />}
      </Form>
      {refused && <RuleProblems title={refused.title} problems={refused.problems} />}
    </Modal>
  );
}
