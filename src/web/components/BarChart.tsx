import { useEffect, useRef } from 'react';
import * as echarts from 'echarts/core';
import { BarChart as EBarChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([EBarChart, GridComponent, TooltipComponent, CanvasRenderer]);

export interface BarDatum {
  name: string;
  value: number;
}

/** A small horizontal bar chart (ECharts, loaded on demand so the first page stays light). */
export default function BarChart({ data, unit, height = 220 }: { data: BarDatum[]; unit: string; height?: number }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!box.current) return;
    const chart = echarts.init(box.current, undefined, { renderer: 'canvas' });
    chart.setOption({
      grid: { left: 8, right: 48, top: 8, bottom: 8, containLabel: true },
      tooltip: {
        trigger: 'item',
        formatter: (p: { name: string; value: number }) => `${p.name}：${p.value.toLocaleString('zh-CN')} ${unit}`,
      },
      xAxis: { type: 'value', axisLabel: { color: '#8c8c8c' }, splitLine: { lineStyle: { color: '#f0f0f0' } } },
      yAxis: { type: 'category', data: data.map((d) => d.name), inverse: true, axisTick: { show: false } },
      series: [
        {
          type: 'bar',
          data: data.map((d) => d.value),
          barMaxWidth: 22,
          itemStyle: { color: '#1f5fbf', borderRadius: [0, 4, 4, 0] },
          label: { show: true, position: 'right', color: '#595959' },
        },
      ],
    });
    const resize = () => chart.resize();
    const observer = new ResizeObserver(resize);
    observer.observe(box.current);
    return () => {
      observer.disconnect();
      chart.dispose();
    };
  }, [data, unit]);
  return (
    <div
      ref={box}
      style={{ width: '100%', height }}
      role="img"
      aria-label={data.map((d) => `${d.name} ${d.value}${unit}`).join('，')}
    />
  );
}
