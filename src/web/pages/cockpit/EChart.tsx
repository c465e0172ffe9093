import { type CSSProperties, useEffect, useRef } from 'react';
import { type ChartFigures, ChartFiguresTable } from './ChartFigures';
import { type EChartsOption, echarts } from './echarts';

export interface ChartClick {
  name: string;
  dataIndex: number;
}

interface Props {
  option: EChartsOption;
  /** The chart in words and its figures as a table, for a screen reader (the canvas is a picture). */
  figures: ChartFigures;
  height: number;
  onClick?: (event: ChartClick) => void;
  /** After each render, with the chart (e.g. to read where things were drawn). */
  onRendered?: (chart: echarts.ECharts) => void;
  style?: CSSProperties;
  testId?: string;
}

/** One ECharts instance in a div: sized to its box, options replaced on change, disposed on unmount. */
export function EChart({ option, figures, height, onClick, onRendered, style, testId }: Props) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);

  useEffect(() => {
    const element = box.current;
    if (!element) return;
    const instance = echarts.init(element);
    chart.current = instance;
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(element);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);

  useEffect(() => {
    const instance = chart.current;
    if (!instance || !onClick) return;
    const handler = (params: unknown) => onClick(params as ChartClick);
    instance.on('click', handler);
    return () => {
      instance.off('click', handler);
    };
  }, [onClick]);

  useEffect(() => {
    const instance = chart.current;
    if (!instance || !onRendered) return;
    const handler = () => onRendered(instance);
    instance.on('finished', handler);
    return () => {
      instance.off('finished', handler);
    };
  }, [onRendered]);

  return (
    <>
      <div
        ref={box}
        role="img"
        aria-label={figures.label}
        style={{ height, width: '100%', ...style }}
        data-testid={testId}
      />
      <ChartFiguresTable figures={figures} />
    </>
  );
}
