import { Injectable, type Provider, inject } from '@angular/core';
import { type ChartConfiguration } from 'chart.js';

import { CHART_RENDERER, type ChartHandle } from '../app/shared/chart.component';

/** jsdom has no canvas: charts are recorded instead of drawn, so specs can read what they show. */
@Injectable()
export class ChartRecorder {
  /** The latest configuration of every chart alive, by its canvas. */
  readonly charts = new Map<HTMLCanvasElement, ChartConfiguration>();

  render(canvas: HTMLCanvasElement, config: ChartConfiguration): ChartHandle {
    this.charts.set(canvas, config);
    return {
      update: (next) => this.charts.set(canvas, next),
      destroy: () => this.charts.delete(canvas),
    };
  }

  /** The configuration of the chart drawn in `host` (an `app-chart`, or an element holding one). */
  configIn(host: Element | null): ChartConfiguration | undefined {
    const canvas = host?.querySelector('canvas');
    return canvas ? this.charts.get(canvas) : undefined;
  }
}

export const RECORDED_CHARTS: Provider[] = [
  ChartRecorder,
  {
    provide: CHART_RENDERER,
    useFactory: () => {
      const recorder = inject(ChartRecorder);
      return (canvas: HTMLCanvasElement, config: ChartConfiguration) =>
        recorder.render(canvas, config);
    },
  },
];
