import { type ComponentFixture, TestBed } from '@angular/core/testing';

import { ChartRecorder } from '../../testing/chart.testing';
import { pageTestProviders } from '../../testing/page.testing';
import { ThemeService } from '../core/theme.service';
import { ChartComponent, type ChartSpec, chartConfig } from './chart.component';

const SPEC: ChartSpec = {
  kind: 'bar',
  labels: ['10:00', '11:00'],
  series: [
    { label: 'Bans', values: [1, 2], tone: 'error' },
    { label: 'Timeouts', values: [3, 4], tone: 'warning' },
  ],
  stacked: true,
};

describe(ChartComponent.name, () => {
  let fixture: ComponentFixture<ChartComponent>;

  beforeEach(async () => {
    localStorage.clear();
    TestBed.configureTestingModule({ providers: pageTestProviders() });
    fixture = TestBed.createComponent(ChartComponent);
    fixture.componentRef.setInput('spec', SPEC);
    fixture.componentRef.setInput('label', 'Mod actions per hour');
    await fixture.whenStable();
  });

  afterEach(() => {
    localStorage.clear();
    document.documentElement.classList.remove('theme-light', 'theme-dark');
  });

  function host(): HTMLElement {
    return fixture.nativeElement as HTMLElement;
  }

  it('draws the series stacked, and lists the numbers for screen readers', () => {
    const config = TestBed.inject(ChartRecorder).configIn(host());

    expect(config?.type).toBe('bar');
    expect(config?.data.labels).toEqual(['10:00', '11:00']);
    expect(config?.data.datasets.map((dataset) => dataset.data)).toEqual([
      [1, 2],
      [3, 4],
    ]);
    expect(config?.options?.scales?.['x']).toMatchObject({ stacked: true });
    const table = host().querySelector('[data-testid="chart-data"]');
    expect(table?.querySelector('caption')?.textContent.trim()).toBe('Mod actions per hour');
    const rows = [...(table?.querySelectorAll('tbody tr') ?? [])].map((row) =>
      [...row.children].map((cell) => cell.textContent.trim()),
    );
    expect(rows).toEqual([
      ['10:00', '1', '3'],
      ['11:00', '2', '4'],
    ]);
  });

  it('redraws with new data and when the theme changes', async () => {
    const recorder = TestBed.inject(ChartRecorder);
    const canvas = host().querySelector('canvas');
    const first = recorder.configIn(host());

    fixture.componentRef.setInput('spec', { ...SPEC, labels: ['12:00'], series: [SPEC.series[0]] });
    await fixture.whenStable();
    expect(recorder.configIn(host())?.data.labels).toEqual(['12:00']);

    const beforeTheme = recorder.configIn(host());
    TestBed.inject(ThemeService).toggle();
    await fixture.whenStable();

    expect(recorder.configIn(host())).not.toBe(beforeTheme);
    expect(recorder.configIn(host())).not.toBe(first);
    expect(recorder.charts.size).toBe(1);
    expect(host().querySelector('canvas')).toBe(canvas);
  });

  it('stops drawing with the page', () => {
    fixture.destroy();

    expect(TestBed.inject(ChartRecorder).charts.size).toBe(0);
  });
});

describe(chartConfig.name, () => {
  it('colours each series by its theme role, translucent under a line', () => {
    const config = chartConfig(
      {
        kind: 'line',
        labels: ['a'],
        series: [{ label: 'Messages', values: [5], tone: 'primary' }],
      },
      { text: 'rgb(1, 1, 1)', grid: 'rgb(2, 2, 2)', tone: () => 'rgb(10, 20, 30)' },
    );

    const dataset = config.data.datasets[0] as { borderColor: string; backgroundColor: string };
    expect(dataset.borderColor).toBe('rgb(10, 20, 30)');
    expect(dataset.backgroundColor).toBe('rgba(10, 20, 30, 0.2)');
    expect(config.options?.plugins?.legend?.display).toBe(false);
  });
});
