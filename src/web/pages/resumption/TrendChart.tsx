import { useEffect, useRef } from 'react';
import * as echarts from 'echarts/core';
import { LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import type { TrendPointDto } from '../../api/resumption.ts';

echarts.use([LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

function pct(r: { numerator: number; denominator: number }): number | null {
  return r.denominator === 0 ? null : Math.round((r.numerator * 1000) / r.denominator) / 10;
}

/** 复工率 and 复岗率 day by day (ECharts line chart). */
export default function TrendChart({ points, height = 260 }: { points: TrendPointDto[]; height?: number }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!box.current) return;
    const chart = echarts.init(box.current, undefined, { renderer: 'canvas' });
    chart.setOption({
      grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
      legend: { top: 0 },
      tooltip: { trigger: 'axis', valueFormatter: (v: number | null) => (v === null ? '—' : `${v.toFixed(1)}%`) },
      xAxis: { type: 'category', data: points.map((p) => p.date.slice(5)) },
      yAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
      series: [
        { name: '复工率', type: 'line', smooth: true, data: points.map((p) => pct(p.resumptionRatio)) },
        { name: '复岗率', type: 'line', smooth: true, data: points.map((p) => pct(p.reinstatementRatio)) },
      ],
    });
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(box.current);
    return () => {
      observer.disconnect();
      chart.dispose();
    };
  }, [points]);
  const last = points.at(-1);
  return (
    <div
      ref={box}
      data-testid="trend-chart"
      style={{ width: '100%', height }}
      role="img"
      aria-label={last ? `${last.date} 复工率 ${last.resumptionRate}，复岗率 ${last.reinstatementRate}` : '暂无数据'}
    />
  );
}
