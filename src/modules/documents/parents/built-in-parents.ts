import { Injectable, OnModuleInit } from '@nestjs/common';

import { Actor } from '@app/auth/actor';
import { CasesService } from '@app/modules/cases/cases.service';
import { CrossBorderService } from '@app/modules/cross-border/cross-border.service';
import { ReferralsService } from '@app/modules/referrals/referrals.service';
import { SuspectsService } from '@app/modules/suspects/suspects.service';
import { TasksService } from '@app/modules/tasks/tasks.service';
import { VictimsService } from '@app/modules/victims/victims.service';

import { DocumentParentKind } from '../document.enums';
import { DocumentParents, visibleThrough } from './document-parents';

/**
 * The parent kinds that existed when documents came: each asks the owning module's own visibility rule, so a
 * document is reachable exactly when its parent is. A person's and a suspect's documents ask more: that the actor
 * may see the identity (papers about a person name the person), read fresh each time, so a revoked consent or an
 * ended participation closes the documents on the next request.
 */
@Injectable()
export class BuiltInDocumentParents implements OnModuleInit {
  constructor(
    private readonly parents: DocumentParents,
    private readonly cases: CasesService,
    private readonly victims: VictimsService,
    private readonly suspects: SuspectsService,
    private readonly tasks: TasksService,
    private readonly referrals: ReferralsService,
    private readonly crossBorder: CrossBorderService,
  ) {}

  onModuleInit(): void {
    const visibleVictim = visibleThrough((actor, id) => this.victims.victim(actor, id));
    const visibleSuspect = visibleThrough((actor, id) => this.suspects.suspect(actor, id));
    this.parents.register({
      kind: DocumentParentKind.CASE,
      noun: 'case',
      mayAccess: visibleThrough((actor, id) => this.cases.findVisible(actor, id)),
    });
    this.parents.register({
      kind: DocumentParentKind.VICTIM,
      noun: 'person',
      mayAccess: async (actor: Actor, id: string) =>
        (await visibleVictim(actor, id)) && this.victims.canSeeIdentity(actor, id),
    });
    this.parents.register({
      kind: DocumentParentKind.SUSPECT,
      noun: 'suspect',
      mayAccess: async (actor: Actor, id: string) =>
        (await visibleSuspect(actor, id)) && this.suspects.canSeeIdentity(actor, id),
    });
    this.parents.register({
      kind: DocumentParentKind.TASK,
      noun: 'task',
      mayAccess: visibleThrough((actor, id) => this.tasks.findVisible(actor, id)),
    });
    this.parents.register({
      kind: DocumentParentKind.REFERRAL,
      noun: 'referral',
      mayAccess: visibleThrough((actor, id) => this.referrals.referral(actor, id)),
    });
    this.parents.register({
      kind: DocumentParentKind.CROSS_BORDER_REQUEST,
      noun: 'cross-border request',
      mayAccess: visibleThrough((actor, id) => this.crossBorder.crossBorderRequest(actor, id)),
    });
  }
}
