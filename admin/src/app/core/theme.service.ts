import { DOCUMENT } from '@angular/common';
import { Injectable, computed, effect, inject, signal } from '@angular/core';

export type ThemeMode = 'light' | 'dark';

export const THEME_STORAGE_KEY = 'integron.admin.theme';

function isThemeMode(value: unknown): value is ThemeMode {
  return value === 'light' || value === 'dark';
}

/**
 * Light/dark choice. Without a stored choice the page follows `prefers-color-scheme`
 * (styles.scss sets `color-scheme: light dark`); a choice is stored and pins the scheme.
 */
@Injectable({ providedIn: 'root' })
export class ThemeService {
  private readonly document = inject(DOCUMENT);
  private readonly window = this.document.defaultView;
  private readonly chosen = signal<ThemeMode | null>(this.readStoredChoice());
  private readonly systemPrefersDark = signal(this.queryPrefersDark());

  /** The scheme in effect right now. */
  readonly mode = computed<ThemeMode>(
    () => this.chosen() ?? (this.systemPrefersDark() ? 'dark' : 'light'),
  );

  constructor() {
    this.window
      ?.matchMedia?.('(prefers-color-scheme: dark)')
      .addEventListener('change', (event) => this.systemPrefersDark.set(event.matches));

    effect(() => {
      const chosen = this.chosen();
      const root = this.document.documentElement;
      root.classList.toggle('theme-light', chosen === 'light');
      root.classList.toggle('theme-dark', chosen === 'dark');
    });
  }

  toggle(): void {
    const next: ThemeMode = this.mode() === 'dark' ? 'light' : 'dark';
    this.chosen.set(next);
    try {
      this.window?.localStorage.setItem(THEME_STORAGE_KEY, next);
    } catch {
      // Storage can be disabled (private mode, policy); the choice then lasts for this visit.
    }
  }

  private readStoredChoice(): ThemeMode | null {
    try {
      const stored = this.window?.localStorage.getItem(THEME_STORAGE_KEY);
      return isThemeMode(stored) ? stored : null;
    } catch {
      return null;
    }
  }

  private queryPrefersDark(): boolean {
    return this.window?.matchMedia?.('(prefers-color-scheme: dark)').matches ?? false;
  }
}
