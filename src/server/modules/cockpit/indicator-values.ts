import type { CounterCode } from './indicators.js';

/** Small helpers the indicator definitions compute their values with. */
export const oneDecimal = (value: number) => Math.round(value * 10) / 10;
export const percent = (part: number, whole: number) =>
  whole === 0 ? null : oneDecimal((part / whole) * 100);
export const count =
  (counter: CounterCode) =>
  (get: (counter: CounterCode) => number): number =>
    get(counter);
