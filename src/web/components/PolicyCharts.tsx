import { useEffect, useRef } from 'react';
import * as echarts from 'echarts/core';
import { BarChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([BarChart, PieChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

const yuanText = (fen: number) =>
  `${(fen / 100).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 })} 元`;

function useChart(option: echarts.EChartsCoreOption, height: number, label: string) {
  const box = useRef<HTMLDivElement>(null);
  const latest = useRef(option);
  latest.current = option;
  // The label spells out every datum, so it changes exactly when the chart must be drawn again.
  useEffect(() => {
    if (!box.current) return;
    const chart = echarts.init(box.current, undefined, { renderer: 'canvas' });
    chart.setOption(latest.current);
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(box.current);
    return () => {
      observer.disconnect();
      chart.dispose();
    };
  }, [label, height]);
  return <div ref={box} style={{ width: '100%', height }} role="img" aria-label={label} data-testid="policy-chart" />;
}

export interface SeriesDatum {
  name: string;
  /** Values per series, same order as `series`. */
  values: number[];
}

/** Grouped horizontal bars: money in 元 (values in fen) or counts, one bar per series. */
export function PolicyBarChart({
  data,
  series,
  money,
  height = 260,
}: {
  data: SeriesDatum[];
  series: string[];
  money?: boolean;
  height?: number;
}) {
  const option = {
    grid: { left: 8, right: 56, top: series.length > 1 ? 28 : 8, bottom: 8, containLabel: true },
    legend: series.length > 1 ? { top: 0 } : undefined,
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      valueFormatter: (v: number) => (money ? yuanText(v) : v.toLocaleString('zh-CN')),
    },
    xAxis: {
      type: 'value',
      axisLabel: {
        color: '#8c8c8c',
        formatter: (v: number) => (money ? `${(v / 1_000_000).toLocaleString('zh-CN')}万` : String(v)),
      },
      splitLine: { lineStyle: { color: '#f0f0f0' } },
    },
    yAxis: { type: 'category', data: data.map((d) => d.name), inverse: true, axisTick: { show: false } },
    series: series.map((s, i) => ({
      name: s,
      type: 'bar',
      data: data.map((d) => d.values[i] ?? 0),
      barMaxWidth: 18,
      itemStyle: { borderRadius: [0, 4, 4, 0] },
    })),
  };
  const label = data
    .map((d) => `${d.name} ${d.values.map((v) => (money ? yuanText(v) : String(v))).join('/')}`)
    .join('，');
  return useChart(option, Math.max(height, data.length * (18 * series.length + 14) + 40), label);
}

/** A pie of money (fen) by part, e.g. the funding split by level of government. */
export function PolicyPieChart({ data, height = 260 }: { data: { name: string; value: number }[]; height?: number }) {
  const option = {
    tooltip: { trigger: 'item', valueFormatter: (v: number) => yuanText(v) },
    legend: { bottom: 0 },
    series: [
      {
        type: 'pie',
        radius: ['40%', '68%'],
        data,
        label: { formatter: '{b}\n{d}%' },
      },
    ],
  };
  return useChart(option, height, data.map((d) => `${d.name} ${yuanText(d.value)}`).join('，'));
}
