import { useState } from 'react';
import { Alert, Button, Card, Flex, Input, Typography } from 'antd';
import { useT } from '../../i18n';
import { useShowError } from '../../lib/use-show-error';
import { HighlightedText } from './HighlightedText';
import { useCheckTerms, type TermSuggestion } from './terms.api';

const MAX = 100_000;

/** Paste a draft, get the outdated or wrong expressions marked, each with the form to use instead. */
export function TermChecker() {
  const t = useT();
  const showError = useShowError();
  const [text, setText] = useState('');
  // The answer belongs to the text that was checked, not to whatever is in the box now.
  const [checked, setChecked] = useState<{ text: string; suggestions: TermSuggestion[] } | null>(null);
  const check = useCheckTerms();

  const run = () =>
    check.mutate(text, { onSuccess: (r) => setChecked({ text, suggestions: r.suggestions }), onError: (e) => showError(e) });

  return (
    <Card title={t('terms.checker')}>
      <Typography.Paragraph type="secondary">{t('terms.checkerHint')}</Typography.Paragraph>
      <Input.TextArea
        rows={8}
        value={text}
        maxLength={MAX}
        showCount
        onChange={(e) => setText(e.target.value)}
        placeholder={t('terms.inputPlaceholder')}
        data-testid="term-check-input"
      />
      <Flex justify="flex-end" style={{ marginTop: 24 }}>
        <Button type="primary" onClick={run} loading={check.isPending} disabled={!text.trim()} data-testid="term-check-submit">
          {t('terms.check')}
        </Button>
      </Flex>
      {checked && (
        <Flex vertical gap={12} style={{ marginTop: 16 }} data-testid="term-check-result">
          {checked.suggestions.length === 0 ? (
            <Alert type="success" showIcon title={t('terms.noSuggestions')} />
          ) : (
            <>
              <Alert type="warning" showIcon title={t('terms.found', { count: checked.suggestions.length })} />
              <HighlightedText
                text={checked.text}
                spans={checked.suggestions}
                testId="term-check-text"
                renderMark={(seg) => (
                  <mark className="term-mark" title={seg.spans.map((s) => t('terms.suggestion', { wrong: s.wrong, right: s.right })).join('\n')} data-testid="term-mark">
                    {seg.text}
                  </mark>
                )}
              />
              <Flex vertical gap={6}>
                {checked.suggestions.map((s, i) => (
                  <Flex key={`${s.start}-${i}`} gap={8} align="baseline" wrap data-testid="term-suggestion">
                    <Typography.Text delete type="danger">
                      {s.wrong}
                    </Typography.Text>
                    <span>→</span>
                    <Typography.Text>{t('terms.suggest')}</Typography.Text>
                    <Typography.Text strong type="success">
                      {s.right}
                    </Typography.Text>
                    {s.note && <Typography.Text type="secondary">（{s.note}）</Typography.Text>}
                  </Flex>
                ))}
              </Flex>
            </>
          )}
        </Flex>
      )}
    </Card>
  );
}
