import type { CalendarDayView } from '@tianlang/contracts';
import { useI18n } from '../../i18n';
import { isoDate, isWeekend, monthCells, monthName, weekdayNames } from './dates';

interface Props {
  year: number;
  month: number;
  days: ReadonlyMap<string, CalendarDayView>;
  today: string;
  onPick?: (date: string) => void;
}

export function MonthGrid({ year, month, days, today, onPick }: Props) {
  const { locale, t } = useI18n();
  return (
    <section className="cal-month">
      <h3>{monthName(locale, year, month)}</h3>
      <div className="cal-grid">
        {weekdayNames(locale).map((w, i) => (
          <div key={i} className="cal-head">
            {w}
          </div>
        ))}
        {monthCells(year, month).map((day, i) => {
          if (day === null) return <div key={`blank-${i}`} />;
          const date = isoDate(year, month, day);
          const special = days.get(date);
          const classes = ['cal-day', special?.kind ?? (isWeekend(year, month, day) ? 'weekend' : ''), date === today ? 'today' : ''];
          const label = special ? t('common.withNote', { text: `${date} ${special.name}`, note: t(special.kind === 'holiday' ? 'cal.holiday' : 'cal.workday') }) : date;
          return (
            <button
              key={date}
              type="button"
              className={classes.filter(Boolean).join(' ')}
              title={label}
              aria-label={label}
              disabled={!onPick}
              onClick={() => onPick?.(date)}
              data-date={date}
            >
              {day}
            </button>
          );
        })}
      </div>
    </section>
  );
}
