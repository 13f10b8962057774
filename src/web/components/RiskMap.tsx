import { useEffect, useRef } from 'react';
import * as echarts from 'echarts/core';
import { MapChart } from 'echarts/charts';
import { TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import nanchang from '../../../data/geo/nanchang-counties.json';

echarts.use([MapChart, TooltipComponent, CanvasRenderer]);

const MAP_NAME = 'nanchang-counties';
let registered = false;

function registerOnce() {
  if (registered) return;
  // The committed boundary file (data/geo/SOURCE.md) names each county by its GB/T 2260 code in `properties.code`.
  echarts.registerMap(MAP_NAME, nanchang as unknown as Parameters<typeof echarts.registerMap>[1]);
  registered = true;
}

export interface RiskMapArea {
  code: string;
  name: string;
  levelLabel: string;
  color: string | null;
  effectiveFrom: string | null;
}

const UNSET_COLOR = '#d9d9d9';

/** The city's counties coloured by risk level (ECharts map on the committed boundary data); click picks a county. */
export default function RiskMap({
  areas,
  height = 420,
  onSelect,
}: {
  areas: RiskMapArea[];
  height?: number;
  onSelect?: (code: string) => void;
}) {
  const box = useRef<HTMLDivElement>(null);
  const select = useRef(onSelect);
  select.current = onSelect;

  useEffect(() => {
    if (!box.current) return;
    registerOnce();
    const byName = new Map(areas.map((a) => [a.name, a]));
    const chart = echarts.init(box.current, undefined, { renderer: 'canvas' });
    chart.setOption({
      tooltip: {
        trigger: 'item',
        formatter: (p: { name: string }) => {
          const a = byName.get(p.name);
          if (!a) return p.name;
          return `${a.name}：${a.levelLabel}${a.effectiveFrom ? `（自 ${a.effectiveFrom} 起）` : ''}`;
        },
      },
      series: [
        {
          type: 'map',
          map: MAP_NAME,
          roam: false,
          selectedMode: false,
          label: { show: true, fontSize: 11, color: '#262626' },
          emphasis: {
            label: { show: true },
            itemStyle: { areaColor: undefined, borderColor: '#1f5fbf', borderWidth: 2 },
          },
          itemStyle: { borderColor: '#fff', borderWidth: 1 },
          data: areas.map((a) => ({
            name: a.name,
            value: a.code,
            itemStyle: { areaColor: a.color ?? UNSET_COLOR },
          })),
        },
      ],
    });
    chart.on('click', (p) => {
      const a = byName.get(p.name);
      if (a) select.current?.(a.code);
    });
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(box.current);
    return () => {
      observer.disconnect();
      chart.dispose();
    };
  }, [areas]);

  return (
    <div
      ref={box}
      data-testid="risk-map"
      style={{ width: '100%', height }}
      role="img"
      aria-label={areas.map((a) => `${a.name}${a.levelLabel}`).join('，')}
    />
  );
}
