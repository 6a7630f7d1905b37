/**
 * The size of a partner-map mark, shared by the build-time maps (partner-map.ts) and the directory
 * script that resizes marks as filters change: a circle whose area grows with its partner count.
 */
export function markRadius(n: number, scale = 1): number {
  return Math.round((2.6 + 2.2 * Math.sqrt(Math.max(0, n - 1))) * scale * 10) / 10;
}
