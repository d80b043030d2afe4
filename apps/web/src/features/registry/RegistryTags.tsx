import { Tag, Tooltip } from 'antd';
import { useT } from '../../i18n';
import { formatDateTime } from '../../lib/format';
import type { EntityGrade, EntityStatus, EntityType, RectificationState, TaskState } from './enums';

const gradeColors: Record<EntityGrade, string> = { key: 'red', general: 'blue', watch: 'gold' };
const rectColors: Record<RectificationState, string> = { open: 'processing', rectified: 'success', not_rectified: 'error' };
const taskColors: Record<TaskState, string> = { open: 'processing', done: 'success', cancelled: 'default' };
const deadlineColors = { on_time: 'success', at_risk: 'warning', overdue: 'error' } as const;
export type DeadlineStatus = keyof typeof deadlineColors;

export function GradeTag({ grade, testId }: { grade: EntityGrade; testId?: string }) {
  const t = useT();
  return (
    <Tag color={gradeColors[grade]} data-testid={testId}>
      {t(`regGrade.${grade}`)}
    </Tag>
  );
}

export function StatusTag({ status }: { status: EntityStatus }) {
  const t = useT();
  return <Tag color={status === 'active' ? 'green' : 'default'}>{t(`regStatus.${status}`)}</Tag>;
}

/** In a narrow column a long type name ends in … (the full name is its title). */
export function TypeTag({ type }: { type: EntityType }) {
  const t = useT();
  const label = t(`regType.${type}`);
  return (
    <Tag bordered={false} title={label} style={{ maxWidth: '100%', overflow: 'hidden', textOverflow: 'ellipsis', verticalAlign: 'middle' }}>
      {label}
    </Tag>
  );
}

export function RectificationTag({ state }: { state: RectificationState }) {
  const t = useT();
  return <Tag color={rectColors[state]}>{t(`regRect.${state}`)}</Tag>;
}

export function TaskTag({ state }: { state: TaskState }) {
  const t = useT();
  return <Tag color={taskColors[state]}>{t(`regTask.${state}`)}</Tag>;
}

/** A due date with its status: green in time, orange close to the limit, red past it. */
export function DueTag({ dueAt, status }: { dueAt: string | null; status: DeadlineStatus | null }) {
  const t = useT();
  if (!dueAt) return <span>—</span>;
  return (
    <Tooltip title={t('reg.dueAt', { time: formatDateTime(dueAt) })}>
      <span className="reg-nowrap">
        {formatDateTime(dueAt).slice(0, 10)} {status && <Tag color={deadlineColors[status]}>{t(`regDeadline.${status}`)}</Tag>}
      </span>
    </Tooltip>
  );
}
