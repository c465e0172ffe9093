import { SingleBar } from 'cli-progress';
import type { DemoProgress } from './demo-district.js';

/**
 * The console's progress bar for a demo build (the same bar as the imports'): on a terminal it
 * redraws in place; without one (CI, logs, a parent process) it prints a line a second.
 */
export function demoProgressBar(stream: NodeJS.WriteStream = process.stderr) {
  const bar = new SingleBar({
    format: '演示数据 {bar} {percentage}% | {step}',
    stream,
    hideCursor: true,
    noTTYOutput: true,
    notTTYSchedule: 1000,
  });
  bar.start(100, 0, { step: '' });
  return {
    update: (progress: DemoProgress) =>
      bar.update(Math.round(progress.fraction * 100), { step: progress.step }),
    stop: () => bar.stop(),
  };
}
