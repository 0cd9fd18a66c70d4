import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

import { addWorkingDays, daysOffBetween } from '@libs/deadlines';

import { Actor } from '@app/auth/actor';
import { Clock } from '@app/kernel/clock';
import { CalendarsService } from '@app/modules/calendars/calendars.service';

import { TaskAssignmentService } from '../commands/task-assignment.service';
import { TaskDuePreview, TaskDuePreviewArgs } from '../dto/task-due-preview.dto';

/**
 * The due date a new task (or a meeting's action item) would get for so many working days, before it is saved:
 * the same agency check and the same calendar arithmetic as createTask, so the form shows what will be stored.
 */
@Injectable()
export class TaskDuePreviewQuery {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly assignment: TaskAssignmentService,
    private readonly calendars: CalendarsService,
    private readonly clock: Clock,
  ) {}

  async execute(actor: Actor, args: TaskDuePreviewArgs): Promise<TaskDuePreview> {
    // An action item may be owed by the actor's own agency; createTask still refuses that for a task.
    const agency = await this.assignment.requireAssigneeAgency(
      this.dataSource.manager,
      actor,
      args.assigneeAgencyId,
      true,
    );
    const calendar = await this.calendars.workCalendar(agency.country, agency.timeZone);
    const now = this.clock.now();
    const dueAt = addWorkingDays(now, args.workingDays, calendar);
    const daysOff = daysOffBetween(now, dueAt, calendar);
    const years = [...new Set(daysOff.map((day) => Number(day.slice(0, 4))))];
    const holidays = (await Promise.all(years.map((year) => this.calendars.holidays(agency.country, year))))
      .flat()
      .filter((holiday) => daysOff.includes(holiday.date));
    return {
      dueAt,
      workingDays: args.workingDays,
      timeZone: agency.timeZone,
      country: agency.country,
      daysOff,
      holidays,
    };
  }
}
