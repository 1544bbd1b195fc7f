import { describe, expect, it } from '@jest/globals';
import { certificateHours } from './index';

describe('certificate hours: the computed study time rounded up to the half hour', () => {
  it.each([
    [1, 0.5],
    [30, 0.5],
    [31, 1],
    [60, 1],
    [61, 1.5],
    [95, 2],
    [600, 10],
  ])('%i minutes → %f hours', (minutes, hours) => {
    expect(certificateHours(minutes)).toBe(hours);
  });

  it('never says zero hours', () => {
    expect(certificateHours(0)).toBe(0.5);
  });
});
