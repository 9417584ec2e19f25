import { BarChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

echarts.use([BarChart, GridComponent, TooltipComponent, CanvasRenderer]);

/** Bar chart of a percentage by fiscal year. */
export function RateChart({ labels, values }: { labels: string[]; values: (number | null)[] }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!ref.current) return;
    const chart = echarts.init(ref.current);
    chart.setOption({
      grid: { left: 40, right: 20, top: 20, bottom: 30 },
      tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => (typeof v === 'number' ? `${v.toFixed(1)}%` : '×') },
      xAxis: { type: 'category', data: labels },
      yAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
      series: [
        {
          type: 'bar',
          data: values,
          itemStyle: { color: '#0b4f6c' },
          label: { show: true, position: 'top', formatter: (p: { value: number }) => `${p.value.toFixed(1)}%` },
        },
      ],
    });
    return () => chart.dispose();
  }, [labels, values]);
  return <div ref={ref} className="chart" role="img" aria-label="特定健診受診率の推移" />;
}
