import { Flex, Tag, Typography } from 'antd';
import type { OrderView } from '@tianlang/contracts';
import { useT } from '../../i18n';
import { formatDateTime } from '../../lib/format';
import type { OrderAnswer } from './subcases.api';
import { ExternalLink } from './ContentSection';

const answerColors: Record<OrderAnswer, string> = { done: 'success', partial: 'warning', refused: 'error' };

/** The platform's answer, with a mark when it came after the deadline. */
export function AnswerCell({ order: o }: { order: OrderView }) {
  const t = useT();
  if (!o.answer) return <Typography.Text type="secondary">{t('rptOrder.notAnswered')}</Typography.Text>;
  return (
    <Flex vertical gap={2}>
      <span>
        <Tag color={answerColors[o.answer]}>{t(`rptAnswer.${o.answer}`)}</Tag>
        {o.answeredLate && <Tag color="red">{t('rptOrder.late')}</Tag>}
      </span>
      {o.answerNote && <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{o.answerNote}</Typography.Text>}
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>{formatDateTime(o.answeredAt)}</Typography.Text>
    </Flex>
  );
}

/** The office's own check after the answer: removed, or still there. */
export function RecheckCell({ order: o }: { order: OrderView }) {
  const t = useT();
  if (!o.recheck) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <Flex vertical gap={2}>
      <span>
        <Tag color={o.recheck === 'removed' ? 'success' : 'error'}>{t(`rptRecheck.${o.recheck}`)}</Tag>
      </span>
      {o.recheckNote && <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{o.recheckNote}</Typography.Text>}
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>{formatDateTime(o.recheckedAt)}</Typography.Text>
    </Flex>
  );
}

export function UrlList({ urls }: { urls: string[] }) {
  if (urls.length === 0) return <span>—</span>;
  return (
    <Flex vertical gap={2}>
      {urls.map((u) => (
        <ExternalLink key={u} href={u} />
      ))}
    </Flex>
  );
}
