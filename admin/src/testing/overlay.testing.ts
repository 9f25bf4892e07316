import { OverlayContainer } from '@angular/cdk/overlay';
import { type Provider } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';

/** Where dialogs and snackbars render: outside the component under test. */
export function overlayElement(): HTMLElement {
  return TestBed.inject(OverlayContainer).getContainerElement();
}

export function overlayText(): string {
  return overlayElement().textContent;
}

export function inOverlay<T extends HTMLElement = HTMLElement>(testId: string): T | null {
  return overlayElement().querySelector<T>(`[data-testid="${testId}"]`);
}

export function byTestId<T extends HTMLElement = HTMLElement>(
  host: HTMLElement,
  testId: string,
): T | null {
  return host.querySelector<T>(`[data-testid="${testId}"]`);
}

export function buttonNamed(host: HTMLElement, name: string): HTMLButtonElement | undefined {
  return [...host.querySelectorAll('button')].find((button) => button.textContent.trim() === name);
}

/** Dialogs and snackbars open and close at once, without waiting for CSS animations jsdom never runs. */
export const NO_MATERIAL_ANIMATIONS: Provider = {
  provide: MATERIAL_ANIMATIONS,
  useValue: { animationsDisabled: true },
};
