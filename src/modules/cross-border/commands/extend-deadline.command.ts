import { Injectable } from '@nestjs/common';

import { Actor } from '@app/auth/actor';
import { WorkItemStore } from '@app/workflow/work-item-store';

import { RequestSide } from '../cross-border.enums';
import { CrossBorderErrorReason, CrossBorderException } from '../cross-border.exception';
import { CrossBorderKind } from '../cross-border.kind';
import { CrossBorderRequestEntity } from '../cross-border-request.entity';
import { ExtendDeadlineInput } from '../dto/cross-border.inputs';
import { DeadlineExtensionService } from './deadline-extension.service';

/** Either side moves a stage's date: the home side extends, the counterpart postpones. */
@Injectable()
export class ExtendDeadlineCommand {
  constructor(
    private readonly kind: CrossBorderKind,
    private readonly store: WorkItemStore,
    private readonly extension: DeadlineExtensionService,
  ) {}

  execute(actor: Actor, input: ExtendDeadlineInput): Promise<CrossBorderRequestEntity> {
    return this.store.forChange(this.kind, actor, input.id, input.expectedVersion, async (manager, request) => {
      const sides = this.kind.sides(actor, request);
      if (!sides.includes(RequestSide.HOME) && !sides.includes(RequestSide.COUNTERPART)) {
        throw new CrossBorderException(CrossBorderErrorReason.WRONG_SIDE, 'You do not work on this request.');
      }
      return this.extension.extend(manager, actor, request, {
        stage: input.stage,
        newDate: input.newDate,
        reason: input.reason,
        details: { by: sides.includes(RequestSide.HOME) ? 'home side (extension)' : 'counterpart (postponement)' },
      });
    });
  }
}
