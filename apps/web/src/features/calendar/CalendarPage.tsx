import { useMemo, useState } from 'react';
import { Card, Col, Flex, Row, Select, Typography } from 'antd';
import type { CalendarDayView } from '@tianlang/contracts';
import { useT } from '../../i18n';
import { PageHeader } from '../../components/PageHeader';
import { SettingLevelNote } from '../../components/SettingSource';
import { officeToday } from '../../lib/format';
import { useCalendarYear } from './calendar.api';
import { DayEditModal } from './DayEditModal';
import { DeadlinePreview } from './DeadlinePreview';
import { MonthGrid } from './MonthGrid';
import './calendar.css';

const MONTHS = Array.from({ length: 12 }, (_, i) => i);

function Legend() {
  const t = useT();
  // A sample day in each style, so the legend looks exactly like the grid.
  const item = (cls: string, text: string) => (
    <span className="cal-legend">
      <span className={`cal-day ${cls}`} aria-hidden="true">
        8
      </span>
      {text}
    </span>
  );
  return (
    <Flex gap={16} wrap>
      {item('holiday', t('cal.holiday'))}
      {item('workday', t('cal.workday'))}
      {item('weekend', t('cal.weekend'))}
    </Flex>
  );
}

export function CalendarPage() {
  const t = useT();
  const today = officeToday();
  const thisYear = Number(today.slice(0, 4));
  const [year, setYear] = useState(thisYear);
  const [picked, setPicked] = useState<string | null>(null);
  const { data, isPending } = useCalendarYear(year);
  const days = useMemo(() => new Map<string, CalendarDayView>((data?.days ?? []).map((d) => [d.date, d])), [data]);
  const years = Array.from({ length: 8 }, (_, i) => thisYear - 4 + i).filter((y) => y >= 2000 && y <= 2100);

  return (
    <>
      <PageHeader
        title={t('cal.title')}
        extra={
          <Select
            aria-label={t('cal.year')}
            value={year}
            onChange={setYear}
            style={{ width: 110 }}
            options={years.map((y) => ({ value: y, label: String(y) }))}
            data-testid="calendar-year"
          />
        }
      />
      <SettingLevelNote level={data?.level} />
      <Row gutter={[16, 16]}>
        <Col xs={24} xxl={18}>
          <Card loading={isPending}>
            <Flex justify="space-between" wrap gap={12} style={{ marginBottom: 12 }}>
              <Typography.Text strong data-testid="calendar-working-days">
                {data ? t('cal.workingDays', { count: data.workingDayCount }) : ''}
              </Typography.Text>
              <Legend />
            </Flex>
            <Typography.Paragraph type="secondary">{t('cal.clickHint')}</Typography.Paragraph>
            <Row gutter={[12, 12]} data-testid="calendar-grid">
              {MONTHS.map((m) => (
                <Col key={m} xs={24} sm={12} lg={8} xl={6}>
                  <MonthGrid year={year} month={m} days={days} today={today} onPick={setPicked} />
                </Col>
              ))}
            </Row>
          </Card>
        </Col>
        <Col xs={24} xxl={6}>
          <DeadlinePreview />
        </Col>
      </Row>
      {picked && <DayEditModal date={picked} existing={days.get(picked) ?? null} onClose={() => setPicked(null)} />}
    </>
  );
}
