import { useLayoutEffect, useRef } from 'react';
import * as echarts from 'echarts/core';
import { BarChart, LineChart, TreemapChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import type { EChartsCoreOption } from 'echarts/core';

// Only what the dashboard draws: the rest of ECharts stays out of the bundle.
echarts.use([BarChart, LineChart, TreemapChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

/** Users who asked their system for less motion (and the browser tests, which ask for it) get charts without entry animations. */
const reducedMotion = typeof window !== 'undefined' && window.matchMedia?.('(prefers-reduced-motion: reduce)').matches;

export interface ChartClick { name: string; seriesName?: string; data?: unknown; dataIndex: number }

/**
 * One ECharts instance bound to a div; re-renders on option change, resizes with the window.
 * The div carries `data-chart-drawn` once the current option is painted (cleared while a new one is set).
 */
export function EChart({ option, height = 280, onClick, testId }: { option: EChartsCoreOption; height?: number; onClick?: (e: ChartClick) => void; testId?: string }) {
  const ref = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const click = useRef(onClick);
  click.current = onClick;

  useLayoutEffect(() => {
    if (!ref.current) return undefined;
    const c = echarts.init(ref.current);
    chart.current = c;
    c.on('click', (e) => click.current?.(e as unknown as ChartClick));
    c.on('finished', () => ref.current?.setAttribute('data-chart-drawn', ''));
    const resize = () => c.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      c.dispose();
      chart.current = null;
    };
  }, []);

  // A layout effect: the chart takes its new option in the same task as the page around it, never a frame later.
  useLayoutEffect(() => {
    if (!chart.current) return;
    ref.current?.removeAttribute('data-chart-drawn');
    chart.current.setOption(reducedMotion ? { ...option, animation: false } : option, true);
  }, [option]);

  return <div ref={ref} style={{ width: '100%', height }} data-testid={testId} />;
}
