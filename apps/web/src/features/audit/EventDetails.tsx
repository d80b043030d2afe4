import { Descriptions, Typography } from 'antd';
import type { EventView } from '@tianlang/contracts';
import { useT } from '../../i18n';

export function EventDetails({ event }: { event: EventView }) {
  const t = useT();
  const hasPayload = Object.keys(event.payload).length > 0;
  return (
    <Descriptions
      size="small"
      column={1}
      bordered
      items={[
        { key: 'subject', label: t('audit.subjectId'), children: <Typography.Text copyable={{ text: event.subjectId }}>{`${event.subjectType}/${event.subjectId} · ${t('audit.seq', { seq: event.seq })}`}</Typography.Text> },
        ...(event.reason ? [{ key: 'reason', label: t('audit.reason'), children: event.reason }] : []),
        {
          key: 'payload',
          label: t('audit.payload'),
          children: hasPayload ? (
            <pre style={{ margin: 0, whiteSpace: 'pre-wrap', wordBreak: 'break-all', fontSize: 12 }}>{JSON.stringify(event.payload, null, 2)}</pre>
          ) : (
            t('common.none')
          ),
        },
        { key: 'hash', label: t('audit.fullHash'), children: <Typography.Text code copyable style={{ wordBreak: 'break-all' }}>{event.hash}</Typography.Text> },
      ]}
    />
  );
}
