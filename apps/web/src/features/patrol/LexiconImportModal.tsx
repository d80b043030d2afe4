import { useRef, useState } from 'react';
import { Alert, App, Button, Flex, Form, Input, Modal, Typography } from 'antd';
import { useT } from '../../i18n';
import { isApiError } from '../../lib/api';
import { errorText } from '../../lib/errors';
import { useShowError } from '../../lib/use-show-error';
import { useImportLexicon } from './lexicon.api';
import { RuleProblems, ruleProblems, type RuleProblem } from './RuleProblems';

const MAX_CHARS = 5_000_000;
const EXAMPLE = 'term\t赌博网站\tgambling\t4\nregex\t加[vV微]信\\d{6,}\tfraud\t3\ndomain\texample-bet.com\tgambling\t5';

/** Imports a lexicon file as one new version; any bad line rejects the whole file, named by line. */
export function LexiconImportModal({ onClose }: { onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const showError = useShowError();
  const [content, setContent] = useState('');
  const [note, setNote] = useState('');
  const [refused, setRefused] = useState<{ title: string; problems: RuleProblem[] } | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const importFile = useImportLexicon();

  const readFile = async (file: File | undefined) => {
    if (!file) return;
    if (file.size > MAX_CHARS * 3) return void message.error(t('error.request.too_large'));
    setRefused(null);
    setContent(await file.text());
  };

  const submit = () =>
    importFile.mutate(
      { content, note: note.trim() || undefined },
      {
        onSuccess: (r) => {
          void message.success(t('lex.importDone', { added: r.added, changed: r.changed, deactivated: r.deactivated }));
          onClose();
        },
        onError: (err) => {
          if (isApiError(err, 'lexicon.invalid_file') || isApiError(err, 'lexicon.invalid_rule')) {
            setRefused({ title: errorText(t, err), problems: ruleProblems(err.details) });
          } else showError(err);
        },
      },
    );

  return (
    <Modal
      open
      width={760}
      title={t('lex.importTitle')}
      okText={t('lex.importSubmit')}
      cancelText={t('common.cancel')}
      okButtonProps={{ disabled: !content.trim() || content.length > MAX_CHARS }}
      confirmLoading={importFile.isPending}
      onOk={submit}
      onCancel={onClose}
    >
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        title={t('lex.importHelpTitle')}
        description={
          <Flex vertical gap={4}>
            <span>{t('lex.importHelp')}</span>
            <Typography.Text type="secondary">{t('lex.importExample')}</Typography.Text>
            <pre style={{ margin: 0, fontSize: 12, whiteSpace: 'pre', overflowX: 'auto' }}>{EXAMPLE.replace(/\t/g, '  →  ')}</pre>
          </Flex>
        }
      />
      <Form layout="vertical" data-testid="lexicon-import-form">
        <Form.Item
          label={
            <Flex gap={8} align="center">
              {t('lex.importContent')}
              <Button size="small" onClick={() => fileInput.current?.click()} data-testid="lexicon-import-pick">
                {t('lex.importPick')}
              </Button>
            </Flex>
          }
          required
        >
          <input
            ref={fileInput}
            type="file"
            accept=".txt,.tsv,.lex,text/plain,text/tab-separated-values"
            style={{ display: 'none' }}
            onChange={(e) => {
              void readFile(e.target.files?.[0]);
              e.target.value = '';
            }}
          />
          <Input.TextArea
            rows={10}
            value={content}
            onChange={(e) => {
              setContent(e.target.value);
              setRefused(null);
            }}
            onKeyDown={(e) => {
              // A tab typed here is a field separator, not a move to the next control.
              if (e.key !== 'Tab' || e.shiftKey) return;
              e.preventDefault();
              const el = e.currentTarget;
              const { selectionStart: s, selectionEnd: end } = el;
              setContent(`${content.slice(0, s)}\t${content.slice(end)}`);
              requestAnimationFrame(() => el.setSelectionRange(s + 1, s + 1));
            }}
            style={{ fontFamily: 'monospace', fontSize: 13 }}
            placeholder={t('lex.importPlaceholder')}
            data-testid="lexicon-import-content"
          />
        </Form.Item>
        <Form.Item label={t('lex.importNote')}>
          <Input value={note} onChange={(e) => setNote(e.target.value)} maxLength={200} placeholder={t('lex.importNotePlaceholder')} />
        </Form.Item>
      </Form>
      {refused && <RuleProblems title={refused.title} problems={refused.problems} />}
    </Modal>
  );
}
