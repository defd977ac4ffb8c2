// Is reject as easy to see and hit as accept? Measured looks in, reasons out.
import { describe, expect, it } from 'vitest';
import { compareButtons, contrast, looksLikeButton, parseColour } from '../../src/audit/prominence';
import type { ButtonLook } from '../../src/audit/types';

const button = (over: Partial<ButtonLook> = {}): ButtonLook => ({
  width: 120,
  height: 40,
  fontSize: 15,
  fontWeight: 600,
  color: 'rgb(255, 255, 255)',
  background: 'rgb(35, 57, 91)',
  backdrop: 'rgb(35, 57, 91)',
  surroundings: 'rgb(255, 255, 255)',
  borderWidth: 1,
  borderStyle: 'solid',
  borderColor: 'rgb(35, 57, 91)',
  textDecoration: 'none',
  opacity: 1,
  style: { backgroundColor: 'rgb(35, 57, 91)', color: 'rgb(255, 255, 255)' },
  ...over,
});

describe('compareButtons', () => {
  it('finds nothing when both look the same', () => {
    expect(compareButtons(button(), button())).toEqual({ reasons: [], differences: [] });
  });

  it('accepts a different but comparable style (an outlined reject beside a filled accept), and lists the differences', () => {
    const outlined = button({
      color: 'rgb(35, 57, 91)',
      background: 'rgb(255, 255, 255)',
      backdrop: 'rgb(255, 255, 255)',
      style: { backgroundColor: 'rgb(255, 255, 255)', color: 'rgb(35, 57, 91)' },
    });
    expect(compareButtons(button(), outlined)).toEqual({
      reasons: [],
      differences: ['backgroundColor', 'color'],
    });
  });

  it('objects to a reject half the size, with smaller text, as plain text, hard to read, or faded', () => {
    const link = button({
      width: 60,
      height: 14,
      fontSize: 12,
      color: 'rgb(181, 181, 181)',
      background: 'rgba(0, 0, 0, 0)',
      backdrop: 'rgb(255, 255, 255)',
      borderWidth: 0,
      borderStyle: 'none',
      opacity: 0.5,
    });
    const { reasons } = compareButtons(button(), link);
    expect(reasons).toEqual([
      'it is less than half the size (60×14 px against 120×40 px)',
      'its text is smaller (12 px against 15 px)',
      'it looks like plain text, while accept is a button',
      'its text is hard to read (contrast 2.05:1 against 11.62:1)',
      'it is faded (opacity 0.5 against 1)',
    ]);
  });
});

describe('colours', () => {
  it('reads the forms getComputedStyle gives', () => {
    expect(parseColour('rgb(1, 2, 3)')).toEqual([1, 2, 3, 1]);
    expect(parseColour('rgba(1, 2, 3, 0.5)')).toEqual([1, 2, 3, 0.5]);
    expect(parseColour('rgb(1 2 3 / 50%)')).toEqual([1, 2, 3, 0.5]);
    expect(parseColour('oklch(0.5 0.1 200)')).toBeUndefined();
  });

  it('gives WCAG contrast ratios', () => {
    expect(contrast({ color: 'rgb(0, 0, 0)', backdrop: 'rgb(255, 255, 255)' })).toBe(21);
    expect(contrast({ color: 'rgb(119, 119, 119)', backdrop: 'rgb(255, 255, 255)' })).toBe(4.48);
    expect(contrast({ color: 'color(srgb 0 0 0)', backdrop: 'rgb(255, 255, 255)' })).toBeUndefined();
  });

  it('tells a button (filled or bordered) from text', () => {
    expect(looksLikeButton(button())).toBe(true);
    expect(looksLikeButton(button({ background: 'rgba(0, 0, 0, 0)' }))).toBe(true); // still bordered
    expect(looksLikeButton(button({ background: 'rgba(0, 0, 0, 0)', borderWidth: 0 }))).toBe(false);
    // Filled with the colour around it: no shape to see.
    expect(looksLikeButton(button({ background: 'rgb(255, 255, 255)', borderWidth: 0 }))).toBe(false);
  });
});
