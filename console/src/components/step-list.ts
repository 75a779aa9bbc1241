/**
 * Ordered list editing for step templates ("在 2 号门集合 → 1 楼自助挂号 → ..."), kept free of
 * React so the rules are tested on their own. Every function returns a new array.
 */
export const MAX_STEPS = 30;
export const MAX_STEP_LENGTH = 100;

export function moveStep(steps: string[], index: number, delta: -1 | 1): string[] {
  const target = index + delta;
  if (index < 0 || index >= steps.length || target < 0 || target >= steps.length) return steps;
  const next = [...steps];
  [next[index], next[target]] = [next[target], next[index]];
  return next;
}

export function removeStep(steps: string[], index: number): string[] {
  return steps.filter((_, i) => i !== index);
}

/** Adds an empty step after `index` (at the end by default); no-op at the limit. */
export function insertStep(steps: string[], index = steps.length - 1): string[] {
  if (steps.length >= MAX_STEPS) return steps;
  const next = [...steps];
  next.splice(index + 1, 0, '');
  return next;
}

export function updateStep(steps: string[], index: number, text: string): string[] {
  return steps.map((s, i) => (i === index ? text : s));
}

/** What is sent: trimmed, empty lines dropped. */
export function cleanSteps(steps: string[]): string[] {
  return steps.map((s) => s.trim()).filter(Boolean);
}

/** A readable problem with the list as it would be sent, or null when it can be saved. */
export function stepsProblem(steps: string[]): string | null {
  const clean = cleanSteps(steps);
  if (clean.length === 0) return '至少填写一个步骤';
  if (clean.length > MAX_STEPS) return `最多 ${MAX_STEPS} 个步骤`;
  const long = clean.findIndex((s) => Array.from(s).length > MAX_STEP_LENGTH);
  if (long >= 0) return `第 ${long + 1} 步超过 ${MAX_STEP_LENGTH} 个字`;
  return null;
}

/** One line for tables: "在 2 号门集合 → 1 楼自助挂号 → 候诊". */
export function stepsSummary(steps: string[]): string {
  return cleanSteps(steps).join(' → ');
}
