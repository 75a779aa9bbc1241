import { cleanSteps, insertStep, MAX_STEPS, moveStep, removeStep, stepsProblem, stepsSummary, updateStep } from './step-list';

const steps = ['在 2 号门集合', '1 楼自助挂号', '候诊'];

describe('step list editing', () => {
  it('moves a step up and down, and not past either end', () => {
    expect(moveStep(steps, 2, -1)).toEqual(['在 2 号门集合', '候诊', '1 楼自助挂号']);
    expect(moveStep(steps, 0, 1)).toEqual(['1 楼自助挂号', '在 2 号门集合', '候诊']);
    expect(moveStep(steps, 0, -1)).toBe(steps);
    expect(moveStep(steps, 2, 1)).toBe(steps);
  });

  it('removes, inserts after a step and updates without touching the input', () => {
    expect(removeStep(steps, 1)).toEqual(['在 2 号门集合', '候诊']);
    expect(insertStep(steps, 0)).toEqual(['在 2 号门集合', '', '1 楼自助挂号', '候诊']);
    expect(insertStep(steps)).toEqual([...steps, '']);
    expect(insertStep([])).toEqual(['']);
    expect(updateStep(steps, 2, '取药')).toEqual(['在 2 号门集合', '1 楼自助挂号', '取药']);
    expect(steps).toEqual(['在 2 号门集合', '1 楼自助挂号', '候诊']);
  });

  it('stops adding at the limit', () => {
    const full = Array.from({ length: MAX_STEPS }, (_, i) => `第${i + 1}步`);
    expect(insertStep(full)).toBe(full);
  });

  it('sends trimmed steps without empty lines', () => {
    expect(cleanSteps([' 集合 ', '', '  ', '挂号'])).toEqual(['集合', '挂号']);
    expect(stepsSummary([' 集合 ', '', '挂号'])).toBe('集合 → 挂号');
  });

  it('explains what keeps a list from being saved', () => {
    expect(stepsProblem(['', ' '])).toBe('至少填写一个步骤');
    expect(stepsProblem(['集合', '长'.repeat(101)])).toBe('第 2 步超过 100 个字');
    expect(stepsProblem(steps)).toBeNull();
  });
});
