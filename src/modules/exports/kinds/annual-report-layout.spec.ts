import { TaskForceDuty, TaskPillar } from '@app/modules/tasks/task.enums';

import { AnnualFigure, asSingleTable, DUTY_ORDER, layOutAnnualReport, PILLAR_ORDER } from './annual-report-layout';

const figure = (overrides: Partial<AnnualFigure>): AnnualFigure => ({
  indicator: 'VICTIMS_IDENTIFIED',
  name: 'People identified as victims',
  unit: 'person identified as victim',
  duty: TaskForceDuty.VICTIM_MONITORING,
  pillar: TaskPillar.PROTECTION,
  value: 0,
  ...overrides,
});

describe('annual report layout', () => {
  const sut = layOutAnnualReport(2023, [
    figure({ breakdown: 'destinationCountry=KH', value: 1200 }),
    figure({ value: 4026 }),
    figure({ indicator: 'PERSONS_REPATRIATED', name: 'People repatriated', unit: 'person repatriated', value: 28 }),
    figure({
      indicator: 'SUSPECTS_CHARGED',
      name: 'Suspects charged',
      unit: 'suspect',
      duty: TaskForceDuty.LEGAL_DEVELOPMENT,
      pillar: TaskPillar.PROSECUTION,
      value: 37,
    }),
    figure({
      indicator: 'ACTIVITIES',
      name: 'Socialisations and trainings',
      unit: 'activity',
      duty: TaskForceDuty.TRAINING_AND_COOPERATION,
      pillar: TaskPillar.PREVENTION,
      value: 14,
    }),
  ]);

  it('has a chapter for each of the five duties, in the report’s order, even a duty with no figures', () => {
    expect(sut.map((chapter) => chapter.sheet)).toEqual([
      '1 COORDINATION',
      '2 TRAINING_AND_COOPERATION',
      '3 VICTIM_MONITORING',
      '4 LEGAL_DEVELOPMENT',
      '5 REPORTING_AND_EVALUATION',
    ]);
    expect(sut[0].title).toBe('2023 1. Koordinasi / Coordination');
    expect(sut[0].rows).toEqual(PILLAR_ORDER.map((pillar) => [pillar, null, 'no figures recorded', null, null, null]));
  });

  it('groups each chapter by the 3P + Partnership pillars, in order, with totals before their breakdowns', () => {
    const monitoring = sut[DUTY_ORDER.indexOf(TaskForceDuty.VICTIM_MONITORING)];
    expect(monitoring.rows.map((row) => row.slice(0, 5))).toEqual([
      ['PREVENTION', null, 'no figures recorded', null, null],
      ['PROTECTION', 'PERSONS_REPATRIATED', 'People repatriated', '', 28],
      ['PROTECTION', 'VICTIMS_IDENTIFIED', 'People identified as victims', '', 4026],
      ['PROTECTION', 'VICTIMS_IDENTIFIED', 'People identified as victims', 'destinationCountry=KH', 1200],
      ['PROSECUTION', null, 'no figures recorded', null, null],
      ['PARTNERSHIP', null, 'no figures recorded', null, null],
    ]);
    const legal = sut[DUTY_ORDER.indexOf(TaskForceDuty.LEGAL_DEVELOPMENT)];
    expect(legal.rows.filter((row) => row[1] !== null)).toEqual([
      ['PROSECUTION', 'SUSPECTS_CHARGED', 'Suspects charged', '', 37, 'suspect'],
    ]);
  });

  it('lays the chapters end to end as one table for CSV, every figure once, the duty on each row', () => {
    const table = asSingleTable(sut);
    expect(table.columns).toEqual(['duty', 'pillar', 'indicator', 'name', 'breakdown', 'value', 'unit']);
    expect(table.rows).toHaveLength(sut.reduce((n, chapter) => n + chapter.rows.length, 0));
    expect(table.rows.filter((row) => row[2] !== null)).toHaveLength(5);
    expect(table.rows.find((row) => row[2] === 'ACTIVITIES')?.[0]).toBe('TRAINING_AND_COOPERATION');
  });
});
