import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  ElementRef,
  InjectionToken,
  afterRenderEffect,
  computed,
  inject,
  input,
  untracked,
  viewChild,
} from '@angular/core';
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  type ChartConfiguration,
  Filler,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
} from 'chart.js';

import { ThemeService } from '../core/theme.service';

Chart.register(
  BarController,
  BarElement,
  CategoryScale,
  Filler,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
);

/** Theme colours a series may take; each maps to a Material (or app) colour role. */
export type ChartTone = 'primary' | 'secondary' | 'tertiary' | 'error' | 'warning' | 'success';

const TONE_VARIABLES: Record<ChartTone, string> = {
  primary: '--mat-sys-primary',
  secondary: '--mat-sys-secondary',
  tertiary: '--mat-sys-tertiary',
  error: '--mat-sys-error',
  warning: '--app-warning',
  success: '--app-success',
};

export interface ChartSeries {
  label: string;
  values: readonly number[];
  tone: ChartTone;
}

/** What a chart shows, in the page's terms; the component turns it into a chart.js config. */
export interface ChartSpec {
  kind: 'bar' | 'line';
  /** One per point, already formatted (e.g. `14:00`, `Nov 22`). */
  labels: readonly string[];
  series: readonly ChartSeries[];
  /** Bars of all series on top of each other. */
  stacked?: boolean;
}

export interface ChartHandle {
  update(config: ChartConfiguration): void;
  destroy(): void;
}

/** Draws on a canvas. A token, so specs (jsdom has no canvas) can see what would be drawn. */
export type ChartRenderer = (canvas: HTMLCanvasElement, config: ChartConfiguration) => ChartHandle;

export const CHART_RENDERER = new InjectionToken<ChartRenderer>('CHART_RENDERER', {
  factory: () => (canvas, config) => {
    const chart = new Chart(canvas, config);
    return {
      update: (next) => {
        chart.data = next.data;
        chart.options = next.options ?? {};
        chart.update();
      },
      destroy: () => chart.destroy(),
    };
  },
});

/** Colours resolved for the theme in effect (the roles are `light-dark()` values). */
export interface ChartColors {
  text: string;
  grid: string;
  tone: (tone: ChartTone) => string;
}

/** The chart.js configuration for `spec` in `colors`. */
export function chartConfig(spec: ChartSpec, colors: ChartColors): ChartConfiguration {
  const stacked = spec.stacked ?? false;
  const isLine = spec.kind === 'line';
  return {
    type: spec.kind,
    data: {
      labels: [...spec.labels],
      datasets: spec.series.map((series) => {
        const color = colors.tone(series.tone);
        return {
          label: series.label,
          data: [...series.values],
          borderColor: color,
          backgroundColor: isLine ? withAlpha(color, 0.2) : color,
          fill: isLine,
          tension: 0.3,
          pointRadius: 0,
          pointHitRadius: 8,
          borderWidth: isLine ? 2 : 0,
          borderRadius: isLine ? 0 : 3,
        };
      }),
    },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      interaction: { mode: 'index', intersect: false },
      plugins: {
        legend: {
          display: spec.series.length > 1,
          labels: { color: colors.text, boxWidth: 12 },
        },
        tooltip: { enabled: true },
      },
      scales: {
        x: {
          stacked,
          ticks: { color: colors.text, maxRotation: 0, autoSkipPadding: 12 },
          grid: { display: false },
          border: { color: colors.grid },
        },
        y: {
          stacked,
          beginAtZero: true,
          ticks: { color: colors.text, precision: 0 },
          grid: { color: colors.grid },
          border: { display: false },
        },
      },
    },
  };
}

/** `rgb(1, 2, 3)` → `rgba(1, 2, 3, 0.2)`; other notations unchanged. */
function withAlpha(color: string, alpha: number): string {
  const match = /^rgb\((\d+),\s*(\d+),\s*(\d+)\)$/.exec(color);
  return match ? `rgba(${match[1]}, ${match[2]}, ${match[3]}, ${alpha})` : color;
}

/**
 * A chart.js chart in the page's theme, redrawn when the data or the theme changes. The same
 * numbers are in a visually hidden table for screen readers.
 */
@Component({
  selector: 'app-chart',
  template: `
    <div class="frame" [style.height.px]="height()">
      <canvas #canvas role="img" [attr.aria-label]="label()"></canvas>
    </div>
    <table class="cdk-visually-hidden" data-testid="chart-data">
      <caption>
        {{
          label()
        }}
      </caption>
      <thead>
        <tr>
          <th scope="col"></th>
          @for (series of spec().series; track series.label) {
            <th scope="col">{{ series.label }}</th>
          }
        </tr>
      </thead>
      <tbody>
        @for (row of rows(); track $index) {
          <tr>
            <th scope="row">{{ row.label }}</th>
            @for (value of row.values; track $index) {
              <td>{{ value }}</td>
            }
          </tr>
        }
      </tbody>
    </table>
    <!-- Probes whose computed colour is a theme role resolved for the scheme in effect. -->
    <span class="probe" #probe aria-hidden="true"></span>
  `,
  styles: `
    :host {
      display: block;
      position: relative;
    }
    .frame {
      position: relative;
    }
    .probe {
      display: none;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ChartComponent {
  readonly spec = input.required<ChartSpec>();
  /** Says what the chart shows, e.g. "Messages per hour, last 24 hours". */
  readonly label = input.required<string>();
  readonly height = input(220);

  private readonly render = inject(CHART_RENDERER);
  private readonly theme = inject(ThemeService);
  private readonly canvas = viewChild.required<ElementRef<HTMLCanvasElement>>('canvas');
  private readonly probe = viewChild.required<ElementRef<HTMLElement>>('probe');
  private chart: ChartHandle | null = null;

  protected readonly rows = computed(() => {
    const { labels, series } = this.spec();
    return labels.map((label, index) => ({
      label,
      values: series.map((each) => each.values[index] ?? 0),
    }));
  });

  constructor() {
    // After rendering: the canvas exists, and the theme class is on the page.
    afterRenderEffect(() => {
      const spec = this.spec();
      this.theme.mode();
      untracked(() => this.draw(spec));
    });
    inject(DestroyRef).onDestroy(() => this.chart?.destroy());
  }

  private draw(spec: ChartSpec): void {
    const config = chartConfig(spec, this.colors());
    if (this.chart) {
      this.chart.update(config);
    } else {
      this.chart = this.render(this.canvas().nativeElement, config);
    }
  }

  private colors(): ChartColors {
    const probe = this.probe().nativeElement;
    const view = probe.ownerDocument.defaultView;
    const resolve = (variable: string, fallback: string): string => {
      probe.style.color = `var(${variable}, ${fallback})`;
      const color = view?.getComputedStyle(probe).color;
      return color === undefined || color === '' ? fallback : color;
    };
    const tones = new Map<ChartTone, string>();
    return {
      text: resolve('--mat-sys-on-surface-variant', '#888'),
      grid: resolve('--mat-sys-outline-variant', '#8884'),
      tone: (tone) => {
        let color = tones.get(tone);
        if (color === undefined) {
          color = resolve(TONE_VARIABLES[tone], '#888');
          tones.set(tone, color);
        }
        return color;
      },
    };
  }
}
