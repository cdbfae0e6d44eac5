/** One ECharts chart (SVG renderer, resized with its box); an empty state when there is nothing to draw. */
import { useEffect, useRef } from 'react';
import { Empty } from 'antd';
import * as echarts from 'echarts/core';
import { BarChart, GraphChart, HeatmapChart, LineChart } from 'echarts/charts';
import { AriaComponent, GridComponent, LegendComponent, TooltipComponent, VisualMapComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';

// Only what the health page draws, so the page does not carry the whole library.
echarts.use([BarChart, GraphChart, HeatmapChart, LineChart, AriaComponent, GridComponent, LegendComponent, TooltipComponent, VisualMapComponent, SVGRenderer]);

export function EChart({ option, height = 320, empty, testId }: { option: object | null; height?: number; empty: string; testId?: string }) {
  const el = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!el.current || !option) return;
    const chart = echarts.init(el.current, null, { renderer: 'svg' });
    chart.setOption({ animation: false, aria: { enabled: true }, ...option });
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(el.current);
    return () => {
      observer.disconnect();
      chart.dispose();
    };
  }, [option]);
  if (!option) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={empty} />;
  return <div ref={el} data-testid={testId} style={{ width: '100%', height }} />;
}
